// The callbacks given to page.evaluate run in the page, so this file needs the DOM's types.
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { leakyReluFigure, toHtml } from 'leaky-relu/plot';
import { NOTEBOOK_TIMEOUT, copyFixtures, describeWithJupyter, registerKernel } from '../support/jupyter.js';
import { root } from '../support/snippets.js';

const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

interface Jupyter {
  readonly url: string;
  readonly token: string;
  readonly process: ChildProcess;
  readonly log: () => string;
  readonly home: string;
}

/** Jupyter Notebook 6 at the repo root (so /files/node_modules/ is served), on the project kernel, isolated from the user's config. */
async function startNotebookServer(): Promise<Jupyter> {
  const port = await freePort();
  const token = randomBytes(16).toString('hex');
  const home = mkdtempSync(join(tmpdir(), 'leaky-relu-jupyter-'));
  const args = [
    '--no-browser',
    '--allow-root',
    '--ip=127.0.0.1',
    `--port=${port}`,
    '--port-retries=0',
    `--NotebookApp.token=${token}`,
    `--NotebookApp.notebook_dir=${root}`,
    // The fixture copies live in test/.generated, a hidden folder.
    '--ContentsManager.allow_hidden=True',
  ];
  const env = {
    ...process.env,
    JUPYTER_PATH: join(root, '.jupyter'),
    JUPYTER_CONFIG_DIR: join(home, 'config'),
    JUPYTER_DATA_DIR: join(home, 'data'),
    JUPYTER_RUNTIME_DIR: join(home, 'runtime'),
  };
  const server = spawn('/usr/bin/jupyter-notebook', args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  server.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
  server.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`jupyter-notebook exited with ${server.exitCode}:\n${log}`);
    const answer = await fetch(`${url}/api/status?token=${token}`).catch(() => undefined);
    if (answer?.ok) return { url, token, process: server, log: () => log, home };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  server.kill();
  throw new Error(`jupyter-notebook did not answer within 60 s:\n${log}`);
}

async function stopNotebookServer(jupyter: Jupyter): Promise<void> {
  if (jupyter.process.exitCode === null) {
    const exited = new Promise((resolve) => jupyter.process.once('exit', resolve));
    jupyter.process.kill('SIGTERM');
    await exited;
  }
  rmSync(jupyter.home, { recursive: true, force: true });
}

/** A page that may reach 127.0.0.1 only: any other request (a CDN) is aborted and recorded. */
async function offlinePage(browser: Browser): Promise<{ page: Page; blocked: string[]; errors: string[]; requested: string[] }> {
  const page = await browser.newPage();
  const blocked: string[] = [];
  const requested: string[] = [];
  page.on('request', (request) => requested.push(request.url()));
  const errors: string[] = [];
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === 'file:' || url.protocol === 'data:' || url.hostname === '127.0.0.1') return route.continue();
    blocked.push(url.href);
    return route.abort();
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return { page, blocked, errors, requested };
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

const SPEC_CHART: RenderedChart = {
  title: 'Leaky ReLU Activation Function and Its Derivative',
  legend: ['Leaky ReLU Function', 'Leaky ReLU Derivative'],
  traces: 2,
  dashes: ['', '9px, 9px'],
};

describeWithJupyter('show(leakyReluFigure()) in Jupyter Notebook 6, in Chromium, offline', () => {
  let jupyter: Jupyter | undefined;
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
    if (jupyter) await stopNotebookServer(jupyter);
  });

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
    expect(outputs.slice(2).map((cell) => cell.map((output) => output.output_type))).toEqual([['display_data'], ['display_data']]);
    const [spec, dark] = await renderedCharts(page);
    expect(spec).toEqual(SPEC_CHART);
    expect(dark).toMatchObject({ title: SPEC_CHART.title, legend: [...SPEC_CHART.legend, 'x = 0 takes the x ≥ 0 branch'], traces: 3 });
    // Two charts, one download of plotly.js.
    expect(requested.filter((url) => url.endsWith('/files/node_modules/plotly.js-dist-min/plotly.min.js'))).toHaveLength(1);
    expect(blocked).toEqual([]);
    expect(errors).toEqual([]);
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
});

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
      };
    };
  }
}
