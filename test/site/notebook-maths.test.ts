import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { expect, it } from 'vitest';
import { notebookPage } from '../../website/build/notebook-to-mdx.mjs';
import { CHROMIUM, CHROMIUM_FLAGS, describeWithChromium } from '../support/site-browser.js';
import { root } from '../support/snippets.js';
import katex from 'katex';
import { KATEX_OPTIONS } from '../../website/build/katex-options.mjs';

const options = { path: 'n.ipynb', fileName: 'n.ipynb', downloadPath: '/n.ipynb', notebookPages: new Map(), repository: '/r', cellsModule: './_cells/n.json' };

it('renders the LaTeX and markdown outputs of a notebook within the size limits', () => {
  const cells = [{ cell_type: 'code', execution_count: 1, metadata: {}, source: 'x', outputs: [
    { output_type: 'display_data', metadata: {}, data: { 'text/latex': '$$\\rule{100000em}{1em}$$' } },
    { output_type: 'display_data', metadata: {}, data: { 'text/markdown': '$\\rule{100000em}{1em}$' } },
  ] }];
  const outputs = (notebookPage({ nbformat: 4, nbformat_minor: 4, metadata: {}, cells }, options).cellRuns.flat() as { outputs: { html: string }[] }[]).flatMap((cell) => cell.outputs);
  for (const output of outputs) expect(output.html).toMatch(/border-right-width:50em/);
});

describeWithChromium('maths on a notebook page', () => {
  it('draws nothing outside the page’s column, however far a negative kern moves it', async () => {
    const css = readFileSync(join(root, 'node_modules/katex/dist/katex.min.css'), 'utf8').replace(/url\(fonts\//g, `url(file://${root}/node_modules/katex/dist/fonts/`);
    const site = readFileSync(join(root, 'website/css/custom.css'), 'utf8');
    const maths = (tex: string) => katex.renderToString(tex, KATEX_OPTIONS);
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
    try {
      const page = await browser.newPage();
      await page.setContent(
        `<style>${css}${site}</style><nav style="position:absolute;left:0;width:380px">sidebar</nav>` +
          `<div class="theme-doc-markdown" style="margin-left:400px;width:500px"><div data-notebook-header>header</div>` +
          `<p id="over">Text ${maths('\\mathllap{XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX}a')} ${maths('\\kern{-290px}\\text{YYYYYYYYYYYY}')}</p></div>`,
      );
      const drawn = await page.evaluate(() => {
        const line = document.getElementById('over')!.getBoundingClientRect();
        return [100, 200, 300].map((x) => Boolean(document.elementFromPoint(x, line.top + line.height / 2)?.closest('.katex')));
      });
      expect(drawn).toEqual([false, false, false]);
    } finally {
      await browser.close();
    }
  });
});
