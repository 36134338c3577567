/// <reference lib="dom" />
// The guide's blocks and the notebooks' cells, run on the page: in a Worker
// of the runner page, framed in a sandbox without allow-same-origin, on the
// site's own build of the library. What they print is what Node and the
// notebook kernel print; the reader's code reaches nothing of the page's.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runnerContentSecurityPolicy } from '../../website/build/runner-policy.mjs';
import { RUNNABLE_PAGES, runsOnThePage } from '../../website/components/runner/runnable-pages.js';
import { axeViolations } from '../support/axe.js';
import { cellOutputs, streamText } from '../support/jupyter.js';
import { builtSite, describeWithChromium, openSite, recordedPage, shownOutput, sitemapPaths, type SiteSession } from '../support/site-browser.js';
import { root } from '../support/snippets.js';

/** How long a run may take: a notebook's heaviest cell draws ten million samples. */
const RUN_TIMEOUT = 120_000;

/** Presses a block's Run and waits for its run to end; returns how it ended and what it printed. */
async function runBlock(block: Locator): Promise<{ end: string; stdout: string; stderr: string; errors: string; figures: number }> {
  await block.locator('[data-run-button]').click();
  const outputs = block.locator('[data-run-outputs]');
  // Attached, not visible: a run that prints nothing leaves an empty box.
  await outputs.and(block.locator('[data-run-outputs]:not([data-run-end="running"])')).waitFor({ state: 'attached', timeout: RUN_TIMEOUT });
  const texts = async (kind: string) => (await outputs.locator(`[data-cell-output="${kind}"]`).allTextContents()).join('\n');
  return {
    end: (await outputs.getAttribute('data-run-end')) ?? '',
    stdout: await texts('stdout'),
    stderr: await texts('stderr'),
    errors: await texts('error'),
    figures: await outputs.locator('[data-run-output="figure"]').count(),
  };
}

/** Opens a page of the site and waits until it is hydrated: its Run buttons are disabled until then. */
async function open(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.locator('[data-run-button]:not([disabled])').first().waitFor({ timeout: 60_000 });
}

/** Replaces a block's code with `code`, through its editor, as a reader types it. */
async function edit(block: Locator, code: string): Promise<void> {
  await block.locator('[data-edit-button]').click();
  await block.locator('[data-run-editor]').fill(code);
}

