// The static pictures of the demo charts (website/build/chart-pictures.mjs):
// each shows its demo's first state as the page themes it now, and is a
// plain, self-contained SVG of a drawn chart.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import manifest from '../../website/components/plotly/chart-pictures.json' with { type: 'json' };
import { root } from '../support/snippets.js';
import { pictureFigures } from '../../website/build/chart-pictures.mjs';

interface Picture {
  key: string;
  path: string;
  width: number;
  height: number;
  figure: { data: { name?: string }[]; layout: Record<string, unknown> };
  hash: string;
}

const REGENERATE = 'run `npm run site:pictures` and commit the pictures';

describe('the demo charts’ static pictures', () => {
  it('show each demo’s first state as the page draws it now: the manifest’s hashes are the figures’', async () => {
    const pictures = (await pictureFigures()) as Picture[];
    expect(pictures).toHaveLength(16);
    const current = Object.fromEntries(pictures.map(({ key, height, hash }) => [key, { height, hash }]));
    expect(manifest, `stale pictures: ${REGENERATE}`).toEqual(current);
  });

  it('are SVGs of the figure at its size, with its legend, self-contained and without script', async () => {
    for (const picture of (await pictureFigures()) as Picture[]) {
      const file = join(root, picture.path);
      expect(existsSync(file), `${picture.path} is missing: ${REGENERATE}`).toBe(true);
      const svg = readFileSync(file, 'utf8');
      expect(svg.startsWith('<svg'), picture.path).toBe(true);
      expect(svg).toMatch(new RegExp(`^<svg[^>]* width="${picture.width}" height="${picture.height}"`));
      expect(svg).not.toMatch(/<script|\son\w+=|(?:href|src)="(?:https?:|\/\/)/i);
      // Drawn, not blank: a line per trace, and every trace's name in the legend.
      expect((svg.match(/class="js-line"/g) ?? []).length, picture.path).toBeGreaterThanOrEqual(picture.figure.data.length - 1);
      for (const { name } of picture.figure.data) if (name) expect(svg, `${picture.path}: ${name}`).toContain(escapeXml(name));
    }
  });

  it('are all the folder holds: no picture is left of a demo that is gone', async () => {
    const listed = ((await pictureFigures()) as Picture[]).map(({ path }) => path.split('/').at(-1));
    expect(readdirSync(join(root, 'website/static/img/charts')).sort()).toEqual(listed.sort());
  });
});

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
