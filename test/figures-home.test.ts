// One home for figures: every chart is built by a figure function, the
// library's in leaky-relu/plot, an experiment's in leaky-relu/experiments, a
// site-only one in website/figures/. Notebooks and components call them.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from './support/snippets.js';

/** A Plotly trace or figure written out: `type: "scatter"` (any trace type), or a `data: [` figure literal. */
const HAND_BUILT = /\btype:\s*(["'])(?:scatter|scattergl|bar|histogram|heatmap|box|violin|pie|contour|surface)\1|\bdata:\s*\[/;

function filesUnder(dir: string, extensions: readonly string[]): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(path, extensions);
    return extensions.some((extension) => entry.name.endsWith(extension)) ? [path] : [];
  });
}

/** Each code cell of the published notebooks, named `notebook, cell N`. */
function notebookCells(): [string, string][] {
  const folder = join(root, 'notebooks');
  return readdirSync(folder)
    .filter((name) => name.endsWith('.ipynb'))
    .flatMap((name) => {
      const notebook = JSON.parse(readFileSync(join(folder, name), 'utf8')) as { cells: { cell_type: string; source: string[] | string }[] };
      return notebook.cells.flatMap((cell, index): [string, string][] =>
        cell.cell_type === 'code' ? [[`${name}, cell ${index}`, typeof cell.source === 'string' ? cell.source : cell.source.join('')]] : [],
      );
    });
}

const components = filesUnder(join(root, 'website/components'), ['.ts', '.tsx']);
const siteFigures = filesUnder(join(root, 'website/figures'), ['.ts', '.tsx']);

/** The files a module imports by a relative path, resolved to the .ts or .tsx file. */
function relativeImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/\bfrom\s*'(\.[^']+)'/g)].map((match) => resolve(dirname(file), match[1]!).replace(/\.js$/, ''));
}

describe('one home for figures', () => {
  it('finds a hand-built trace or figure where there is one', () => {
    expect(HAND_BUILT.test(`show({ data: [{ x, y }] })`)).toBe(true);
    expect(HAND_BUILT.test(`{ type: "scatter", x }`)).toBe(true);
    expect(HAND_BUILT.test(`{ type: 'bar', x }`)).toBe(true);
    expect(HAND_BUILT.test(`show(unitsFigure(relu, leaky)); const metadata = [1];`)).toBe(false);
  });

  it('no notebook cell builds Plotly traces by hand: each calls a figure function', () => {
    const cells = notebookCells();
    expect(cells.length).toBeGreaterThan(20);
    expect(cells.filter(([, source]) => HAND_BUILT.test(source)).map(([name]) => name)).toEqual([]);
  });

  it('no file under website/components/ builds Plotly traces by hand: site-only figures live in website/figures/', () => {
    expect(components.length).toBeGreaterThan(10);
    expect(components.filter((file) => HAND_BUILT.test(readFileSync(file, 'utf8'))).map((file) => relative(root, file))).toEqual([]);
  });

  it('every figure module under website/figures/ is imported by a component', () => {
    expect(siteFigures.length).toBeGreaterThan(0);
    const imported = new Set(components.flatMap(relativeImports));
    const unused = siteFigures.filter((file) => !imported.has(file.replace(/\.tsx?$/, '')));
    expect(unused.map((file) => relative(root, file))).toEqual([]);
  });
});
