// The callbacks given to page.evaluate run in the page, so this file needs the DOM's types.
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { leakyReluFigure, toHtml } from 'leaky-relu/plot';
import {
  CHROMIUM_FLAGS,
  NOTEBOOK_TIMEOUT,
  copyFixtures,
  builtPackage,
  describeWithJupyter,
  offlinePage,
  registerKernel,
  startJupyterServer,
  stopJupyterServer,
  type JupyterServer,
} from '../support/jupyter.js';
import { root } from '../support/snippets.js';

/** Jupyter Notebook 6 (Debian's) at the repo root, on the project kernel. */
function startNotebookServer(): Promise<JupyterServer> {
  // The fixture copies live in test/.generated, a hidden folder.
  return startJupyterServer('/usr/bin/jupyter-notebook', (token) => [
    `--NotebookApp.token=${token}`,
    `--NotebookApp.notebook_dir=${root}`,
    '--ContentsManager.allow_hidden=True',
  ]);
}

interface RenderedChart {
  readonly title: string | undefined;
  readonly legend: string[];
  readonly traces: number;
  readonly dashes: string[];
}

/** What Plotly drew: the title, the legend, the drawn traces and their dash styles. */
function renderedCharts(page: Page): Promise<RenderedChart[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('.js-plotly-plot')].map((chart) => ({
      title: chart.querySelector('.gtitle')?.textContent ?? undefined,
      legend: [...chart.querySelectorAll('.legendtext')].map((text) => text.textContent ?? ''),
      traces: chart.querySelectorAll('.scatterlayer .trace').length,
      dashes: [...chart.querySelectorAll('.scatterlayer .trace path.js-line')].map(
        (path) => (path as SVGPathElement).style.strokeDasharray,
      ),
    })),
  );
}

/** A kernel start, two static pictures (the kernel's first Chromium start) and the page's plotly.js, on two busy cores. */
const RENDER_TIMEOUT = 600_000;

const SPEC_CHART: RenderedChart = {
  title: 'Leaky ReLU Activation Function and Its Derivative',
  legend: ['Leaky ReLU Function', 'Leaky ReLU Derivative'],
  traces: 2,
  dashes: ['', '9px, 9px'],
};

