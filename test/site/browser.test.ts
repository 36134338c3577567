/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The callbacks given to page.evaluate run in the page, where the DOM is.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { leakyRelu } from 'leaky-relu';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PLOTLY_MIME } from '../../website/build/notebook-to-mdx.mjs';
import { notebookSets } from '../../website/build/convert-notebooks.mjs';
import { NOTEBOOK_FILE, notebookSlug } from '../../website/build/notebook-slug.mjs';
import { builtSite, CHART_SELECTOR, sitemapPaths, chartsDrawn, describeWithChromium, openSite, plotlyChunks, recordedPage, type RecordedPage, type SiteSession } from '../support/site-browser.js';
import { root } from '../support/snippets.js';

/** Loading plotly.js (4.6 MB) and drawing on two busy cores takes a while; a whole-site crawl more. */
const PAGE_TIMEOUT = 120_000;

/** The page route of every notebook of the production site, with how many Plotly outputs it holds. */
function notebookPages(): { route: string; plotlyOutputs: number }[] {
  return notebookSets.production.flatMap((set) =>
    readdirSync(join(root, set.from))
      .filter((name) => NOTEBOOK_FILE.test(name))
      .map((name) => {
        const notebook = JSON.parse(readFileSync(join(root, set.from, name), 'utf8'));
        const outputs = notebook.cells.flatMap((cell: { outputs?: { data?: Record<string, unknown> }[] }) => cell.outputs ?? []);
        // Docusaurus drops a number prefix from a file name: 01-leaky-relu.mdx is the page leaky-relu.
        const slug = notebookSlug(name, name).replace(/^\d+[-_.]+/, '');
        return { route: `/${set.to.replace(/^docs\//, '')}/${slug}`, plotlyOutputs: outputs.filter((output: { data?: Record<string, unknown> }) => output.data?.[PLOTLY_MIME]).length };
      }),
  );
}

async function redraws(page: Page, selector: string): Promise<number> {
  return Number(await page.locator(`${selector} [data-plotly-chart]`).getAttribute('data-redraws'));
}

