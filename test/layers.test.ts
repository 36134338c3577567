import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root, sourceFiles } from './support/snippets.js';

/**
 * The layers of src/, each importing only the layers listed for it: the
 * arrows point down, from the entry points to base/, which imports nothing.
 */
const LAYERS: { readonly [layer: string]: readonly string[] } = {
  base: [],
  kernels: ['base'],
  core: ['base', 'kernels'],
  plot: ['base', 'core'],
  experiments: ['base', 'core', 'plot'],
};

const src = join(root, 'src');

/** The files of src/ that `file` imports, type-only imports and re-exports included. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s*'([^']+)'/gms), ...text.matchAll(/^\s*import\s*'([^']+)'/gm)];
  return specifiers
    .map((match) => match[1]!)
    .filter((specifier) => specifier.startsWith('.'))
    .map((specifier) => resolve(dirname(file), specifier).replace(/\.js$/, '.ts'));
}

/** `base`, `kernels`, `core`...: the folder under src/, or `index` for src/index.ts. */
function layerOf(file: string): string {
  const [first, second] = relative(src, file).split('/');
  return second === undefined ? 'index' : first!;
}

const graph = new Map(sourceFiles(src).map((file) => [file, importsOf(file)]));

describe('the layers of src/', () => {
  it('are the folders of src/, and every file sits in one', () => {
    const layers = new Set([...graph.keys()].map(layerOf));
    expect([...layers].sort()).toEqual(['index', ...Object.keys(LAYERS)].sort());
  });

  it('finds the imports of a file, type-only ones included', () => {
    // The test is only as good as its parser: core/elementwise.ts imports a type from base/.
    expect(graph.get(join(src, 'core/elementwise.ts'))).toContain(join(src, 'base/numeric-array.ts'));
    expect(graph.get(join(src, 'kernels/dispatch.ts'))).toContain(join(src, 'kernels/typed-kernel.ts'));
  });

  it.each(Object.entries(LAYERS))('%s imports only from itself and %j', (layer, below) => {
    for (const [file, imports] of graph) {
      if (layerOf(file) !== layer) continue;
      for (const imported of imports) {
        expect([layer, ...below], `${relative(root, file)} imports ${relative(root, imported)}`).toContain(layerOf(imported));
      }
    }
  });

  it('src/kernels imports nothing from src/core', () => {
    for (const [file, imports] of graph) {
      if (layerOf(file) !== 'kernels') continue;
      expect(imports.filter((imported) => layerOf(imported) === 'core'), relative(root, file)).toEqual([]);
    }
  });

  it('has no import cycle, type-only imports included', () => {
    const done = new Set<string>();
    const path: string[] = [];
    const cycles: string[] = [];
    const visit = (file: string): void => {
      const at = path.indexOf(file);
      if (at >= 0) {
        cycles.push([...path.slice(at), file].map((each) => relative(src, each)).join(' → '));
        return;
      }
      if (done.has(file)) return;
      path.push(file);
      for (const imported of graph.get(file) ?? []) visit(imported);
      path.pop();
      done.add(file);
    };
    for (const file of graph.keys()) visit(file);
    expect(cycles).toEqual([]);
  });
});

/** Every script and module under `dir`, whatever its extension. */
function codeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : codeFiles(path);
    return /\.(?:ts|tsx|mjs|cjs|js)$/.test(entry.name) ? [path] : [];
  });
}

/** The files `file` names by a relative path: static and dynamic imports, re-exports and `require`. */
function relativeImportsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [
    ...text.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s*['"]([^'"]+)['"]/gms),
    ...text.matchAll(/\b(?:import|require)\s*\(\s*['"]([^'"]+)['"]\s*\)/g),
    ...text.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm),
  ];
  return specifiers
    .map((match) => match[1]!)
    .filter((specifier) => specifier.startsWith('.'))
    .map((specifier) => resolve(dirname(file), specifier));
}

describe('scripts/ and website/', () => {
  const sides = { scripts: join(root, 'scripts'), website: join(root, 'website') };
  const sideOf = (path: string): string | undefined =>
    Object.entries(sides).find(([, dir]) => path.startsWith(`${dir}/`))?.[0];
  const files = Object.values(sides).flatMap(codeFiles);

  it('finds the relative imports of a script, of .mjs and .ts files alike', () => {
    // The check is only as good as its parser: the sidebars read the site variant from the site's build code.
    expect(relativeImportsOf(join(root, 'website/sidebars.ts'))).toContain(join(root, 'website/build/site-variant.mjs'));
    expect(relativeImportsOf(join(root, 'website/build/build.mjs'))).toContain(join(root, 'website/build/convert-notebooks.mjs'));
  });

  it('import nothing from each other: the site is built from website/, the library and notebooks from scripts/', () => {
    const crossings = files.flatMap((file) =>
      relativeImportsOf(file)
        .filter((imported) => sideOf(imported) !== undefined && sideOf(imported) !== sideOf(file))
        .map((imported) => `${relative(root, file)} imports ${relative(root, imported)}`),
    );
    expect(crossings).toEqual([]);
  });

  it('website/ imports no test code: the site-tests build loads the hostile corpus by path, only under --site-tests', () => {
    const tests = join(root, 'test');
    const imports = codeFiles(sides.website).flatMap((file) =>
      relativeImportsOf(file)
        .filter((imported) => imported.startsWith(`${tests}/`))
        .map((imported) => `${relative(root, file)} imports ${relative(root, imported)}`),
    );
    expect(imports).toEqual([]);
  });
});
