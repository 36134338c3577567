/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The callbacks given to page.evaluate run in the page, where the DOM is.
/**
 * What the browser tests of the documentation site share: the built site
 * served on 127.0.0.1, Debian's Chromium driven by playwright-core, and
 * pages that record their console errors and network requests and are kept
 * off every host but 127.0.0.1.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { readBuildStamp, siteSourcesHash } from '../../website/build/build-stamp.mjs';
import { serveSite } from '../../website/build/serve.mjs';
import { buildFolders, type SiteVariant } from '../../website/build/site-variant.mjs';
import { describeWithJupyter, type BuiltOutput } from './jupyter.js';
import { root } from './snippets.js';

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];

/**
 * `describe` for tests that need Debian's Chromium: the notebook tests' check,
 * since scripts/system-deps.sh covers Chromium too, and with `variant` the
 * site built from the current sources. When one is missing the suite fails
 * with the command that makes it, unless LEAKY_RELU_SKIP_SYSTEM_TESTS=1 asks
 * to skip it.
 */
export function describeWithChromium(name: string, body: () => void, variant?: SiteVariant): void {
  const needs: BuiltOutput[] =
    variant === undefined ? [] : [{ folder: `${buildFolders[variant]}/`, built: () => readBuildStamp(root, variant) === siteSourcesHash(root, variant) }];
  describeWithJupyter(name, body, needs);
}

