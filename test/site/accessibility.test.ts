/// <reference lib="dom" />
// axe-core on every page of the production site, in light and in dark mode,
// with every chart drawn: zero violations. axe-core is read from
// node_modules and evaluated in the page, never fetched.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.js';
import { CHART_SELECTOR, sitemapPaths, chartsDrawn, describeWithChromium, openSite, recordedPage, type SiteSession } from '../support/site-browser.js';

describeWithChromium('accessibility, by axe-core', () => {
  let site: SiteSession;
  beforeAll(async () => {
    site = await openSite();
  }, 120_000);
  afterAll(async () => {
    await site?.close();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`finds no violation on any page of the sitemap, nor on the 404 page, in ${colorScheme} mode`, async () => {
      const paths = [...sitemapPaths(), '/no-such-page'];
      expect(paths.length).toBeGreaterThan(30);
      const { page, close } = await recordedPage(site, { colorScheme });
      const failures: string[] = [];
      for (const path of paths) {
        await page.goto(site.url + path, { waitUntil: 'load' });
        expect(await page.locator('html').getAttribute('data-theme'), path).toBe(colorScheme);
        await chartsDrawn(page, await page.locator(CHART_SELECTOR).count());
        for (const violation of await axeViolations(page)) failures.push(`${path}: ${violation}`);
      }
      await close();
      expect(failures).toEqual([]);
    }, 900_000);
  }

  it('names every chart for a screen reader, drawn or not', async () => {
    const { page, close } = await recordedPage(site);
    await page.goto(`${site.url}/notebooks/properties`, { waitUntil: 'load' });
    // A live chart is named itself; a placeholder, by the picture it shows.
    const names = () =>
      page.locator(CHART_SELECTOR).evaluateAll((charts) =>
        charts.map((chart) => {
          const named = chart.hasAttribute('aria-label') ? chart : [...chart.querySelectorAll('img, [role="img"]')].find((element) => element.getClientRects().length > 0);
          return named?.getAttribute('aria-label') ?? named?.getAttribute('alt') ?? null;
        }),
      );
    const before = await names();
    expect(before.length).toBeGreaterThan(0);
    for (const name of before) expect(name).toMatch(/\w{3,}/);
    await chartsDrawn(page, before.length);
    expect(await names()).toEqual(before);
    await close();
  }, 120_000);

  it('finds the violation it is there to find: a contrast too low', async () => {
    const { page, close } = await recordedPage(site);
    await page.goto(`${site.url}/getting-started`, { waitUntil: 'load' });
    await page.locator('article p').first().evaluate((paragraph) => ((paragraph as HTMLElement).style.color = '#bbbbbb'));
    expect((await axeViolations(page)).some((violation) => violation.startsWith('color-contrast'))).toBe(true);
    await close();
  }, 120_000);
});
