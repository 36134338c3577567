/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The callbacks given to page.evaluate run in the page, where the DOM is.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readBuildStamp, siteSourcesHash } from '../../website/build/build-stamp.mjs';
import { BUILD_SENTINEL, HUGE_NOTEBOOK_CELLS, MARKER, hostileNotebooks } from './fixtures/hostile-notebooks.mjs';
import { notebookSlug } from '../../website/build/notebook-slug.mjs';
import { buildFolders } from '../../website/build/site-variant.mjs';
import { CHART_SELECTOR, sitemapPaths, chartsDrawn, describeWithChromium, openSite, recordedPage, type RecordedPage, type SiteSession } from '../support/site-browser.js';
import { root } from '../support/snippets.js';

/** Building the site-tests variant takes one to several minutes on two busy cores. */
const BUILD_TIMEOUT = 1_200_000;
const PAGE_TIMEOUT = 120_000;

/** The globals a payload of the hostile notebooks sets when it runs. */
const MARKERS = [MARKER, 'hostileScriptRan'];

/** Builds the site-tests variant, unless build-site-tests/ is up to date with the sources. */
function buildSiteTests(): void {
  if (readBuildStamp(root, 'site-tests') === siteSourcesHash(root, 'site-tests')) return;
  rmSync(join(root, BUILD_SENTINEL), { force: true });
  const build = spawnSync(process.execPath, ['website/build/build.mjs', '--site-tests'], { cwd: root, encoding: 'utf8', timeout: BUILD_TIMEOUT });
  if (build.status !== 0) throw new Error(`npm run site:build -- --site-tests failed:\n${build.stdout}\n${build.stderr}`);
}

/** A recorded page that also records dialogs, whose every dialog is dismissed. */
async function watchedPage(site: SiteSession): Promise<RecordedPage & { dialogs: string[] }> {
  const recorded = await recordedPage(site);
  const dialogs: string[] = [];
  recorded.page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return { ...recorded, dialogs };
}

async function markersSet(recorded: RecordedPage): Promise<string[]> {
  return recorded.page.evaluate((names) => names.filter((name) => name in window), MARKERS);
}