describeWithChromium(
  'code run on the page',
  () => {
    let site: SiteSession;
    beforeAll(async () => {
      site = await openSite();
    }, 60_000);
    afterAll(async () => {
      await site?.close();
    });

    it('runs every TypeScript block of the guide and prints what Node prints: the output shown under it', async () => {
      const { page, close, offsiteRequests, errors } = await recordedPage(site);
      const runs: { block: string; expected: string; printed: string }[] = [];
      const withoutButton: string[] = [];
      for (const path of RUNNABLE_PAGES) {
        await open(page, site.url + path);
        const blocks = page.locator('article .theme-code-block');
        for (let index = 0; index < (await blocks.count()); index++) {
          const block = blocks.nth(index);
          if (!(await block.evaluate((element) => /language-(ts|typescript)\b/.test(element.className)))) continue;
          const code = await block.locator('pre code').innerText();
          const runnable = block.locator('xpath=ancestor::*[@data-runnable="snippet"][1]');
          if ((await runnable.count()) === 0) {
            if (runsOnThePage(path, code)) withoutButton.push(`${path}, block ${index + 1}`);
            continue;
          }
          const run = await runBlock(runnable);
          runs.push({ block: `${path}, block ${index + 1}`, expected: await shownOutput(blocks, index), printed: `${run.stdout}${run.end === 'done' ? '' : `\n(${run.end}) ${run.errors}`}` });
        }
      }
      await close();
      expect(withoutButton).toEqual([]);
      expect(runs.length).toBeGreaterThanOrEqual(20);
      expect(runs.filter((run) => run.printed !== run.expected)).toEqual([]);
      expect(offsiteRequests).toEqual([]);
      expect(errors).toEqual([]);
    }, 600_000);

    it('runs each notebook cell by cell with Run all, as its committed outputs show, and draws every figure live', async () => {
      const { page, close, errors } = await recordedPage(site);
      const notebookPages = sitemapPaths().filter((path) => path.startsWith('/notebooks/'));
      expect(notebookPages.length).toBe(4);
      const mismatches: unknown[] = [];
      for (const path of notebookPages) {
        await open(page, site.url + path);
        const fileName = (await page.locator('[data-notebook-header] a[download]').first().getAttribute('download'))!;
        const committed = cellOutputs(join(root, 'notebooks', fileName))
          .map((outputs, index) => ({ outputs, source: (JSON.parse(readFileSync(join(root, 'notebooks', fileName), 'utf8')) as { cells: { cell_type: string; source: string[] }[] }).cells[index]! }))
          .filter(({ source }) => source.cell_type === 'code' && source.source.join('').trim() !== '')
          .map(({ outputs }) => ({
            stdout: outputs.filter((output) => output.output_type === 'stream' && output.name === 'stdout').map(streamText).join('').trimEnd(),
            figures: outputs.filter((output) => output.data?.['application/vnd.plotly.v1+json'] !== undefined).length,
          }));
        await page.locator('[data-run-all-button]').click();
        await page.locator('[data-run-all-end="done"], [data-run-all-end="failed"], [data-run-all-end="stopped"]').waitFor({ timeout: RUN_TIMEOUT * 2 });
        expect(await page.locator('[data-run-all-end]').getAttribute('data-run-all-end'), path).toBe('done');
        const cells = page.locator('[data-runnable="cell"]');
        expect(await cells.count(), path).toBe(committed.length);
        for (let index = 0; index < committed.length; index++) {
          const outputs = cells.nth(index).locator('[data-run-outputs]');
          const live = {
            stdout: (await outputs.locator('[data-cell-output="stdout"]').allTextContents()).join('\n').trimEnd(),
            figures: await outputs.locator('[data-run-output="figure"]').count(),
          };
          if (JSON.stringify(live) !== JSON.stringify(committed[index])) mismatches.push({ path, cell: index + 1, live, committed: committed[index] });
          for (const kind of ['stderr', 'error']) expect(await outputs.locator(`[data-cell-output="${kind}"]`).count(), `${path}, cell ${index + 1}`).toBe(0);
        }
        // Every figure draws: plotly.js counts a redraw on each chart.
        await page.waitForFunction(() => [...document.querySelectorAll<HTMLElement>('[data-run-output="figure"]')].every((figure) => Number(figure.querySelector<HTMLElement>('[data-plotly-chart]')?.dataset.redraws ?? 0) > 0), undefined, { timeout: 60_000 });
      }
      await close();
      expect(mismatches).toEqual([]);
      expect(errors).toEqual([]);
    }, 900_000);

    it('runs the code as edited, draws a figure given as its last value, and Reset brings the block back', async () => {
      const { page, close } = await recordedPage(site);
      await open(page, `${site.url}/getting-started`);
      const block = page.locator('[data-runnable="snippet"]').first();
      const original = await block.locator('pre code').innerText();
      await edit(block, "import { leakyRelu } from 'leaky-relu';\nconst alpha: number = 0.2;\nconsole.log(leakyRelu(new Float32Array([-1, 3]), alpha));");
      expect(await runBlock(block)).toMatchObject({ end: 'done', stdout: 'Float32Array(2) [ -0.20000000298023224, 3 ]' });
      // A figure as the last value draws, as show(figure) does; a figure kept in a name does not.
      await block.locator('[data-run-editor]').fill("import { leakyReluFigure } from 'leaky-relu/plot';\nleakyReluFigure({ alpha: 0.2 })");
      expect(await runBlock(block)).toMatchObject({ end: 'done', figures: 1 });
      await block.locator('[data-run-editor]').fill("import { leakyReluFigure } from 'leaky-relu/plot';\nconst figure = leakyReluFigure();");
      expect(await runBlock(block)).toMatchObject({ end: 'done', figures: 0 });
      await block.locator('[data-run-editor]').fill("throw new RangeError('from the reader');");
      expect(await runBlock(block)).toMatchObject({ end: 'failed', errors: 'RangeError: from the reader' });
      await block.getByRole('button', { name: 'Reset the code and its output' }).click();
      expect(await block.locator('[data-run-editor]').count()).toBe(0);
      expect(await block.locator('[data-run-outputs]').count()).toBe(0);
      expect(await block.locator('pre code').innerText()).toBe(original);
      await close();
    }, 300_000);

    it('runs a notebook cell again, and an edited cell that declares its names again, as a kernel does, and shares the new names with the cells after it', async () => {
      const { page, close, errors } = await recordedPage(site);
      await open(page, `${site.url}/notebooks/leaky-relu`);
      const cells = page.locator('[data-runnable="cell"]');
      // By position, found from the code: an edited cell shows its editor in place of its code.
      const cell = async (code: string): Promise<Locator> => {
        const index = (await cells.allTextContents()).findIndex((text) => text.includes(code));
        expect(index, code).toBeGreaterThanOrEqual(0);
        return cells.nth(index);
      };
      expect(await runBlock(await cell('import { formatArray'))).toMatchObject({ end: 'done', errors: '' });
      const declaring = await cell('const input = [-2, -1, 0, 1, 2];');
      const printed = { end: 'done', stdout: 'Input: [-2 -1  0  1  2]\nOutput: [-0.02 -0.01  0.    1.    2.  ]', errors: '' };
      expect(await runBlock(declaring)).toMatchObject(printed);
      expect(await runBlock(declaring)).toMatchObject(printed);
      await edit(declaring, 'const input = [-4, 4];\nconst output: number[] = leakyRelu(input, 0.5);\nclass Scaled {}\nfunction half(value: number) { return value / 2; }\nconsole.log(output.join(" "));');
      expect(await runBlock(declaring)).toMatchObject({ end: 'done', stdout: '-2 4', errors: '' });
      expect(await runBlock(declaring)).toMatchObject({ end: 'done', stdout: '-2 4', errors: '' });
      // A later cell reads the names as the edited cell last declared them.
      const later = await cell('console.log(`leakyRelu(-10) = ${leakyRelu(-10)}`);');
      await edit(later, 'console.log(input.join(" "), half(output[1]), typeof Scaled);');
      expect(await runBlock(later)).toMatchObject({ end: 'done', stdout: '-4 4 2 function', errors: '' });
      // Within one cell, JavaScript's rules hold: a name declared twice, or a const assigned, is an error.
      await later.locator('[data-run-editor]').fill('const twice = 1;\nconst twice = 2;');
      expect(await runBlock(later)).toMatchObject({ end: 'failed', errors: "SyntaxError: Identifier 'twice' has already been declared" });
      await later.locator('[data-run-editor]').fill('input = [];');
      expect(await runBlock(later)).toMatchObject({ end: 'failed', errors: 'TypeError: Assignment to constant variable.' });
      await close();
      expect(errors).toEqual([]);
    }, 300_000);

    it('runs a guide block twice, as it stands and edited to declare a const, a let, a class and a function, printing the same each time', async () => {
      const { page, close, errors } = await recordedPage(site);
      await open(page, `${site.url}/getting-started`);
      const block = page.locator('[data-runnable="snippet"]').first();
      const first = await runBlock(block);
      expect(first).toMatchObject({ end: 'done', errors: '' });
      expect(await runBlock(block)).toEqual(first);
      await edit(block, "import { leakyRelu } from 'leaky-relu';\nconst alpha = 0.5;\nlet input = -4;\nclass Slope {}\nfunction twice(value: number) { return 2 * value; }\nconsole.log(twice(leakyRelu(input, alpha)), typeof Slope);");
      for (let run = 0; run < 2; run++) expect(await runBlock(block)).toMatchObject({ end: 'done', stdout: '-4 function', errors: '' });
      await close();
      expect(errors).toEqual([]);
    }, 120_000);

    it('Stop ends `while (true) {}`, the page stays responsive meanwhile, and the next run works', async () => {
      const { page, close } = await recordedPage(site);
      await open(page, `${site.url}/getting-started`);
      const block = page.locator('[data-runnable="snippet"]').first();
      await edit(block, 'while (true) {}');
      await block.locator('[data-run-button]').click();
      await block.getByRole('button', { name: 'Stop the code' }).waitFor();
      // The page's own thread paints and takes a click while the loop spins in the Worker: a frozen page would time out here.
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
      await page.locator('[data-edit-button]').first().click();
      expect(await block.locator('[data-run-outputs]').getAttribute('data-run-end')).toBe('running');
      await block.getByRole('button', { name: 'Stop the code' }).click();
      expect(await block.locator('[data-run-outputs]').getAttribute('data-run-end')).toBe('stopped');
      await block.locator('[data-run-editor]').fill('console.log(6 * 7);');
      expect(await runBlock(block)).toMatchObject({ end: 'done', stdout: '42' });
      await close();
    }, 120_000);

    it('runs the code in an opaque origin: no cookie, no storage, no DOM, no fetch of any host', async () => {
      const { page, close, requests } = await recordedPage(site);
      await open(page, `${site.url}/getting-started`);
      await page.evaluate(() => {
        document.cookie = 'secret=page-cookie';
        localStorage.setItem('secret', 'page-storage');
      });
      const block = page.locator('[data-runnable="snippet"]').first();
      const probe = async (expression: string): Promise<string> =>
        `try { console.log(String(await (async () => ${expression})())); } catch (error) { console.log('blocked: ' + (error as Error).name); }`;
      const attempts = [
        "typeof document === 'undefined' ? 'no document' : document.cookie",
        "typeof localStorage === 'undefined' ? 'no localStorage' : localStorage.getItem('secret')",
        'indexedDB.open("secret")',
        `(await fetch(${JSON.stringify(`${site.url}/getting-started`)})).status`,
        "(await fetch('http://example.com/')).status",
        `new Promise((resolve, reject) => { const socket = new WebSocket('ws://127.0.0.1:9/'); socket.onopen = resolve; socket.onerror = () => reject(new Error('refused')); })`,
        "self.origin",
      ];
      await edit(block, (await Promise.all(attempts.map(probe))).join('\n'));
      const run = await runBlock(block);
      expect(run.end).toBe('done');
      const lines = run.stdout.split('\n');
      expect(lines).toHaveLength(attempts.length);
      expect(lines[0]).toBe('no document');
      expect(lines[1]).toBe('no localStorage');
      expect(lines[2]).toMatch(/^blocked: /);
      expect(lines[3]).toBe('blocked: TypeError');
      expect(lines[4]).toBe('blocked: TypeError');
      expect(lines[5]).toMatch(/^blocked: /);
      expect(lines[6]).toBe('null');
      expect(run.stdout).not.toContain('page-cookie');
      expect(run.stdout).not.toContain('page-storage');
      expect(requests.filter((url) => url.includes('example.com') || url.startsWith('ws:'))).toEqual([]);
      // The frame is sandboxed without allow-same-origin, so the page cannot reach into it either.
      const frame = page.locator('iframe[data-code-runner]');
      expect(await frame.getAttribute('sandbox')).toBe('allow-scripts');
      expect(await frame.evaluate((element) => { try { return String((element as HTMLIFrameElement).contentWindow!.document); } catch (error) { return (error as Error).name; } })).toBe('SecurityError');
      await close();
    }, 120_000);

    it('keeps the pages\' policy, loads the runner on the first Run only, and gives the runner a policy of its own', async () => {
      const page = await (await fetch(`${site.url}/getting-started`)).text();
      const pagePolicy = (await fetch(`${site.url}/getting-started`)).headers.get('content-security-policy')!;
      expect(pagePolicy).toBe((await fetch(`${site.url}/`)).headers.get('content-security-policy'));
      const scriptSources = (policy: string) => /(?:^|;\s*)script-src ([^;]*)/.exec(policy)?.[1] ?? '';
      expect(scriptSources(pagePolicy)).toMatch(/^'self' 'wasm-unsafe-eval'( 'sha256-[^']+')*$/);
      expect(pagePolicy).toContain("frame-ancestors 'none'");
      // A policy a page holds in a <meta> tag (GitHub Pages sends no header) admits no more.
      for (const [, content] of page.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/gi)) expect(scriptSources(content!)).not.toMatch(/'unsafe-eval'|blob:/);
      const runner = await fetch(`${site.url}/runner/`);
      expect(runner.headers.get('content-security-policy')).toBe(`${runnerContentSecurityPolicy()}; frame-ancestors 'self'`);
      const runnerHtml = await runner.text();
      expect(runnerHtml).toContain(`<meta http-equiv="Content-Security-Policy" content="${runnerContentSecurityPolicy()}">`);
      expect(runnerContentSecurityPolicy()).toContain("connect-src 'none'");
      expect(runnerContentSecurityPolicy()).not.toContain("'unsafe-eval'");

      const { page: browserPage, close, requests } = await recordedPage(site);
      await open(browserPage, `${site.url}/getting-started`);
      await browserPage.waitForLoadState('networkidle');
      expect(requests.filter((url) => url.includes('/runner'))).toEqual([]);
      // The main bundle, which every page runs first, holds none of the runner.
      const main = requests.find((url) => /\/main\.[0-9a-f]+\.js$/.test(url))!;
      expect(readFileSync(join(builtSite(), new URL(main).pathname), 'utf8')).not.toMatch(/allow-scripts|data-run-button/);
      const block = browserPage.locator('[data-runnable="snippet"]').first();
      await runBlock(block);
      expect(requests.filter((url) => url.includes('/runner/')).length).toBeGreaterThan(0);
      await close();
    }, 120_000);

    for (const colorScheme of ['light', 'dark'] as const) {
      it(`labels Run, Edit, Stop and Reset, reaches them with the keyboard, and axe finds no violation, in ${colorScheme} mode`, async () => {
        const { page, close } = await recordedPage(site, { colorScheme });
        await open(page, `${site.url}/getting-started`);
        // From the article's first block: tabbing through the search box starts the search index loading, and the search plugin focuses its box when that ends.
        await page.locator('article pre').first().focus();
        await tabTo(page, '[data-run-button]');
        await page.keyboard.press('Enter');
        const block = page.locator('[data-runnable="snippet"]').first();
        await block.locator('[data-run-outputs][data-run-end="done"]').waitFor({ timeout: RUN_TIMEOUT });
        expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Run the code');
        await tabTo(page, '[data-edit-button]');
        await page.keyboard.press('Enter');
        await block.locator('[data-run-editor]').fill('while (true) {}');
        await tabTo(page, '[data-run-button]');
        await page.keyboard.press('Enter');
        await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Stop the code');
        expect(await axeViolations(page)).toEqual([]);
        await page.keyboard.press('Enter');
        await block.locator('[data-run-outputs][data-run-end="stopped"]').waitFor();
        await tabTo(page, '[data-reset-button]');
        expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Reset the code and its output');
        await page.keyboard.press('Enter');
        expect(await block.locator('[data-run-editor]').count()).toBe(0);
        // A notebook page: Run all and each cell's Run.
        const notebook = sitemapPaths().find((path) => path.startsWith('/notebooks/'))!;
        await open(page, site.url + notebook);
        expect(await page.getByRole('button', { name: 'Run all the cells, in order' }).count()).toBe(1);
        expect(await page.getByRole('button', { name: 'Run the code' }).count()).toBeGreaterThan(3);
        expect(await axeViolations(page)).toEqual([]);
        await close();
      }, 180_000);
    }

    it('runs a block on a phone at 390×844, within the screen', async () => {
      const context = await site.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 3 });
      const page = await context.newPage();
      await open(page, `${site.url}/getting-started`);
      const block = page.locator('[data-runnable="snippet"]').first();
      await block.locator('[data-run-button]').tap();
      await block.locator('[data-run-outputs][data-run-end="done"]').waitFor({ timeout: RUN_TIMEOUT });
      await block.locator('[data-edit-button]').tap();
      const overflow = await page.evaluate(() => {
        const toolbar = document.querySelector('[data-run-button]')!.parentElement!.getBoundingClientRect();
        const editor = document.querySelector('[data-run-editor]')!.getBoundingClientRect();
        return { page: document.documentElement.scrollWidth, toolbar: toolbar.right, editor: editor.right };
      });
      expect(overflow.page).toBeLessThanOrEqual(390);
      expect(overflow.toolbar).toBeLessThanOrEqual(390);
      expect(overflow.editor).toBeLessThanOrEqual(390);
      await context.close();
    }, 120_000);
  },
  'production',
);

/** Presses Tab until the focused element matches `selector` (at most 300 times); fails when it never does. */
async function tabTo(page: Page, selector: string): Promise<void> {
  for (let step = 0; step < 300; step++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((wanted) => document.activeElement?.matches(wanted) ?? false, selector)) return;
  }
  throw new Error(`the keyboard never reaches ${selector}`);
}
