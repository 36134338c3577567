// @ts-check
// `npm run site:first-run`: how long the first Run of a guide page takes to
// print, in Debian's Chromium on a desktop window, against the goal of
// issue 25 (within 1 s on a quiet machine with a warm cache). Build the site
// first (`npm run site:build`). It serves build/ as `npm start` does and, in
// FIRST_RUN_REPETITIONS fresh browser contexts (10 by default), loads the
// page, loads it again, and times from the click on the first block's Run to
// the frame that paints its output, twice:
// - "runner cold": the page's own files come from the cache, the runner's
//   (loaded on the first Run only) from the server, as on a first visit's Run;
// - "warm cache": the page reloaded after that run, so the runner's files
//   come from the cache too, and its first Run starts a new frame and Worker.
// It prints the median and range of each, with the load average before and
// after, since the numbers vary with the machine's load. It asserts nothing.
import { loadavg } from 'node:os';
import { chromium } from 'playwright-core';
import { serveSite } from './serve.mjs';

const folder = process.argv[2] ?? 'build';
const path = process.env.FIRST_RUN_PAGE ?? '/getting-started';
const repetitions = Number(process.env.FIRST_RUN_REPETITIONS ?? 10);
if (!Number.isInteger(repetitions) || repetitions < 1 || repetitions > 50) throw new RangeError(`FIRST_RUN_REPETITIONS must be an integer from 1 to 50, got ${JSON.stringify(process.env.FIRST_RUN_REPETITIONS)}`);

/**
 * Clicks the first runnable block's Run and resolves to the milliseconds
 * until its first output is in the page and a frame has been painted with it.
 * @param {import('playwright-core').Page} page
 */
async function timeFirstRun(page) {
  await page.locator('[data-run-button]:not([disabled])').first().waitFor({ timeout: 60_000 });
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const block = document.querySelector('[data-runnable="snippet"]');
        const button = block?.querySelector('[data-run-button]');
        if (!block || !(button instanceof HTMLElement)) return reject(new Error('no runnable block on the page'));
        const start = performance.now();
        const shown = () => {
          if (!block.querySelector('[data-run-outputs] [data-cell-output]')) return;
          observer.disconnect();
          // The output shows in the frame painted after it is added.
          requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start)));
        };
        const observer = new MutationObserver(shown);
        observer.observe(block, { childList: true, subtree: true });
        button.click();
      }),
  );
}

/** @param {number[]} values */
const summary = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  const median = sorted.length % 2 ? sorted[Math.floor(middle)] : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
  return `median ${Math.round(median ?? Number.NaN)} ms, range ${Math.round(sorted[0] ?? Number.NaN)}–${Math.round(sorted.at(-1) ?? Number.NaN)} ms`;
};

const loadBefore = loadavg();
const server = await serveSite(folder, 0);
const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
/** @type {{ runnerCold: number[], warm: number[] }} */
const times = { runnerCold: [], warm: [] };
const version = browser.version();
try {
  for (let repetition = 0; repetition < repetitions; repetition += 1) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(server.url + path, { waitUntil: 'load' });
    await page.goto(server.url + path, { waitUntil: 'load' });
    times.runnerCold.push(await timeFirstRun(page));
    await page.reload({ waitUntil: 'load' });
    times.warm.push(await timeFirstRun(page));
    await context.close();
    console.log(`${repetition + 1}: runner cold ${Math.round(times.runnerCold.at(-1) ?? 0)} ms, warm cache ${Math.round(times.warm.at(-1) ?? 0)} ms`);
  }
} finally {
  await browser.close();
  await server.close();
}
const loadAfter = loadavg();
const load = (/** @type {number[]} */ averages) => averages.map((value) => value.toFixed(2)).join(', ');
console.log(`\nFirst Run of ${path}, until its output is painted, ${repetitions} repetitions (Chromium ${version}, desktop window):`);
console.log(`- runner cold (page cached, runner loaded by the Run): ${summary(times.runnerCold)}`);
console.log(`- warm cache (page reloaded after a run): ${summary(times.warm)}`);
console.log(`Load average (1, 5, 15 min): ${load(loadBefore)} before, ${load(loadAfter)} after.`);