/** The site's paths, from the sitemap its build wrote. */
export function sitemapPaths(variant: SiteVariant = 'production'): string[] {
  const sitemap = readFileSync(join(builtSite(variant), 'sitemap.xml'), 'utf8');
  return [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map(([, url]) => new URL(url!).pathname);
}

/**
 * The JS chunks of the production build that hold plotly.js: any that carries
 * its code. Its trace types' names are no sign of it, since the figure
 * allow-list of the runner's client names them too; an internal of its
 * histogram code is.
 */
export function plotlyChunks(): string[] {
  const scripts = join(builtSite(), 'assets/js');
  return readdirSync(scripts).filter((name) => name.endsWith('.js') && readFileSync(join(scripts, name), 'utf8').includes('_yautoBinFinished'));
}

/**
 * The built site, checked to be built from the current sources: `npm test`
 * builds the production site first, and the site-tests suite its own.
 */
export function builtSite(variant: SiteVariant = 'production'): string {
  const build = join(root, buildFolders[variant]);
  if (readBuildStamp(root, variant) !== siteSourcesHash(root, variant)) {
    const command = variant === 'production' ? 'npm run site:build (npm test does)' : 'npm run site:build -- --site-tests';
    throw new Error(`${buildFolders[variant]}/ is missing or older than the site sources: run ${command}`);
  }
  return build;
}

export interface SiteSession {
  readonly url: string;
  readonly browser: Browser;
  close(): Promise<void>;
}

/**
 * Serves the built site on a free port of 127.0.0.1 and starts Chromium.
 * With `securityHeaders: false` the server sends none, as GitHub Pages
 * serves the site: the pages then have only their meta policy.
 */
export async function openSite(variant: SiteVariant = 'production', options: { securityHeaders?: boolean } = {}): Promise<SiteSession> {
  const server = await serveSite(builtSite(variant), 0, options);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
  return {
    url: server.url,
    browser,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

export interface RecordedPage {
  readonly page: Page;
  /** Console errors and uncaught exceptions, as text. */
  readonly errors: string[];
  /** Every URL the page requested, in order. */
  readonly requests: string[];
  /** Requests to any host but 127.0.0.1: blocked, and a test failure. */
  readonly offsiteRequests: string[];
  /**
   * What the Content-Security-Policy refused: a page that needs its policy
   * to keep from loading or running something would do it where the site is
   * served without one, so each is a test failure too.
   */
  readonly policyViolations: string[];
  close(): Promise<void>;
}

/** A fresh page (its own storage, so its own colour mode) that records what a test checks. */
export async function recordedPage(site: SiteSession, options: { colorScheme?: 'light' | 'dark' } = {}): Promise<RecordedPage> {
  const context = await site.browser.newContext({ colorScheme: options.colorScheme ?? 'light', viewport: { width: 1200, height: 900 } });
  const recorded: RecordedPage = { page: await context.newPage(), errors: [], requests: [], offsiteRequests: [], policyViolations: [], close: () => context.close() };
  await context.exposeBinding('__recordPolicyViolation', (_source, violation: string) => recorded.policyViolations.push(violation));
  await context.addInitScript(() => {
    const record = (window as unknown as { __recordPolicyViolation: (violation: string) => void }).__recordPolicyViolation;
    document.addEventListener('securitypolicyviolation', (event) => record(`${location.pathname}: ${event.effectiveDirective} refused ${event.blockedURI || 'inline'}`));
  });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (/^(data|blob):/.test(url) || new URL(url).hostname === '127.0.0.1') return route.continue();
    recorded.offsiteRequests.push(url);
    return route.abort('blockedbyclient');
  });
  recorded.page.on('request', (request) => recorded.requests.push(request.url()));
  recorded.page.on('console', (message) => {
    if (message.type() === 'error') recorded.errors.push(message.text());
  });
  recorded.page.on('pageerror', (error) => recorded.errors.push(`${error.name}: ${error.message}`));
  return recorded;
}

/** The charts of a page, live or still waiting for plotly.js: each shows a placeholder until it comes near the viewport. */
export const CHART_SELECTOR = '[data-plotly-chart], [data-chart-placeholder]';

/**
 * Brings every chart of the page near the viewport in turn, so each loads
 * plotly.js and draws (a chart far below the fold waits for the reader; on a
 * touch screen each waits for a tap on its button, which this gives),
 * then waits until every one has drawn at least once; returns how many there are.
 */
export async function chartsDrawn(page: Page, expected: number): Promise<number> {
  // One chart at a time, each held in view until it has drawn: while plotly.js
  // parses, the page renders no frame, and a chart scrolled past in that time
  // never intersects. In the page: a placeholder is replaced by its chart, so
  // a handle to it would go stale.
  for (let index = 0; index < expected; index++) {
    await page.waitForFunction(
      ({ selector, index }) => {
        const chart = document.querySelectorAll<HTMLElement>(selector)[index];
        chart?.scrollIntoView({ block: 'center' });
        // On a touch screen a chart goes live when the reader asks, with its button.
        if (matchMedia('(pointer: coarse)').matches) chart?.querySelector<HTMLElement>('[data-chart-live-button]')?.click();
        return chart?.matches('[data-plotly-chart]') === true && Number(chart.dataset.redraws ?? 0) > 0;
      },
      { selector: CHART_SELECTOR, index },
      { timeout: 60_000, polling: 250 },
    );
  }
  await page.waitForFunction(
    (count) => {
      const charts = [...document.querySelectorAll<HTMLElement>('[data-plotly-chart]')];
      return charts.length === count && charts.every((chart) => Number(chart.dataset.redraws ?? 0) > 0);
    },
    expected,
    { timeout: 60_000 },
  );
  return page.locator('[data-plotly-chart]').count();
}

/**
 * The output a page shows under its code block `index` of `blocks`: the text
 * block right after it, when there is one (what the block prints in Node;
 * test/site/copied-snippets.test.ts checks that it is).
 */
export async function shownOutput(blocks: Locator, index: number): Promise<string> {
  if (index + 1 >= (await blocks.count())) return '';
  const next = blocks.nth(index + 1);
  if (!(await next.evaluate((element) => /language-text\b/.test(element.className)))) return '';
  const lines = await next.locator('pre code').evaluate((code) => [...code.querySelectorAll('.token-line')].map((line) => line.textContent));
  return lines.join('\n').trimEnd();
}
