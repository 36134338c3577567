// The callbacks given to page.evaluate run in the page, so this file needs the DOM's types.
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Where no kernel runs and scripts may not: nbconvert's HTML export, and its
// --sanitize-html variant, which approximates a sanitizing viewer such as
// GitHub's notebook preview. Every figure of every committed notebook must
// show its static picture there, drawn and not blank.
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CHROMIUM_FLAGS, describeWithJupyter, offlinePage, venvJupyter } from '../support/jupyter.js';
import { root } from '../support/snippets.js';

const PLOTLY_MIME = 'application/vnd.plotly.v1+json';
const notebooks = readdirSync(join(root, 'notebooks')).filter((name) => name.endsWith('.ipynb')).sort();

/** How many figures a committed notebook shows: one Plotly output each. */
function figureCount(fileName: string): number {
  const notebook = JSON.parse(readFileSync(join(root, 'notebooks', fileName), 'utf8')) as { cells: { outputs?: { data?: object }[] }[] };
  return notebook.cells.flatMap((cell) => cell.outputs ?? []).filter((output) => output.data !== undefined && PLOTLY_MIME in output.data).length;
}

function exportHtml(fileName: string, sanitize: boolean): string {
  const run = spawnSync(venvJupyter, ['nbconvert', '--to', 'html', '--stdout', ...(sanitize ? ['--sanitize-html'] : []), join('notebooks', fileName)], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`jupyter nbconvert --to html ${fileName} failed:\n${run.stderr}`);
  return run.stdout;
}

interface Picture {
  readonly width: number;
  readonly height: number;
  readonly visible: boolean;
  readonly colours: number;
}

describeWithJupyter("every notebook's figures, as static pictures, in nbconvert's HTML export", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_FLAGS });
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const fileName of notebooks) {
    for (const sanitize of [false, true]) {
      it(`${fileName}${sanitize ? ', sanitized' : ''}: a drawn picture for each figure, nothing loaded from another host`, async () => {
        const figures = figureCount(fileName);
        expect(figures, 'a notebook with figures').toBeGreaterThan(0);
        const { page, blocked, requested } = await offlinePage(browser);
        await page.setContent(exportHtml(fileName, sanitize), { waitUntil: 'load' });
        const pictures: Picture[] = await page.evaluate(() =>
          [...document.querySelectorAll<HTMLImageElement>('img[src^="data:image/png"]')].map((image) => {
            // Count distinct colours on a sample grid: a blank picture has one.
            const canvas = document.createElement('canvas');
            canvas.width = image.naturalWidth;
            canvas.height = image.naturalHeight;
            const context = canvas.getContext('2d')!;
            context.drawImage(image, 0, 0);
            const colours = new Set<number>();
            for (let y = 0; y < canvas.height; y += 7) {
              for (let x = 0; x < canvas.width; x += 7) {
                const [r, g, b] = context.getImageData(x, y, 1, 1).data;
                colours.add((r! << 16) | (g! << 8) | b!);
              }
            }
            const box = image.getBoundingClientRect();
            return { width: image.naturalWidth, height: image.naturalHeight, visible: box.width > 0 && box.height > 0, colours: colours.size };
          }),
        );
        expect(pictures).toHaveLength(figures);
        for (const picture of pictures) {
          expect(picture.visible).toBe(true);
          expect(picture.width).toBeGreaterThanOrEqual(400);
          expect(picture.height).toBeGreaterThanOrEqual(200);
          expect(picture.colours).toBeGreaterThan(3);
        }
        // The export's own CDN scripts (require.js, MathJax) are blocked, so the test stays offline; nothing else may ask.
        expect(requested.filter((url) => url.startsWith('http') && !blocked.includes(url))).toEqual([]);
        await page.close();
      }, 120_000);
    }
  }
});
