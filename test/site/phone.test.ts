/// <reference lib="dom" />
// The site on a phone: 390 × 844 CSS pixels, a touch screen. Each chart's
// title fits or wraps and stays clear of the mode bar, its legend sits below
// the plot, and a vertical swipe over it scrolls the page; the demos'
// controls are big enough for a thumb.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { chartsDrawn, describeWithChromium, openSite, plotlyChunks, type SiteSession } from '../support/site-browser.js';

const PHONE = { width: 390, height: 844 };
/** The smallest target a thumb hits reliably (WCAG 2.5.8 asks 24 px; platform guides 44–48). */
const THUMB = 40;

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

async function phonePage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  return { context, page: await context.newPage() };
}

/** The boxes, in page coordinates, of the parts of the chart at `index` a reader must see apart. */
async function chartParts(page: Page, index: number) {
  return page.locator('[data-plotly-chart]').nth(index).evaluate((chart) => {
    const box = (element: Element | null): Box | undefined => {
      if (!element) return undefined;
      const { left, right, top, bottom } = element.getBoundingClientRect();
      return { left, right, top, bottom };
    };
    return {
      chart: box(chart)!,
      title: box(chart.querySelector('.gtitle')),
      modeBar: box(chart.querySelector('.modebar')),
      plot: box(chart.querySelector('.cartesianlayer .bg') ?? chart.querySelector('.nsewdrag')),
      legend: box(chart.querySelector('.legend')),
    };
  });
}

const overlaps = (a: Box, b: Box): boolean => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

describeWithChromium('the site on a 390 × 844 phone', () => {
  let site: SiteSession;
  beforeAll(async () => {
    site = await openSite();
  }, 120_000);
  afterAll(async () => {
    await site?.close();
  });

  for (const [path, charts] of [['/', 1], ['/experiments', 1], ['/benchmarks', 1], ['/variants', 1], ['/notebooks/leaky-relu', 1], ['/notebooks/properties', 3]] as const) {
    it(`lays out the charts of ${path} for the phone: the title whole and clear of the mode bar, the legend below the plot`, async () => {
      const { context, page } = await phonePage(site.browser);
      await page.goto(site.url + path);
      await chartsDrawn(page, charts);
      for (let index = 0; index < charts; index++) {
        const parts = await chartParts(page, index);
        const where = `${path}, chart ${index + 1}`;
        expect(parts.chart.right - parts.chart.left, where).toBeLessThanOrEqual(PHONE.width);
        if (parts.title) {
          expect(parts.title.left, where).toBeGreaterThanOrEqual(parts.chart.left);
          expect(parts.title.right, where).toBeLessThanOrEqual(parts.chart.right);
          if (parts.modeBar) expect(overlaps(parts.title, parts.modeBar), `${where}: the title under the mode bar`).toBe(false);
        }
        if (parts.legend && parts.plot) expect(parts.legend.top, `${where}: the legend starts below the plot`).toBeGreaterThanOrEqual(parts.plot.bottom);
      }
      // Nothing makes the page itself wider than the phone.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
      await context.close();
    }, 180_000);
  }

  it('scrolls the page when a finger swipes up over a chart', async () => {
    const { context, page } = await phonePage(site.browser);
    await page.goto(`${site.url}/notebooks/properties`);
    await chartsDrawn(page, 3);
    const chart = page.locator('[data-plotly-chart]').first();
    await chart.scrollIntoViewIfNeeded();
    const box = (await chart.locator('.nsewdrag').first().boundingBox())!;
    const before = await page.evaluate(() => window.scrollY);
    // A finger's swipe upwards, as touch events through the browser's input pipeline: the page scrolls only if no handler on the chart takes the touch.
    const session = await context.newCDPSession(page);
    const x = Math.round(box.x + box.width / 2);
    const y = Math.round(box.y + box.height * 0.8);
    await session.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
    for (let step = 1; step <= 10; step++) {
      await session.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: y - step * 25 }] });
      await page.waitForTimeout(16);
    }
    await session.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(before + 100);
    await context.close();
  }, 180_000);

  it("shows each demo's picture first, and downloads plotly.js only when the reader taps for the live chart", async () => {
    const { context, page } = await phonePage(site.browser);
    const chunks = plotlyChunks();
    expect(chunks).toHaveLength(1);
    const plotlyRequests: string[] = [];
    page.on('request', (request) => {
      if (chunks.some((chunk) => request.url().endsWith(`/${chunk}`))) plotlyRequests.push(request.url());
    });
    for (const [path, name] of [['/', 'alpha-explorer'], ['/experiments', 'dying-relu-trainer'], ['/variants', 'activation-comparison'], ['/benchmarks', 'benchmark-chart']] as const) {
      await page.goto(site.url + path, { waitUntil: 'networkidle' });
      const shown = page.locator(`[data-chart-pictures="${name}"] img:visible`);
      await shown.scrollIntoViewIfNeeded();
      // One picture shows: the light one drawn for a phone's width, loaded, and filling the chart's width.
      await expect.poll(() => shown.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
      expect(await shown.count(), path).toBe(1);
      const { src, width, frame } = await shown.evaluate((img: HTMLImageElement) => ({
        src: img.currentSrc,
        width: img.getBoundingClientRect().width,
        frame: img.closest('[data-chart-placeholder]')!.getBoundingClientRect().width,
      }));
      expect(src, path).toMatch(new RegExp(`/img/charts/${name}-light-narrow\\.svg$`));
      expect(width, path).toBe(frame);
      expect(frame, path).toBeGreaterThan(PHONE.width * 0.75);
      await page.waitForTimeout(500);
      expect(plotlyRequests, path).toEqual([]);
    }
    await page.locator('[data-chart-live-button]').tap();
    await chartsDrawn(page, 1);
    expect(plotlyRequests).toHaveLength(1);
    await context.close();
  }, 180_000);

  it('gives the trainer and the slider controls a thumb can hit', async () => {
    const { context, page } = await phonePage(site.browser);
    const targets: { name: string; width: number; height: number }[] = [];
    for (const [path, selector] of [
      ['/', '[data-demo="alpha-explorer"] input[type="range"]'],
      ['/experiments', '[data-demo="dying-relu-trainer"] button, [data-demo="dying-relu-trainer"] select, [data-demo="dying-relu-trainer"] input'],
    ] as const) {
      await page.goto(site.url + path);
      for (const control of await page.locator(selector).all()) {
        const box = (await control.boundingBox())!;
        targets.push({ name: `${path} ${await control.evaluate((element) => element.outerHTML.slice(0, 60))}`, width: box.width, height: box.height });
      }
    }
    expect(targets.length).toBeGreaterThanOrEqual(5);
    expect(targets.filter((target) => target.height < THUMB || target.width < THUMB)).toEqual([]);
    // And the trainer trains, tapped.
    await page.goto(`${site.url}/experiments`);
    const trainer = page.locator('[data-demo="dying-relu-trainer"]');
    await trainer.getByRole('button', { name: 'Play' }).tap();
    await expect.poll(async () => Number(await trainer.getAttribute('data-epoch')), { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
    await trainer.getByRole('button', { name: 'Pause' }).tap();
    await context.close();
  }, 180_000);
});
