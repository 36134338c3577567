// @ts-check
// `npm run site:audit`: Lighthouse's mobile audit (its default: a mid-range
// phone, a slow 4G network and a 4× slower CPU, simulated) of one page of
// each kind of the built site, served gzipped by the server `npm start`
// uses, in Debian's Chromium. It writes the table to build/site-audit.md
// and prints it. Build the site first (`npm run site:build`).
//
// A single run's blocking time varies by ±30% with the machine's load, so
// each page is audited three times (AUDIT_RUNS) and the median run is kept,
// as Lighthouse recommends and with its own choice of the median run.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { computeMedianRun } from 'lighthouse/core/lib/median-run.js';
import { serveSite } from './serve.mjs';

/** One page of each kind; the targets come from the project's goals for the site. */
export const AUDITED_PAGES = [
  { kind: 'landing page (demo chart)', path: '/', charts: true },
  { kind: 'guide page', path: '/getting-started', charts: false },
  { kind: 'guide page with maths', path: '/semantics', charts: false },
  { kind: 'API page', path: '/api/leaky-relu/functions/leakyRelu', charts: false },
  { kind: 'notebook page (charts)', path: '/notebooks/properties', charts: true },
  { kind: 'demo page (trainer)', path: '/experiments', charts: true },
  { kind: 'benchmarks (chart)', path: '/benchmarks', charts: true },
  { kind: 'search page', path: '/search', charts: false },
];

const folder = process.argv[2] ?? 'build';
const runs = Number(process.env.AUDIT_RUNS ?? 3);
if (!Number.isInteger(runs) || runs < 1 || runs > 9) throw new RangeError(`AUDIT_RUNS must be an integer from 1 to 9, got ${JSON.stringify(process.env.AUDIT_RUNS)}`);
const server = await serveSite(folder, 0);
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const rows = [];
try {
  for (const page of AUDITED_PAGES) {
    const results = [];
    for (let run = 0; run < runs; run += 1) {
      const result = await lighthouse(server.url + page.path, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'] });
      if (!result) throw new Error(`Lighthouse returned nothing for ${page.path}`);
      results.push(result.lhr);
    }
    const { categories, audits } = computeMedianRun(results);
    const score = (/** @type {string} */ id) => Math.round((categories[id]?.score ?? 0) * 100);
    const ms = (/** @type {string} */ id) => Math.round(audits[id]?.numericValue ?? Number.NaN);
    const row = {
      ...page,
      performance: score('performance'),
      accessibility: score('accessibility'),
      bestPractices: score('best-practices'),
      seo: score('seo'),
      fcp: ms('first-contentful-paint'),
      lcp: ms('largest-contentful-paint'),
      tbt: ms('total-blocking-time'),
      cls: Number((audits['cumulative-layout-shift']?.numericValue ?? Number.NaN).toFixed(3)),
      bytes: Math.round((audits['total-byte-weight']?.numericValue ?? Number.NaN) / 1024),
    };
    rows.push(row);
    console.log(`${page.path}: performance ${row.performance}, LCP ${row.lcp} ms, TBT ${row.tbt} ms, CLS ${row.cls}`);
  }
} finally {
  await chrome.kill();
  await server.close();
}

const target = (/** @type {{ charts: boolean }} */ row) => (row.charts ? '≥ 85, TBT ≤ 600 ms, LCP ≤ 2.5 s, CLS ≤ 0.02' : '≥ 95');
const table = [
  `Lighthouse ${(await import('lighthouse/package.json', { with: { type: 'json' } })).default.version}, mobile preset, median of ${runs} run${runs === 1 ? '' : 's'} per page, ${new Date().toISOString().slice(0, 10)}.`,
  '',
  '| page | path | performance | target | FCP ms | LCP ms | TBT ms | CLS | KiB | accessibility | best practices | SEO |',
  '|---|---|---|---|---|---|---|---|---|---|---|---|',
  ...rows.map((row) => `| ${row.kind} | \`${row.path}\` | ${row.performance} | ${target(row)} | ${row.fcp} | ${row.lcp} | ${row.tbt} | ${row.cls} | ${row.bytes} | ${row.accessibility} | ${row.bestPractices} | ${row.seo} |`),
  '',
].join('\n');
writeFileSync(join(folder, 'site-audit.md'), table);
console.log(`\n${table}\nWritten to ${join(folder, 'site-audit.md')}.`);
