// @ts-check
// `npm run site:pictures`: draws the static pictures of the site's demo
// charts (website/components/plotly/chart-pictures.ts names them) with
// plotly.js in Debian's Chromium, as SVG, into website/static/img/charts, and
// records in website/components/plotly/chart-pictures.json each picture's
// height and a hash of the figure it shows. The pictures are committed; the
// tests recompute the hashes, so a picture that no longer shows its demo's
// first state fails them until this is run again. Run `npm run build` first:
// the figures come from the built library.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

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

/**
 * Loads the site's TypeScript modules as the site's bundler does, with `leaky-relu` from the build.
 * @type {(path: string) => any}
 */
const siteModule = (() => {
  const jiti = require('jiti')(import.meta.url, {
    interopDefault: true,
    alias: {
      'leaky-relu/plot': `${root}dist/plot/index.js`,
      'leaky-relu/experiments': `${root}dist/experiments/index.js`,
      'leaky-relu': `${root}dist/index.js`,
    },
  });
  return (/** @type {string} */ path) => jiti(`${root}${path}`);
})();

/**
 * Every picture to draw: each demo's chart in its first state, themed as the
 * page themes it, in each colour mode and at each width.
 * @returns {{ key: string, path: string, width: number, height: number, figure: { data: unknown[], layout: Record<string, unknown> }, hash: string }[]}
 */
export function pictureFigures() {
  const { CHART_PICTURES, PICTURED_ALPHA, PICTURE_WIDTHS, picturePath } = siteModule('website/components/plotly/chart-pictures.ts');
  const { themedFigure } = siteModule('website/components/plotly/themed-figure.ts');
  const { specFigure } = siteModule('website/components/AlphaExplorer/spec-figure.ts');
  const { activationComparison } = siteModule('website/components/ActivationComparison/activation-curves.ts');
  const { trainingFigure } = siteModule('website/components/DyingReluTrainer/training-figure.ts');
  const { DEFAULT_SETTINGS } = siteModule('website/components/DyingReluTrainer/messages.ts');
  const { benchmarkFigure, benchmarkOps } = siteModule('website/components/BenchmarkChart/benchmark-figure.ts');
  const { createDyingReluRun } = require(`${root}dist/experiments/index.js`);
  const results = require(`${root}bench/results.json`);
  // Each demo's first state, as its component first draws it.
  const relu = createDyingReluRun({ alpha: 0, learningRate: DEFAULT_SETTINGS.learningRate });
  const leaky = createDyingReluRun({ alpha: DEFAULT_SETTINGS.alpha, learningRate: DEFAULT_SETTINGS.learningRate });
  const figures = {
    'alpha-explorer': specFigure(PICTURED_ALPHA),
    'activation-comparison': activationComparison(PICTURED_ALPHA),
    'dying-relu-trainer': trainingFigure([relu.initial], [leaky.initial], DEFAULT_SETTINGS.alpha),
    'benchmark-chart': benchmarkFigure(results, benchmarkOps(results)[0]),
  };
  const family = fontFamily();
  return Object.entries(CHART_PICTURES).flatMap(([name, { height }]) =>
    ['light', 'dark'].flatMap((colorMode) =>
      Object.entries(PICTURE_WIDTHS).map(([size, width]) => {
        const figure = themedFigure(figures[/** @type {keyof typeof figures} */ (name)], { colorMode, height, width, fontFamily: family });
        const json = JSON.stringify(figure);
        return {
          key: `${name}-${colorMode}-${size}`,
          path: `website/static${picturePath(name, colorMode, size)}`,
          width,
          height: figure.layout.height,
          figure,
          hash: createHash('sha256').update(json).digest('hex').slice(0, 16),
        };
      }),
    ),
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { chromium } = await import('playwright-core');
  const pictures = pictureFigures();
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
