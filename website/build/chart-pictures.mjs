// @ts-check
// `npm run site:pictures`: draws the static pictures of the site's demo
// charts (website/components/plotly/chart-pictures.ts names them) with
// plotly.js in Debian's Chromium, as SVG, into website/static/img/charts, and
// records in website/components/plotly/chart-pictures.json each picture's
// height and a hash of the figure it shows. The pictures are committed; the
// tests recompute the hashes, so a picture that no longer shows its demo's
// first state fails them until this is run again.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';
import { sourceEntryPoints } from './source-entry-points.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const require = createRequire(import.meta.url);

/** The manifest the chart component reads. */
export const PICTURE_MANIFEST = 'website/components/plotly/chart-pictures.json';

/**
 * The site's type, as the live chart takes it from the page: Infima's base
 * font stack (the site sets no other), read from Infima's stylesheet.
 */
function fontFamily() {
  const css = readFileSync(require.resolve('infima/dist/css/default/default.css'), 'utf8');
  const stack = /--ifm-font-family-base:\s*([^;]+);/.exec(css)?.[1];
  if (!stack) throw new Error("Infima's stylesheet has no --ifm-font-family-base");
  return stack.replace(/\s+/g, ' ').trim();
}

/** @typedef {{ key: string, path: string, width: number, height: number, figure: { data: readonly unknown[], layout: Record<string, unknown> } }} DemoPicture */

/**
 * The pictures' figures, from the one typed module that builds them
 * (website/components/plotly/demo-pictures.ts, which tsc checks with the
 * site's other code), bundled as the runner page is: with rolldown, and with
 * the library's sources by its package name, as the site's bundler takes
 * them. (The type is restated here: this script is checked with the
 * library's settings, the module with the site's.)
 * @returns {Promise<{ demoPictures(results: unknown, fontFamily: string): DemoPicture[] }>}
 */
async function demoPicturesModule() {
  const { output } = await build({
    input: `${root}website/components/plotly/demo-pictures.ts`,
    platform: 'node',
    resolve: {
      alias: Object.fromEntries(sourceEntryPoints().map(({ specifier, file }) => [specifier, file])),
      extensionAlias: { '.js': ['.ts', '.js'] },
    },
    output: { format: 'esm' },
    write: false,
    logLevel: 'warn',
  });
  return import(`data:text/javascript;base64,${Buffer.from(output[0].code).toString('base64')}`);
}

/**
 * Every picture to draw, with a hash of the figure it shows.
 * @returns {Promise<(DemoPicture & { hash: string })[]>}
 */
export async function pictureFigures() {
  const results = JSON.parse(readFileSync(`${root}bench/results.json`, 'utf8'));
  return (await demoPicturesModule())
    .demoPictures(results, fontFamily())
    .map((picture) => ({ ...picture, hash: createHash('sha256').update(JSON.stringify(picture.figure)).digest('hex').slice(0, 16) }));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { chromium } = await import('playwright-core');
  const pictures = await pictureFigures();
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage();
    await page.addScriptTag({ path: require.resolve('plotly.js-dist-min') });
    /** @type {Record<string, { height: number, hash: string }>} */
    const manifest = {};
    for (const picture of pictures) {
      const svg = await page.evaluate(async ({ figure, width, height }) => {
        // @ts-expect-error: the page's global, from the script tag
        const url = await Plotly.toImage({ data: figure.data, layout: figure.layout }, { format: 'svg', width, height });
        return decodeURIComponent(url.slice(url.indexOf(',') + 1));
      }, picture);
      mkdirSync(`${root}website/static/img/charts`, { recursive: true });
      writeFileSync(`${root}${picture.path}`, svg);
      manifest[picture.key] = { height: picture.height, hash: picture.hash };
      console.log(`${picture.path}: ${picture.width}×${picture.height}, ${(svg.length / 1024).toFixed(1)} KiB`);
    }
    writeFileSync(`${root}${PICTURE_MANIFEST}`, `${JSON.stringify(manifest, null, 2)}\n`);
    console.log(`Wrote ${pictures.length} pictures and ${PICTURE_MANIFEST}.`);
  } finally {
    await browser.close();
  }
}