describeWithChromium('the documentation site, in Chromium', () => {
  let site: SiteSession;
  /** A recorded page at `path`, once its charts have drawn. */
  const openPage = async (path: string, charts: number): Promise<RecordedPage> => {
    const recorded = await recordedPage(site);
    await recorded.page.goto(site.url + path);
    await chartsDrawn(recorded.page, charts);
    return recorded;
  };
  beforeAll(async () => {
    site = await openSite();
  }, PAGE_TIMEOUT);
  afterAll(async () => {
    await site?.close();
  });

  it('loads every page of sitemap.xml with no console error and no request off 127.0.0.1', async () => {
    const paths = sitemapPaths();
    expect(paths.length).toBeGreaterThan(30);
    const recorded = await recordedPage(site);
    const failures: string[] = [];
    for (const path of paths) {
      recorded.errors.length = 0;
      const response = await recorded.page.goto(site.url + path, { waitUntil: 'load' });
      const charts = await recorded.page.locator(CHART_SELECTOR).count();
      await chartsDrawn(recorded.page, charts);
      if (response?.status() !== 200) failures.push(`${path}: HTTP ${response?.status()}`);
      for (const error of recorded.errors) failures.push(`${path}: ${error}`);
    }
    expect(failures).toEqual([]);
    expect(recorded.offsiteRequests).toEqual([]);
    await recorded.close();
  }, 600_000);

  it('shows the charts of every notebook page, one per Plotly output', async () => {
    const pages = notebookPages();
    expect(pages.some((page) => page.plotlyOutputs > 0)).toBe(true);
    const recorded = await recordedPage(site);
    for (const { route, plotlyOutputs } of pages) {
      await recorded.page.goto(site.url + route);
      expect(await chartsDrawn(recorded.page, plotlyOutputs), route).toBe(plotlyOutputs);
      expect(await recorded.page.locator('[data-cell-output="plotly"]').count(), route).toBe(plotlyOutputs);
    }
    expect(recorded.errors).toEqual([]);
    await recorded.close();
  }, PAGE_TIMEOUT);

  it('redraws the landing page chart with the values of the alpha the slider sets', async () => {
    const { page, errors, close } = await openPage('/', 1);
    const before = await redraws(page, '[data-demo="alpha-explorer"]');
    await page.locator('[data-demo="alpha-explorer"] input[type="range"]').fill('0.5');
    await page.waitForFunction((count) => Number(document.querySelector<HTMLElement>('[data-plotly-chart]')!.dataset.redraws) > count, before);
    const plotted = await page.evaluate(() => {
      const chart = document.querySelector('[data-plotly-chart]') as HTMLElement & { data: { x: number[]; y: number[] }[] };
      return { x: chart.data[0]!.x, y: chart.data[0]!.y };
    });
    expect(plotted.y).toEqual(leakyRelu(plotted.x, 0.5));
    expect(await page.locator('[data-alpha]').innerText()).toBe('0.5');
    expect(await page.locator('[data-zero-readout]').innerText()).toContain('its left limit is 0.5');
    expect(errors).toEqual([]);
    await close();
  }, PAGE_TIMEOUT);

  it('resizes a chart with its container', async () => {
    const { page, close } = await openPage('/', 1);
    const width = () => page.locator('[data-plotly-chart] .main-svg').first().evaluate((svg) => svg.getBoundingClientRect().width);
    const wide = await width();
    // The window keeps its size: only the container narrows, as when a sidebar opens.
    await page.locator('[data-demo="alpha-explorer"]').evaluate((demo) => ((demo as HTMLElement).style.width = '500px'));
    await expect.poll(width, { timeout: 10_000 }).toBeLessThan(wide - 200);
    await close();
  }, PAGE_TIMEOUT);

  it('reads out the values at the x under the pointer', async () => {
    const { page, close } = await openPage('/', 1);
    const plot = await page.locator('[data-plotly-chart] .nsewdrag').first().boundingBox();
    // A quarter of the way across the plot: x is negative, on the alpha branch.
    await page.mouse.move(plot!.x + plot!.width / 4, plot!.y + plot!.height / 2);
    const readout = page.locator('[data-hover-readout]');
    await expect.poll(() => readout.innerText(), { timeout: 10_000 }).toMatch(/^At x = -[\d.]+: leakyRelu\(x, 0\.1\) = -[\d.]+, leakyReluDerivative\(x, 0\.1\) = 0\.1$/);
    await close();
  }, PAGE_TIMEOUT);

  it('trains the dying-ReLU demo for a few epochs in a worker, and updates its chart', async () => {
    const { page, errors, close } = await openPage('/experiments', 1);
    const trainer = page.locator('[data-demo="dying-relu-trainer"]');
    const before = await redraws(page, '[data-demo="dying-relu-trainer"]');
    await trainer.getByRole('button', { name: 'Play' }).click();
    await expect.poll(async () => Number(await trainer.getAttribute('data-epoch')), { timeout: 30_000 }).toBeGreaterThanOrEqual(5);
    await trainer.getByRole('button', { name: 'Pause' }).click();
    expect(await redraws(page, '[data-demo="dying-relu-trainer"]')).toBeGreaterThan(before);
    const epochsPlotted = await page.evaluate(() => {
      const chart = document.querySelector('[data-demo="dying-relu-trainer"] [data-plotly-chart]') as HTMLElement & { data: { x: number[] }[] };
      return chart.data[0]!.x.length;
    });
    expect(epochsPlotted).toBeGreaterThanOrEqual(6);
    expect(await trainer.locator('[data-trainer-status]').innerText()).toMatch(/ReLU: \d+ of 32 units dead/);
    await trainer.getByRole('button', { name: 'Reset', exact: true }).click();
    await expect.poll(() => trainer.getAttribute('data-epoch')).toBe('0');
    expect(errors).toEqual([]);
    await close();
  }, PAGE_TIMEOUT);

  it('finds "dying" with the local search, and opens the result', async () => {
    const { page, offsiteRequests, close } = await recordedPage(site);
    await page.goto(`${site.url}/getting-started`);
    await page.locator('input.navbar__search-input').fill('dying');
    const suggestions = page.locator('.navbar__search [role="option"]');
    await expect.poll(() => suggestions.count(), { timeout: 20_000 }).toBeGreaterThan(0);
    const titles = await suggestions.allInnerTexts();
    expect(titles.some((title) => title.includes('The dying ReLU experiment'))).toBe(true);
    await suggestions.filter({ hasText: 'The dying ReLU experiment' }).first().click();
    await page.waitForURL(`${site.url}/experiments`);
    expect(offsiteRequests).toEqual([]);
    await close();
  }, PAGE_TIMEOUT);

  it("still prefetches the pages a page links to, in idle time, and its links still navigate", async () => {
    const { page, errors, close } = await recordedPage(site);
    await page.goto(`${site.url}/api/leaky-relu/functions/leakyRelu`);
    // The queued prefetch replaced Docusaurus's, and the object stays frozen as Docusaurus left it.
    await expect.poll(() => page.evaluate(() => typeof (window as { docusaurus?: { prefetch?: unknown } }).docusaurus?.prefetch), { timeout: 20_000 }).toBe('function');
    expect(await page.evaluate(() => Object.isFrozen((window as { docusaurus?: object }).docusaurus))).toBe(true);
    await expect.poll(() => page.locator('link[rel="prefetch"]').count(), { timeout: 20_000 }).toBeGreaterThan(20);
    await page.locator('nav a[href="/getting-started"]').first().click();
    await page.waitForURL(`${site.url}/getting-started`);
    expect(errors).toEqual([]);
    await close();
  }, PAGE_TIMEOUT);

  it('lists each search result once, in the search bar and on the search page', async () => {
    const { page, close } = await recordedPage(site);
    await page.goto(`${site.url}/getting-started`);
    // Each term hits a page's title and the h1 under it, or its description and the same text under its h1.
    for (const term of ['dying', 'leakyRelu', 'backward']) {
      await page.locator('input.navbar__search-input').fill(term);
      const suggestions = page.locator('.navbar__search [role="option"]');
      await expect.poll(() => suggestions.count(), { timeout: 20_000 }).toBeGreaterThan(3);
      const texts = await suggestions.allInnerTexts();
      expect(texts.filter((text, index) => texts.indexOf(text) !== index), term).toEqual([]);
    }
    await page.goto(`${site.url}/search?q=dying`);
    const results = page.locator('article[class*="searchResultItem"]');
    await expect.poll(() => results.count(), { timeout: 20_000 }).toBeGreaterThan(3);
    const shown = await results.evaluateAll((items) => items.map((item) => `${item.querySelector('a')?.getAttribute('href')} ${(item as HTMLElement).innerText}`));
    const pages = await results.evaluateAll((items) => items.map((item) => `${item.querySelector('a')?.getAttribute('href')} ${item.querySelector('h2')?.textContent}`));
    expect(shown.filter((text, index) => shown.indexOf(text) !== index)).toEqual([]);
    expect(pages.filter((text, index) => pages.indexOf(text) !== index)).toEqual([]);
    await close();
  }, PAGE_TIMEOUT);

  it('hides and shows a curve of the activation comparison with its toggle', async () => {
    const { page, errors, close } = await openPage('/variants', 1);
    const visibility = () =>
      page.locator('[data-plotly-chart]').evaluate((chart) => (chart as HTMLElement & { data: { name: string; visible?: unknown }[] }).data.map((trace) => [trace.name, trace.visible]));
    const names = (await visibility()).map(([name]) => name);
    expect(names).toEqual(['ReLU', 'Leaky ReLU (alpha = 0.1)', 'ELU (alpha = 1)', 'PReLU (initial slope 0.25)', 'RReLU in evaluation (slope 11/48)']);
    await page.getByRole('checkbox', { name: 'ELU (alpha = 1)' }).uncheck();
    await expect.poll(visibility).toContainEqual(['ELU (alpha = 1)', 'legendonly']);
    await page.getByRole('checkbox', { name: 'ELU (alpha = 1)' }).check();
    await expect.poll(visibility).toContainEqual(['ELU (alpha = 1)', true]);
    expect(errors).toEqual([]);
    await close();
  }, PAGE_TIMEOUT);

  it('redraws the charts in the dark theme when the colour mode switches', async () => {
    const { page, errors, close } = await openPage('/variants', 1);
    const chart = page.locator('[data-plotly-chart]');
    // The ground is the page's own in both modes: the text colour tells the theme.
    const textColour = () => chart.evaluate((element) => (element as HTMLElement & { layout: { font: { color?: string } } }).layout.font.color);
    expect(await chart.getAttribute('data-theme')).toBe('light');
    const light = await textColour();
    // The toggle cycles through system, light and dark.
    const toggle = page.getByRole('button', { name: /switch between dark and light mode/i });
    for (let click = 0; click < 3 && (await page.locator('html').getAttribute('data-theme')) !== 'dark'; click++) await toggle.click();
    await expect.poll(() => chart.getAttribute('data-theme')).toBe('dark');
    expect(await textColour()).not.toBe(light);
    expect(errors).toEqual([]);
    await close();
  }, PAGE_TIMEOUT);

  it('downloads plotly.js on pages with charts only', async () => {
    const chunks = plotlyChunks();
    expect(chunks).toHaveLength(1);
    const requested = async (path: string, charts: number): Promise<boolean> => {
      const { page, requests, close } = await recordedPage(site);
      await page.goto(site.url + path, { waitUntil: 'networkidle' });
      await chartsDrawn(page, charts);
      // A page without charts gets a moment more, in which a stray lazy load would show.
      if (charts === 0) await page.waitForTimeout(1000);
      await close();
      return requests.some((url) => chunks.some((chunk) => url.endsWith(`/${chunk}`)));
    };
    for (const path of ['/getting-started', '/semantics', '/api', '/notebooks']) expect(await requested(path, 0), path).toBe(false);
    for (const path of ['/', '/experiments']) expect(await requested(path, 1), path).toBe(true);
  }, PAGE_TIMEOUT);

  it('holds no test page: none in the sitemap, the search index or the files', () => {
    expect(sitemapPaths().filter((path) => path.startsWith('/site-tests'))).toEqual([]);
    expect(readFileSync(join(builtSite(), 'search-index.json'), 'utf8')).not.toContain('/site-tests');
    expect(existsSync(join(builtSite(), 'site-tests'))).toBe(false);
  });
}, 'production');