describeWithChromium('the site-tests build, with the hostile notebooks, in Chromium', () => {
  let site: SiteSession;
  /** The same build served with no security headers, as GitHub Pages serves the site: a page has only its meta policy. */
  let pagesSite: SiteSession;
  const servers: [string, () => SiteSession][] = [
    ['with the security headers', () => site],
    ['with no security headers, as GitHub Pages serves it', () => pagesSite],
  ];
  beforeAll(async () => {
    buildSiteTests();
    site = await openSite('site-tests');
    pagesSite = await openSite('site-tests', { securityHeaders: false });
  }, BUILD_TIMEOUT);
  afterAll(async () => {
    await site?.close();
    await pagesSite?.close();
  });

  it('ran none of a notebook\'s code on the machine that built it: the MDX payload wrote no file', () => {
    expect(existsSync(join(root, BUILD_SENTINEL))).toBe(false);
  });

  it('lists every hostile notebook in its sitemap', () => {
    const paths = sitemapPaths('site-tests');
    for (const fileName of Object.keys(hostileNotebooks(root))) {
      expect(paths, fileName).toContain(`/site-tests/hostile/${notebookSlug(fileName, fileName)}`);
    }
    expect(paths).toContain('/site-tests/escaping');
  });

  it.each(servers)('opens every test page, served %s, with no dialog, no marker global, no uncaught error, nothing the policy refused and no request off 127.0.0.1', async (_served, served) => {
    const recorded = await watchedPage(served());
    const failures: string[] = [];
    // The other pages are the production site's, which test/site/browser.test.ts crawls.
    for (const path of sitemapPaths('site-tests').filter((page) => page.startsWith('/site-tests/'))) {
      recorded.errors.length = 0;
      const response = await recorded.page.goto(site.url + path, { waitUntil: 'load' });
      await chartsDrawn(recorded.page, await recorded.page.locator(CHART_SELECTOR).count());
      if (response?.status() !== 200) failures.push(`${path}: HTTP ${response?.status()}`);
      for (const marker of await markersSet(recorded)) failures.push(`${path}: window.${marker} was set`);
      for (const error of recorded.errors.filter((text) => !text.startsWith('Failed to load resource'))) failures.push(`${path}: ${error}`);
    }
    expect(failures).toEqual([]);
    expect(recorded.dialogs).toEqual([]);
    expect(recorded.policyViolations).toEqual([]);
    expect(recorded.offsiteRequests).toEqual([]);
    await recorded.close();
  }, 900_000);

  it('carries its Content-Security-Policy in a meta tag on every page, before any script, for a host that sends no headers', async () => {
    const recorded = await watchedPage(pagesSite);
    for (const path of ['/site-tests/hostile/plotly-attacks', '/getting-started', '/']) {
      const response = await recorded.page.goto(pagesSite.url + path);
      expect(response?.headers()['content-security-policy']).toBeUndefined();
      const head = await recorded.page.evaluate(() => [...document.head.children].map((element) => element.outerHTML.slice(0, 60)));
      const policy = head.findIndex((element) => element.startsWith('<meta http-equiv="Content-Security-Policy"'));
      expect(policy, path).toBe(1);
      expect(head.slice(0, policy).join(''), path).not.toContain('<script');
    }
    // An inline script that is not the site's own is refused by the meta policy alone.
    await recorded.page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__pwned = "inline"';
      document.body.append(script);
    });
    expect(await markersSet(recorded)).toEqual([]);
    expect(recorded.policyViolations).toEqual(['/: script-src-elem refused inline']);
    await recorded.close();
  }, PAGE_TIMEOUT);

  it.each(servers)('draws a Plotly figure that reaches for other hosts, served %s: its styled text, every button and slider step, and hover, load nothing from another host', async (_served, served) => {
    const recorded = await watchedPage(served());
    await recorded.page.goto(`${served().url}/site-tests/hostile/plotly-attacks`);
    await chartsDrawn(recorded.page, 1);
    const chart = recorded.page.locator('[data-plotly-chart]');
    expect(await chart.locator('.gtitle').textContent()).toBe('Styled title');
    const buttons = chart.locator('.updatemenu-button');
    expect(await buttons.count()).toBe(5);
    for (let index = 0; index < 5; index++) {
      await buttons.nth(index).click();
      await recorded.page.waitForTimeout(300);
    }
    const rail = chart.locator('.slider-rail-touch-rect');
    const box = (await rail.boundingBox())!;
    for (const fraction of [0.02, 0.5, 0.98]) {
      await recorded.page.mouse.click(box.x + box.width * fraction, box.y + box.height / 2);
      await recorded.page.waitForTimeout(300);
    }
    const plot = (await chart.locator('.nsewdrag').first().boundingBox())!;
    await recorded.page.mouse.move(plot.x + plot.width / 2, plot.y + plot.height / 2);
    await recorded.page.waitForTimeout(300);
    expect(await chart.locator('[style*="evil.example"]').count()).toBe(0);
    expect(await chart.locator('a[href^="http"]').count()).toBe(0);
    expect(await markersSet(recorded)).toEqual([]);
    expect(recorded.policyViolations).toEqual([]);
    expect(recorded.offsiteRequests).toEqual([]);
    expect(recorded.errors.filter((text) => !text.startsWith('Failed to load resource'))).toEqual([]);
    await recorded.close();
  }, PAGE_TIMEOUT);

  it('types into the search box, key by key, and shows every suggestion as text', async () => {
    const recorded = await watchedPage(site);
    await recorded.page.goto(`${site.url}/getting-started`);
    const search = recorded.page.locator('input.navbar__search-input');
    const suggestions = recorded.page.locator('.navbar__search [role="option"]');
    for (const query of ['zebra', 'script', 'img', 'onerror', 'alert']) {
      await search.fill('');
      await search.pressSequentially(query, { delay: 50 });
      if (query === 'zebra') await expect.poll(() => suggestions.count(), { timeout: 20_000 }).toBeGreaterThan(3);
      await recorded.page.waitForTimeout(500);
    }
    await search.fill('zebra');
    await expect.poll(() => suggestions.count(), { timeout: 20_000 }).toBeGreaterThan(3);
    const texts = (await suggestions.allInnerTexts()).join('\n');
    expect(texts).toContain('<img src=x onerror=');
    expect(await recorded.page.locator('.navbar__search img, .navbar__search script').count()).toBe(0);
    expect(await markersSet(recorded)).toEqual([]);
    expect(recorded.dialogs).toEqual([]);
    expect(recorded.offsiteRequests).toEqual([]);
    await recorded.close();
  }, PAGE_TIMEOUT);

  it('keeps what a page holds back out of the search index', () => {
    const index = readFileSync(join(root, buildFolders['site-tests'], 'search-index.json'), 'utf8');
    expect(index).toContain('bigoutputstart');
    expect(index).not.toContain('bigoutputtailmarker');
  });

  it('shows titles that held markup as their text, in the title, the breadcrumb and the sidebar', async () => {
    const recorded = await watchedPage(site);
    await recorded.page.goto(`${site.url}/site-tests/hostile/title-breakout`);
    await expect.poll(() => recorded.page.title(), { timeout: 30_000 }).toBe('T | leaky-relu');
    await recorded.page.goto(`${site.url}/site-tests/escaping`);
    await expect.poll(() => recorded.page.title(), { timeout: 30_000 }).toBe("Zebra escaping </script><script>window.__pwned='title'</script> | leaky-relu");
    const jsonLd = await recorded.page.locator('script[type="application/ld+json"]').textContent();
    expect(JSON.parse(jsonLd!).itemListElement[0].name).toBe("Zebra escaping </script><script>window.__pwned='title'</script>");
    expect(await recorded.page.locator('.menu__link', { hasText: 'Zebra escaping </script>' }).count()).toBe(1);
    expect(await markersSet(recorded)).toEqual([]);
    expect(recorded.dialogs).toEqual([]);
    await recorded.close();
  }, PAGE_TIMEOUT);

  it('shows the outputs the site used to drop', async () => {
    const recorded = await watchedPage(site);
    await recorded.page.goto(`${site.url}/site-tests/hostile/formerly-dropped`);
    const article = recorded.page.locator('article');
    const images = article.locator('img[data-cell-output="image"]');
    expect(await images.count()).toBe(3);
    expect(await images.evaluateAll((all) => all.map((image) => (image as HTMLImageElement).naturalWidth))).toEqual([16, 1, 16]);
    expect(await article.locator('[data-cell-output="latex"] .katex').count()).toBe(1);
    expect(await article.locator('[data-cell-output="javascript"]').innerText()).toContain('console.log("not run")');
    expect(await article.locator('[data-cell-output="raw"]').innerText()).toBe('A raw cell, shown as text.');
    expect(await article.innerText()).toContain('"b": "<b>"');
    await recorded.page.goto(`${site.url}/site-tests/hostile/version-3`);
    const version3 = await recorded.page.locator('article').innerText();
    for (const text of ['An nbformat 3 notebook', 'version three stdout', 'ValueError: version three error']) expect(version3).toContain(text);
    expect(await recorded.page.locator('article img[data-cell-output="image"]').count()).toBe(1);
    expect(recorded.errors).toEqual([]);
    await recorded.close();
  }, PAGE_TIMEOUT);

  it("rewrites only the repository's own path in outputs", async () => {
    const recorded = await watchedPage(site);
    await recorded.page.goto(`${site.url}/site-tests/hostile/paths`);
    expect(await recorded.page.locator('[data-cell-output="stdout"]').innerText()).toBe(
      'GET /api/v1/users/123\nhttps://example.com/rootkit/v1/x\n/usr/share/dict/words\nhref="/api/v1/users/123"\nat src/index.ts:1:1',
    );
    await recorded.close();
  }, PAGE_TIMEOUT);

  it('cuts an output over the limit, with a notice that links to the notebook', async () => {
    const recorded = await watchedPage(site);
    await recorded.page.goto(`${site.url}/site-tests/hostile/big-output`);
    const notice = recorded.page.locator('[data-notice="held-back"]');
    expect(await notice.innerText()).toMatch(/^This output is 3\.\d MB, over the 1\.0 MB a page shows of one output: it is cut after 1024 KB\. The whole output is in the notebook file\. Download the notebook\.$/);
    const href = await notice.locator('a').getAttribute('href');
    expect(href).toBe('/site-tests/hostile/big-output.ipynb');
    expect((await recorded.page.evaluate(async (url) => (await fetch(url)).status, href!))).toBe(200);
    expect(await recorded.page.locator('article').innerText()).not.toContain('bigoutputtailmarker');
    await recorded.close();
  }, PAGE_TIMEOUT);

  it('gives notebook HTML none of the classes of the site, and loads none of its remote images', async () => {
    const recorded = await watchedPage(site);
    await recorded.page.goto(`${site.url}/site-tests/hostile/xss-corpus`);
    await chartsDrawn(recorded.page, 1);
    expect(await recorded.page.locator('article .navbar-sidebar, article .navbar-sidebar--show, article .alert, article .markdown .markdown').count()).toBe(0);
    expect(await recorded.page.locator('article .nb-navbar-sidebar--show').count()).toBe(1);
    expect(await recorded.page.locator('article script, article iframe, article object, article embed, article base, article meta, article form, article [style*="url("]').count()).toBe(0);
    const blocked = await recorded.page.locator('[data-notice="blocked"]').allInnerTexts();
    expect(blocked.join('\n')).toContain('https://evil.example/plotly-layout-image.png');
    expect(blocked.join('\n')).toContain('https://evil.example/tracker.png');
    expect(recorded.offsiteRequests).toEqual([]);
    await recorded.close();
  }, PAGE_TIMEOUT);

  it('shows every cell of a 10,000-cell notebook, in order', async () => {
    const recorded = await watchedPage(site);
    await recorded.page.goto(`${site.url}/site-tests/hostile/ten-thousand-cells`);
    const article = recorded.page.locator('article');
    const sections = HUGE_NOTEBOOK_CELLS / 2;
    // The title cell, then a markdown cell with a heading and a code cell, in turn; the last cell is markdown.
    expect(await article.locator('h2').count()).toBe(sections);
    expect(await article.locator('[data-cell="code"]').count()).toBe(sections - 1);
    // The heading's text, without the zero-width space of its anchor link.
    expect((await article.locator('h2').last().innerText()).replace('\u200b', '')).toBe(`Section ${sections}`);
    expect(await article.locator('[data-cell-output="stdout"]').last().innerText()).toBe(String(sections - 1 - 2500));
    expect(recorded.errors).toEqual([]);
    await recorded.close();
  }, PAGE_TIMEOUT);

  it('links notebooks with odd names to their pages', async () => {
    const recorded = await watchedPage(site);
    await recorded.page.goto(`${site.url}/site-tests/hostile/y2-name-1-41`);
    await recorded.page.getByRole('link', { name: 'the underscore notebook' }).click();
    await recorded.page.waitForURL(`${site.url}/site-tests/hostile/underscore`);
    // The URL changes before the client router renders the new page.
    await expect.poll(() => recorded.page.locator('article h1').innerText(), { timeout: 30_000 }).toBe('Underscore');
    await recorded.close();
  }, PAGE_TIMEOUT);

  it('shows a hostile notebook escaped, with its maths, and runs none of its scripts', async () => {
    const recorded = await watchedPage(site);
    await recorded.page.goto(`${site.url}/site-tests/notebooks/hostile`);
    await chartsDrawn(recorded.page, 1);
    const text = await recorded.page.locator('article').innerText();
    expect(text).toContain('braces {like this} and {{double}}, a lone < sign');
    expect(text).toContain('an unbalanced <div> tag, and </span> a stray closing tag.');
    expect(text).toContain("<script>window.hostileScriptRan = 'markdown';</script>");
    expect(text).toContain("{{ template }} and <script>window.hostileScriptRan = 'stdout';</script>");
    expect(text).toContain('red text and bold green');
    expect(text).not.toContain('\u001b');
    expect(text).toContain('Error: boom <in a {brace}>');
    expect(await recorded.page.locator('article .katex').count()).toBe(2);
    expect(await recorded.page.locator('article script, article [onerror], article a[href^="javascript:"]').count()).toBe(0);
    expect(await markersSet(recorded)).toEqual([]);
    expect(recorded.dialogs).toEqual([]);
    expect(recorded.errors).toEqual([]);
    await recorded.close();
  }, PAGE_TIMEOUT);

  it('serves each notebook for download beside its page', async () => {
    const { page, close } = await recordedPage(site);
    await page.goto(`${site.url}/site-tests/notebooks/hostile`);
    const href = await page.getByRole('link', { name: 'hostile.ipynb' }).getAttribute('href');
    const notebook = (await page.evaluate(async (url): Promise<unknown> => (await fetch(url)).json(), href!)) as { metadata: { title: string } };
    expect(notebook.metadata.title).toBe('A hostile notebook: {braces}, <tags> and "quotes"');
    await close();
  }, PAGE_TIMEOUT);

  it('draws every custom component on the test page', async () => {
    const { page, errors, close } = await recordedPage(site);
    await page.goto(`${site.url}/site-tests/components`);
    expect(await chartsDrawn(page, 6)).toBe(6);
    for (const kind of ['stdout', 'stderr', 'result', 'error', 'html', 'image', 'plotly', 'markdown', 'javascript', 'notice', 'raw']) {
      expect(await page.locator(`[data-cell-output="${kind}"]`).count(), kind).toBe(1);
    }
    expect(await page.locator('img[data-cell-output="image"]').evaluate((image) => (image as HTMLImageElement).naturalWidth)).toBe(16);
    expect(errors).toEqual([]);
    await close();
  }, PAGE_TIMEOUT);
});
