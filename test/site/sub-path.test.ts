/// <reference lib="dom" />
// The site as GitHub Pages publishes a project: under a sub-path. It is
// built with BASE_URL=/leaky-relu/ (the workflow's build, .github/workflows/pages.yml),
// served under that prefix, and crawled: every page of its sitemap, every
// file those pages load, and every link they hold, with no 404. A guide's
// block and a notebook's cells run on the page there too.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { expect, it } from 'vitest';
import { siteSourcesHash } from '../../website/build/build-stamp.mjs';
import { serveSite } from '../../website/build/serve.mjs';
import { CHART_SELECTOR, chartsDrawn, CHROMIUM, CHROMIUM_FLAGS, describeWithChromium, shownOutput } from '../support/site-browser.js';
import { root } from '../support/snippets.js';

const ADDRESS = { SITE_URL: 'https://owner.github.io', BASE_URL: '/leaky-relu/' };
/** The server's root: the site sits in its `leaky-relu/` folder, a copy, since the server follows no symlink. */
const served = join(root, 'test/.generated/sub-path');
const site = join(served, 'leaky-relu');

/** Builds the site under the sub-path, unless the folder holds a build of the same sources. */
function buildUnderSubPath(): void {
  const env = { ...process.env, ...ADDRESS };
  const sources = siteSourcesHash(root, 'production', env);
  const stamp = join(site, '.site-sources');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === sources) return;
  rmSync(served, { recursive: true, force: true });
  const build = spawnSync(process.execPath, ['website/build/build.mjs', '--out-dir', site], { cwd: root, env, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`the sub-path build failed:\n${build.stdout}\n${build.stderr}`);
  writeFileSync(stamp, sources);
}

describeWithChromium('the site built under the sub-path /leaky-relu/', () => {
  it('serves every page of its sitemap, every file they load and every link they hold, with no 404', async () => {
    buildUnderSubPath();
    const sitemap = readFileSync(join(site, 'sitemap.xml'), 'utf8');
    const pages = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map(([, url]) => new URL(url!));
    expect(pages.length).toBeGreaterThan(30);
    expect(pages.every((url) => url.origin === ADDRESS.SITE_URL && url.pathname.startsWith(ADDRESS.BASE_URL))).toBe(true);

    const server = await serveSite(served, 0, { basePath: ADDRESS.BASE_URL });
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
    const failures: string[] = [];
    const links = new Set<string>();
    let ran = { printed: 'not run', expected: '' };
    try {
      const page = await browser.newPage();
      page.on('response', (response) => {
        if (response.status() >= 400) failures.push(`${response.status()} ${new URL(response.url()).pathname} (loaded by ${new URL(page.url()).pathname})`);
      });
      page.on('requestfailed', (request) => {
        // Going to the next page cancels the previous page's prefetches: not a missing file.
        if (request.failure()?.errorText !== 'net::ERR_ABORTED') failures.push(`failed ${request.url()}: ${request.failure()?.errorText}`);
      });
      page.on('pageerror', (error) => failures.push(`${new URL(page.url()).pathname}: ${error.message}`));
      // A script the server's policy refuses (its inline scripts, say) is only a console error.
      page.on('console', (message) => {
        if (message.type() === 'error' && message.text().includes('Content Security Policy')) failures.push(`${new URL(page.url()).pathname}: ${message.text()}`);
      });
      for (const url of pages) {
        await page.goto(server.url + url.pathname, { waitUntil: 'load' });
        await chartsDrawn(page, await page.locator(CHART_SELECTOR).count());
        const hrefs = await page.evaluate(() => [...document.querySelectorAll<HTMLAnchorElement>('a[href]')].map((anchor) => anchor.href));
        for (const href of hrefs) if (href.startsWith(server.url)) links.add(href.split('#')[0]!);
      }
      // Code runs on the page under the sub-path too: the runner page, its bundles and the library's build all sit under it.
      await page.goto(`${server.url}${ADDRESS.BASE_URL}getting-started`);
      await page.locator('[data-run-button]:not([disabled])').first().waitFor();
      const blocks = page.locator('article .theme-code-block');
      const runnable = page.locator('[data-runnable="snippet"]').first();
      const index = await blocks.evaluateAll((all, first) => all.indexOf(first!.querySelector('.theme-code-block')!), await runnable.elementHandle());
      await runnable.locator('[data-run-button]').click();
      await runnable.locator('[data-run-outputs][data-run-end="done"]').waitFor({ timeout: 60_000 });
      ran = { printed: (await runnable.locator('[data-cell-output="stdout"]').allTextContents()).join('\n'), expected: await shownOutput(blocks, index) };
      await page.goto(`${server.url}${ADDRESS.BASE_URL}notebooks/leaky-relu`);
      await page.locator('[data-run-all-button]:not([disabled])').waitFor();
      await page.locator('[data-run-all-button]').click();
      await page.locator('[data-run-all-end="done"]').waitFor({ timeout: 120_000 });
      await page.waitForFunction(() => Number(document.querySelector<HTMLElement>('[data-run-output="figure"] [data-plotly-chart]')?.dataset.redraws ?? 0) > 0, undefined, { timeout: 60_000 });
      for (const link of links) {
        const path = new URL(link).pathname;
        if (!path.startsWith(ADDRESS.BASE_URL)) failures.push(`a link outside the sub-path: ${path}`);
        const response = await fetch(link, { headers: { referer: server.url } });
        if (response.status >= 400) failures.push(`${response.status} ${path} (a link)`);
      }
    } finally {
      await browser.close();
      await server.close();
    }
    expect(links.size).toBeGreaterThan(pages.length);
    expect(failures).toEqual([]);
    expect(ran.printed).toBe(ran.expected);
    expect(ran.printed).not.toBe('');
  }, 900_000);
});