describeWithJupyter('show(leakyReluFigure()) in Jupyter Notebook 6, in Chromium, offline', () => {
  let jupyter: JupyterServer | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    registerKernel();
    [jupyter, browser] = await Promise.all([
      startNotebookServer(),
      chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_FLAGS }),
    ]);
  }, NOTEBOOK_TIMEOUT);

  afterAll(async () => {
    await browser?.close();
    if (jupyter) await stopJupyterServer(jupyter);
  }, NOTEBOOK_TIMEOUT);

  it('renders the spec figure with both traces, with no error output and no request off 127.0.0.1', async () => {
    const [notebook] = copyFixtures('notebook6-browser', ['show.ipynb']);
    const { page, blocked, errors, requested } = await offlinePage(browser!);
    const path = relative(root, notebook!).split('\\').join('/');
    await page.goto(`${jupyter!.url}/notebooks/${path}?token=${jupyter!.token}`);
    await page
      .waitForFunction(() => window.Jupyter?.notebook?.kernel?.is_connected(), null, { timeout: 90_000 })
      .catch((error: unknown) => {
        throw new Error(`the kernel did not connect: ${String(error)}\n--- jupyter-notebook log\n${jupyter!.log()}`);
      });
    await page.evaluate(() => window.Jupyter!.notebook.execute_all_cells());
    await page.waitForFunction(
      () => {
        const cells = window.Jupyter!.notebook.get_cells();
        const done = cells.every((cell) => typeof cell.input_prompt_number === 'number');
        const drawn = [...document.querySelectorAll('.js-plotly-plot')].filter((chart) => chart.querySelector('.main-svg'));
        return done && drawn.length === 2;
      },
      null,
      { timeout: 90_000 },
    );
    const outputs = await page.evaluate(() =>
      window.Jupyter!.notebook.get_cells().map((cell) => cell.output_area.outputs.map((output) => ({ ...output }))),
    );
    expect(outputs.flat().filter((output) => output.output_type === 'error' || output.name === 'stderr')).toEqual([]);
    expect(outputs.slice(2).map((cell) => cell.map((output) => output.output_type))).toEqual([
      ['display_data', 'display_data'],
      ['display_data', 'display_data'],
    ]);
    // Each live chart hides the static picture drawn above it.
    const pictures = await page.evaluate(() =>
      [...document.querySelectorAll('.output_area img')].map((image) => (image as HTMLElement).offsetParent === null),
    );
    expect(pictures).toEqual([true, true]);
    // Each chart follows its output's width (inside its padding), up to the figure's 1000 pixels, at the spec's 10:6 shape.
    const boxes = await page.evaluate(() =>
      [...document.querySelectorAll('.js-plotly-plot')].map((chart) => {
        const box = chart.getBoundingClientRect();
        const style = getComputedStyle(chart.parentElement!);
        const areaWidth = chart.parentElement!.getBoundingClientRect().width - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        return { width: box.width, height: box.height, areaWidth };
      }),
    );
    expect(boxes).toHaveLength(2);
    for (const box of boxes) {
      // Half a pixel for the sub-pixel layout of widths and paddings.
      expect(box.width).toBeLessThanOrEqual(box.areaWidth + 0.5);
      expect(box.width).toBeGreaterThanOrEqual(Math.min(1000, box.areaWidth) - 2);
      expect(box.height / box.width).toBeCloseTo(0.6, 2);
    }
    const [spec, dark] = await renderedCharts(page);
    expect(spec).toEqual(SPEC_CHART);
    expect(dark).toMatchObject({ title: SPEC_CHART.title, legend: [...SPEC_CHART.legend, 'x = 0 takes the x ≥ 0 branch'], traces: 3 });
    // Two charts, one download of plotly.js.
    expect(requested.filter((url) => url.endsWith('/files/node_modules/plotly.js-dist-min/plotly.min.js'))).toHaveLength(1);
    expect(blocked).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, RENDER_TIMEOUT);

  it('shows every figure of every committed notebook as its static picture when opened untrusted, before anything runs', async () => {
    // Copies, so that the notebooks are new to Notebook 6's trust database: untrusted, as a clone's are.
    const folder = join(root, 'test/.generated/notebook6-untrusted');
    rmSync(folder, { recursive: true, force: true });
    mkdirSync(folder, { recursive: true });
    const failures: string[] = [];
    for (const fileName of readdirSync(join(root, 'notebooks')).filter((name) => name.endsWith('.ipynb')).sort()) {
      copyFileSync(join(root, 'notebooks', fileName), join(folder, fileName));
      const notebook = JSON.parse(readFileSync(join(folder, fileName), 'utf8')) as { cells: { outputs?: { data?: object }[] }[] };
      const figures = notebook.cells.flatMap((cell) => cell.outputs ?? []).filter((output) => output.data && 'application/vnd.plotly.v1+json' in output.data).length;
      const { page, blocked } = await offlinePage(browser!);
      await page.goto(`${jupyter!.url}/notebooks/${relative(root, join(folder, fileName)).split('\\').join('/')}?token=${jupyter!.token}`);
      await page.waitForFunction(() => window.Jupyter?.notebook?.get_cells().length, null, { timeout: 90_000 });
      await page.waitForFunction(() => [...document.querySelectorAll<HTMLImageElement>('.output_area img')].every((image) => image.complete), null, { timeout: 30_000 });
      const state = await page.evaluate(() => ({
        trusted: window.Jupyter!.notebook.trusted,
        pictures: [...document.querySelectorAll<HTMLImageElement>('.output_area img[src^="data:image/png"]')].map((image) => ({
          shown: image.offsetParent !== null && image.getBoundingClientRect().width > 0,
          width: image.naturalWidth,
        })),
        charts: document.querySelectorAll('.js-plotly-plot').length,
      }));
      if (state.trusted) failures.push(`${fileName}: opened trusted`);
      if (state.charts !== 0) failures.push(`${fileName}: ${state.charts} live charts before anything ran`);
      if (state.pictures.length !== figures) failures.push(`${fileName}: ${state.pictures.length} pictures for ${figures} figures`);
      for (const picture of state.pictures) if (!picture.shown || picture.width < 400) failures.push(`${fileName}: a picture ${picture.shown ? 'shown' : 'hidden'}, ${picture.width} pixels wide`);
      if (blocked.length > 0) failures.push(`${fileName}: requests off 127.0.0.1: ${blocked.join(', ')}`);
      await page.close();
    }
    expect(failures).toEqual([]);
  }, RENDER_TIMEOUT);

  it('says in the output, visibly, how to fix a plotly.js that cannot be loaded', async () => {
    const [notebook] = copyFixtures('notebook6-plotly-missing', ['plotly-missing.ipynb']);
    const { page, blocked } = await offlinePage(browser!);
    const path = relative(root, notebook!).split('\\').join('/');
    await page.goto(`${jupyter!.url}/notebooks/${path}?token=${jupyter!.token}`);
    await page.waitForFunction(() => window.Jupyter?.notebook?.kernel?.is_connected(), null, { timeout: 90_000 });
    await page.evaluate(() => window.Jupyter!.notebook.execute_all_cells());
    const note = page.locator('.leaky-relu-plot-note');
    await page.waitForFunction(() => document.querySelector('.leaky-relu-plot-note')?.textContent?.startsWith('The live chart'), null, {
      timeout: 90_000,
    });
    expect(await note.textContent()).toMatch(
      /^The live chart could not load plotly\.js from \/files\/no-such-folder\/plotly\.min\.js: start Jupyter at the folder whose node_modules holds plotly\.js-dist-min \(npm run lab does\), or pass show\(figure, \{ plotlyUrl \}\)\.$/,
    );
    expect(await note.isVisible()).toBe(true);
    expect(await page.locator('.js-plotly-plot').count()).toBe(0);
    expect(blocked).toEqual([]);
    await page.close();
  }, NOTEBOOK_TIMEOUT);

  it('toHtml(figure) writes a page that renders the same chart from a file, offline', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'leaky-relu-page-'));
    const file = join(dir, 'figure.html');
    writeFileSync(file, toHtml(leakyReluFigure()));
    const { page, blocked, errors } = await offlinePage(browser!);
    await page.goto(`file://${file}`);
    await page.waitForSelector('.js-plotly-plot .main-svg');
    expect(await renderedCharts(page)).toEqual([SPEC_CHART]);
    expect(blocked).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
    rmSync(dir, { recursive: true, force: true });
  }, NOTEBOOK_TIMEOUT);
}, [builtPackage]);

/** The parts of Notebook 6's page API the test calls. */
interface NotebookCell {
  input_prompt_number: number | string | null | undefined;
  output_area: { outputs: { output_type: string; name?: string }[] };
}
declare global {
  interface Window {
    Jupyter?: {
      notebook: {
        kernel?: { is_connected(): boolean };
        execute_all_cells(): void;
        get_cells(): NotebookCell[];
        trusted: boolean;
      };
    };
  }
}
