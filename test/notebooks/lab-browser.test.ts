// The callbacks given to page.evaluate run in the page, so this file needs the DOM's types.
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CHROMIUM_FLAGS,
  cellOutputs,
  builtPackage,
  describeWithJupyter,
  offlinePage,
  publishedNotebooks,
  registerKernel,
  startJupyterServer,
  stopJupyterServer,
  venvJupyter,
  type JupyterServer,
} from '../support/jupyter.js';
import { root } from '../support/snippets.js';

/** Opening, Run All (with the static pictures drawn in the kernel) and Save of one notebook, on two busy cores. */
const FRONT_END_TIMEOUT = 600_000;

const NOTEBOOKS = publishedNotebooks();

/** The items an environment variable names (comma-separated names, or their number before a dash), to run part of the test while working on it; all by default. */
function chosen<T>(all: readonly T[], variable: string, key: (item: T) => string): T[] {
  const wanted = process.env[variable]?.split(',').map((word) => word.trim()).filter(Boolean);
  if (!wanted?.length) return [...all];
  const picked = all.filter((item) => wanted.some((word) => key(item) === word || key(item).startsWith(`${word}-`)));
  if (picked.length === 0) throw new Error(`${variable}=${process.env[variable]} matches none of: ${all.map(key).join(', ')}`);
  return picked;
}

/** A fixture whose figure loads plotly.js from where it is not: its output must say how to fix that. */
const PLOTLY_MISSING = 'plotly-missing.ipynb';

// LEAKY_RELU_LAB_NOTEBOOKS=02,plotly-missing and LEAKY_RELU_LAB_FRONT_ENDS=notebook,plotly narrow a run; unset, everything runs.
const selected = chosen([...NOTEBOOKS, PLOTLY_MISSING], 'LEAKY_RELU_LAB_NOTEBOOKS', (name) => name.replace(/\.ipynb$/, ''));
const committed = selected.filter((name) => NOTEBOOKS.includes(name));

/** The code of a notebook file, its cells joined. */
const notebookCode = (path: string): string =>
  (JSON.parse(readFileSync(path, 'utf8')) as { cells: { cell_type: string; source: string | string[] }[] }).cells
    .filter((cell) => cell.cell_type === 'code')
    .map((cell) => (Array.isArray(cell.source) ? cell.source.join('') : cell.source))
    .join('\n');

/** The pixel size of each figure's static picture in a notebook file, in order: the figure's own size. */
const figureSizes = (path: string): { width: number; height: number }[] =>
  cellOutputs(path)
    .flat()
    .filter((output) => output.data?.['application/vnd.plotly.v1+json'] !== undefined)
    .map((output) => {
      const png = Buffer.from(String(output.data!['image/png']), 'base64');
      return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
    });

interface FrontEnd {
  readonly name: string;
  readonly command: string;
  readonly app: 'LabApp' | 'JupyterNotebookApp';
  readonly notebookUrl: (path: string) => string;
  readonly plotlyExtension: boolean;
  /** The kernel Run All runs on: the notebook's own (tslab), or Deno's, switched to after the untrusted checks. */
  readonly kernel: 'tslab' | 'deno';
}

// `?reset` opens JupyterLab on an empty workspace: the saved one would reopen the previous test's notebook
// in a hidden tab, with its pictures and a kernel of its own.
const labUrl = (path: string): string => `/lab/tree/${path}?reset`;
const FRONT_ENDS: FrontEnd[] = [
  { name: 'JupyterLab 4.6', command: 'lab', app: 'LabApp', notebookUrl: labUrl, plotlyExtension: false, kernel: 'tslab' },
  { name: 'Notebook 7.6', command: 'notebook', app: 'JupyterNotebookApp', notebookUrl: (path) => `/notebooks/${path}`, plotlyExtension: false, kernel: 'tslab' },
  { name: 'JupyterLab 4.6 with plotly’s extension', command: 'lab', app: 'LabApp', notebookUrl: labUrl, plotlyExtension: true, kernel: 'tslab' },
  { name: 'JupyterLab 4.6 on Deno’s kernel', command: 'lab', app: 'LabApp', notebookUrl: labUrl, plotlyExtension: false, kernel: 'deno' },
];

/** The name of a front end in LEAKY_RELU_LAB_FRONT_ENDS: lab, notebook, plotly (JupyterLab with plotly's extension), deno (JupyterLab on Deno's kernel). */
const frontEndKey = (frontEnd: FrontEnd): string => (frontEnd.kernel === 'deno' ? 'deno' : frontEnd.plotlyExtension ? 'plotly' : frontEnd.command);

/** The parts of the JupyterLab application (JupyterLab and Notebook 7) the test calls; exposed with expose_app_in_browser. */
interface NotebookPanelLike {
  node: HTMLElement;
  context: { path: string; model: { dirty: boolean } };
  sessionContext: {
    session?: { kernel?: KernelLike | null } | null;
    isReady: boolean;
    changeKernel(options: { name: string }): Promise<unknown>;
  };
  content: { widgets: { model: { type: string; executionCount?: number | null } }[] };
}
interface KernelLike {
  status: string;
  name: string;
  requestComplete(content: { code: string; cursor_pos: number }): Promise<{ content: { matches: string[] } }>;
}
declare global {
  interface Window {
    jupyterapp?: {
      commands: { execute(id: string, args?: unknown): Promise<unknown> };
      shell: { currentWidget: NotebookPanelLike | null };
    };
  }
}

/**
 * The selector of a static picture in the open notebook: JupyterLab's image renderer draws `image/png`
 * in `.jp-RenderedImage`; plotly's extension, which outranks it for our first output, draws the
 * same PNG as `img.plot-img` in `.jp-RenderedPlotly`.
 */
const PICTURE = '.jp-RenderedImage img, .jp-RenderedPlotly img.plot-img';

interface Picture {
  readonly width: number;
  readonly height: number;
  readonly naturalWidth: number;
  readonly naturalHeight: number;
  readonly areaWidth: number;
  readonly overflowsArea: boolean;
  readonly visible: boolean;
  readonly inked: number;
}

/** Every static picture of the open notebook: drawn size, pixel size, the width inside its output's padding, whether it shows, and how much of it is not background. */
function pictures(page: Page): Promise<Picture[]> {
  return page.evaluate((selector) => {
    const panel = window.jupyterapp!.shell.currentWidget!.node;
    return [...panel.querySelectorAll<HTMLImageElement>(selector)].map((image) => {
      const canvas = document.createElement('canvas');
      canvas.width = image.naturalWidth;
      canvas.height = image.naturalHeight;
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      const pixels = context.getImageData(0, 0, canvas.width || 1, canvas.height || 1).data;
      let inked = 0;
      for (let index = 0; index < pixels.length; index += 4) {
        if (pixels[index] !== pixels[0] || pixels[index + 1] !== pixels[1] || pixels[index + 2] !== pixels[2]) inked++;
      }
      const box = image.getBoundingClientRect();
      const output = image.closest('.jp-OutputArea-output')!;
      const area = output.getBoundingClientRect();
      const style = getComputedStyle(output);
      return {
        width: box.width,
        height: box.height,
        naturalWidth: image.naturalWidth,
        naturalHeight: image.naturalHeight,
        areaWidth: area.width - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight),
        overflowsArea: box.right > area.right + 0.5,
        visible: box.width > 0 && box.height > 0,
        inked: inked / (pixels.length / 4),
      };
    });
  }, PICTURE);
}

/** Every live chart of the open notebook: its size and the width inside its output's padding (an HTML output has 20 px on the right in JupyterLab). */
function charts(page: Page): Promise<{ width: number; height: number; areaWidth: number; overflowsArea: boolean }[]> {
  return page.evaluate(() =>
    [...window.jupyterapp!.shell.currentWidget!.node.querySelectorAll('.js-plotly-plot')].map((chart) => {
      const output = chart.closest('.jp-OutputArea-output')!;
      const area = output.getBoundingClientRect();
      const style = getComputedStyle(output);
      const box = chart.getBoundingClientRect();
      const areaWidth = area.width - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      return { width: box.width, height: box.height, areaWidth, overflowsArea: box.right > area.right + 0.5 };
    }),
  );
}

/** How many elements of the open notebook match a selector. */
function countInNotebook(page: Page, selector: string): Promise<number> {
  return page.evaluate((selector) => window.jupyterapp!.shell.currentWidget?.node.querySelectorAll(selector).length ?? 0, selector);
}

/** Waits until the open notebook holds at least `count` elements matching a selector. */
async function waitInNotebook(page: Page, selector: string, count: number, timeout: number): Promise<void> {
  await page.waitForFunction(
    ([selector, count]) => (window.jupyterapp?.shell.currentWidget?.node.querySelectorAll(selector as string).length ?? 0) >= (count as number),
    [selector, count] as const,
    { timeout },
  );
}

/** Waits until the open notebook holds at least `count` live charts that plotly.js has drawn (each draws several `.main-svg`). */
async function waitForCharts(page: Page, count: number, timeout: number): Promise<void> {
  await page.waitForFunction(
    (count) =>
      [...(window.jupyterapp?.shell.currentWidget?.node.querySelectorAll('.js-plotly-plot') ?? [])].filter((chart) => chart.querySelector('.main-svg'))
        .length >= count,
    count,
    { timeout },
  );
}

/** The panel of the open notebook, once its kernel (the one named, if given) is ready. */
async function waitForKernel(page: Page, server: JupyterServer, name?: string): Promise<void> {
  await page
    .waitForFunction(
      (name) => {
        const kernel = window.jupyterapp?.shell.currentWidget?.sessionContext?.session?.kernel;
        return kernel?.status === 'idle' && (name === null || kernel.name === name);
      },
      name ?? null,
      { timeout: 180_000 },
    )
    .catch((error: unknown) => {
      throw new Error(`the kernel did not start: ${String(error)}\n--- server log\n${server.log().slice(-4000)}`);
    });
}

/** What the page showed when a check failed, beside the notebook's copy: test/.generated/<front end>/<notebook>.failed.{png,html}. */
async function recordFailure(page: Page, copy: string): Promise<void> {
  await page.screenshot({ path: `${copy}.failed.png`, fullPage: true }).catch(() => {});
  writeFileSync(`${copy}.failed.html`, await page.content().catch(() => ''));
}

/**
 * Runs the checks of one notebook's page; on a failure, records what the page
 * showed. Then closes the page and ends the test's kernel, pass or fail.
 */
async function checkedPage(page: Page, copy: string, server: JupyterServer, checks: () => Promise<void>): Promise<void> {
  try {
    await checks();
  } catch (error) {
    await recordFailure(page, copy);
    throw error;
  } finally {
    await page.close();
    await shutDownSessions(server);
  }
}

/** Shuts down every kernel session of a server: each test's kernel ends with the test, not with the server. */
async function shutDownSessions(server: JupyterServer): Promise<void> {
  const answer = await fetch(`${server.url}/api/sessions?token=${server.token}`);
  const sessions = (await answer.json()) as { id: string }[];
  await Promise.all(sessions.map((session) => fetch(`${server.url}/api/sessions/${session.id}?token=${server.token}`, { method: 'DELETE' })));
}

/**
 * A drawn figure follows its output area: as wide as the area's content, up to the figure's own width,
 * never past the area's edge (no horizontal clipping), and at the figure's shape (10:6 for the spec's figure).
 */
function expectFitted(drawn: { width: number; height: number; areaWidth: number; overflowsArea: boolean }, figure: { width: number; height: number }): void {
  expect(drawn.overflowsArea).toBe(false);
  // Half a pixel for the sub-pixel layout of widths and paddings.
  expect(drawn.width).toBeLessThanOrEqual(drawn.areaWidth + 0.5);
  expect(drawn.width).toBeGreaterThanOrEqual(Math.min(figure.width, drawn.areaWidth) - 2);
  expect(drawn.height / drawn.width).toBeCloseTo(figure.height / figure.width, 2);
}

describeWithJupyter('the notebooks in JupyterLab 4.6 and Notebook 7.6, in Chromium, offline', () => {
  let browser: Browser | undefined;
  beforeAll(async () => {
    registerKernel();
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_FLAGS });
  }, FRONT_END_TIMEOUT);
  afterAll(async () => {
    await browser?.close();
  });

  // A front end with nothing to run is left out (plotly's extension runs no plotly-missing check).
  const frontEnds = chosen(FRONT_ENDS, 'LEAKY_RELU_LAB_FRONT_ENDS', frontEndKey).filter(
    (frontEnd) => committed.length > 0 || (!frontEnd.plotlyExtension && frontEnd.kernel === 'tslab'),
  );
  describe.each(frontEnds)('$name', (frontEnd) => {
    let server: JupyterServer | undefined;
    const group = `front-end-${frontEnd.command}${frontEnd.plotlyExtension ? '-plotly' : ''}${frontEnd.kernel === 'deno' ? '-deno' : ''}`;
    const dir = join(root, 'test/.generated', group);

    const settingsDir = join(dir, 'settings');
    beforeAll(async () => {
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(join(settingsDir, '@jupyterlab/notebook-extension'), { recursive: true });
      writeFileSync(join(settingsDir, '@jupyterlab/notebook-extension/tracker.jupyterlab-settings'), JSON.stringify({ windowingMode: 'none' }));
      server = await startJupyterServer(
        venvJupyter,
        (token) => [
          frontEnd.command,
          `--IdentityProvider.token=${token}`,
          `--ServerApp.root_dir=${root}`,
          // The copies live in test/.generated, a hidden folder.
          '--ContentsManager.allow_hidden=True',
          `--${frontEnd.app}.expose_app_in_browser=True`,
          `--${frontEnd.app}.workspaces_dir=${join(dir, 'workspaces')}`,
          // Every cell laid out: Lab's default windowing skips the layout of cells off screen, so
          // their pictures would measure 0 pixels until scrolled to, which is not what is tested here.
          `--${frontEnd.app}.user_settings_dir=${settingsDir}`,
        ],
        (_configDir, env) => {
          if (frontEnd.plotlyExtension) return;
          // Per server: the user's and the venv's configuration stay as they are. JupyterLab disables a
          // plugin by its id or the id's package part, and the plotly package's one plugin is
          // "@jupyterlab/plotly-extension:factory": its package name, jupyterlab-plotly, disables nothing.
          const disabled = spawnSync(venvJupyter, ['labextension', 'disable', '--level=user', '@jupyterlab/plotly-extension'], {
            env,
            encoding: 'utf8',
          });
          if (disabled.status !== 0) throw new Error(`jupyter labextension disable failed:\n${disabled.stderr}`);
        },
      );
    }, FRONT_END_TIMEOUT);

    afterAll(async () => {
      if (server) await stopJupyterServer(server);
    }, FRONT_END_TIMEOUT);

    const onDeno = frontEnd.kernel === 'deno';
    if (committed.length > 0) {
      it.each(committed)(
        onDeno
          ? '%s: pictures on open, untrusted; on Deno’s kernel, Run All draws every chart live, fitted, with no error; completion'
          : '%s: pictures on open, untrusted; Run All draws every chart live, fitted, with no error; completion; Save writes the committed file; reload',
        async (name) => {
          const copy = join(dir, name);
          copyFileSync(join(root, 'notebooks', name), copy);
          const sizes = figureSizes(copy);
          const figures = sizes.length;
          expect(figures).toBeGreaterThan(0);
          const { page, blocked, errors } = await offlinePage(browser!);
          const url = new URL(`${server!.url}${frontEnd.notebookUrl(`test/.generated/${group}/${name}`)}`);
          url.searchParams.set('token', server!.token);
          await checkedPage(page, copy, server!, async () => {
            await page.goto(url.href);
            await waitForKernel(page, server!);

            // Untrusted: every figure's static picture shows, fitted to the output area, and is not blank.
            await waitInNotebook(page, PICTURE, figures, 60_000);
            // Which renderer drew it: plotly's extension, where it is installed, or JupyterLab's own.
            expect(await countInNotebook(page, '.jp-RenderedPlotly')).toBe(frontEnd.plotlyExtension ? figures : 0);
            const opened = await pictures(page);
            expect(opened.map((picture) => ({ width: picture.naturalWidth, height: picture.naturalHeight }))).toEqual(sizes);
            opened.forEach((picture, index) => {
              expect(picture.visible).toBe(true);
              expect(picture.inked).toBeGreaterThan(0.01);
              expectFitted(picture, sizes[index]!);
            });
            expect(await countInNotebook(page, '.js-plotly-plot')).toBe(0);

            // The same notebook, unchanged, on Deno's kernel: the outputs it writes are Deno's, so it is not saved.
            if (onDeno) {
              await page.evaluate(() => window.jupyterapp!.shell.currentWidget!.sessionContext.changeKernel({ name: 'deno' }));
              await waitForKernel(page, server!, 'deno');
            }

            // Run All, in the kernel: outputs it writes are trusted, so the live charts draw and hide the pictures.
            await page.evaluate(() => window.jupyterapp!.commands.execute('notebook:run-all-cells'));
            await page.waitForFunction(
              () => {
                const panel = window.jupyterapp!.shell.currentWidget!;
                const code = panel.content.widgets.filter((cell) => cell.model.type === 'code');
                return code.every((cell) => typeof cell.model.executionCount === 'number') && panel.sessionContext.session?.kernel?.status === 'idle';
              },
              null,
              { timeout: FRONT_END_TIMEOUT },
            );
            await waitForCharts(page, figures, 120_000);
            const drawn = await charts(page);
            expect(drawn).toHaveLength(figures);
            drawn.forEach((chart, index) => expectFitted(chart, sizes[index]!));
            expect((await pictures(page)).filter((picture) => picture.visible)).toEqual([]);
            const errorOutputs = await countInNotebook(
              page,
              '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"], .jp-OutputArea-output[data-mime-type="application/vnd.jupyter.error"]',
            );
            expect(errorOutputs).toBe(0);

            // Completion, from the kernel the notebook runs on: the package's exports in an import (every
            // notebook; tslab only), and `leakyRelu` itself where the notebook has imported it (02 does not).
            const complete = (code: string, cursor: number): Promise<string[]> =>
              page.evaluate(
                async ({ code, cursor }) => {
                  const kernel = window.jupyterapp!.shell.currentWidget!.sessionContext.session!.kernel!;
                  return (await kernel.requestComplete({ code, cursor_pos: cursor })).content.matches;
                },
                { code, cursor },
              );
            // Deno's kernel completes from the names the running cells have defined, wherever the cursor is,
            // not from a module's exports (Deno 2.9.6): in an import's braces it offers `leakyRelu` only where
            // the notebook has imported it already.
            const importsLeakyRelu = /^import \{[^}]*\bleakyRelu\b[^}]*\} from "leaky-relu";$/m.test(notebookCode(copy));
            const inImport = await complete('import { leakyRe } from "leaky-relu";', 'import { leakyRe'.length);
            if (!onDeno || importsLeakyRelu) expect(inImport).toContain('leakyRelu');
            else expect(inImport).not.toContain('leakyRelu');
            const bare = await complete('leakyRe', 'leakyRe'.length);
            if (importsLeakyRelu) expect(bare).toContain('leakyRelu');
            else expect(bare).not.toContain('leakyRelu');

            if (!onDeno) {
              // Save: the file JupyterLab writes is the committed one, byte for byte (git diff notebooks/ stays clean).
              await page.evaluate(() => window.jupyterapp!.commands.execute('docmanager:save'));
              await page.waitForFunction(() => !window.jupyterapp!.shell.currentWidget!.context.model.dirty, null, { timeout: 60_000 });
              expect(readFileSync(copy, 'utf8')).toBe(readFileSync(join(root, 'notebooks', name), 'utf8'));

              // Reload: the notebook the user ran is trusted now, so the live charts draw on open, and the file stays as it is.
              await page.reload();
              await waitForKernel(page, server!);
              await waitForCharts(page, figures, 120_000);
              expect(await charts(page)).toHaveLength(figures);
              expect(readFileSync(copy, 'utf8')).toBe(readFileSync(join(root, 'notebooks', name), 'utf8'));
            }

            expect(blocked).toEqual([]);
            // JupyterLab's debugger rejects with this once per executed cell when it meets tslab's kernel
            // info (tslab announces no debugger): it comes from JupyterLab, not from our code.
            const ours = errors.filter((error) => error.split('\n')[0] !== 'Error: No active debugger session');
            // An error thrown inside the front end's own bundles is the front end's (Notebook 7 throws
            // "Cannot read properties of undefined (reading 'schema')" there); ours run from the page
            // itself (the outputs' scripts) or from /files/ (plotly.js).
            expect(ours.filter((error) => !/\/(static|extensions)\/[^\s]*\.js/.test(error.split('\n').slice(1).join('\n')))).toEqual([]);
          });
        },
        FRONT_END_TIMEOUT,
      );
    }

    // With plotly's extension the page has plotly.js already (its renderer draws the first output, and the
    // live chart finds window.Plotly), so nothing is missing there to report; the Deno run would repeat JupyterLab's.
    if (selected.includes(PLOTLY_MISSING) && !frontEnd.plotlyExtension && !onDeno) {
      it(
        'says in the output, visibly, how to fix a plotly.js that cannot be loaded',
        async () => {
          const copy = join(dir, PLOTLY_MISSING);
          copyFileSync(join(root, 'test/notebooks/fixtures', PLOTLY_MISSING), copy);
          const { page, blocked } = await offlinePage(browser!);
          const url = new URL(`${server!.url}${frontEnd.notebookUrl(`test/.generated/${group}/${PLOTLY_MISSING}`)}`);
          url.searchParams.set('token', server!.token);
          await checkedPage(page, copy, server!, async () => {
            await page.goto(url.href);
            await waitForKernel(page, server!);
            await page.evaluate(() => window.jupyterapp!.commands.execute('notebook:run-all-cells'));
            await page.waitForFunction(
              () => window.jupyterapp!.shell.currentWidget!.node.querySelector('.leaky-relu-plot-note')?.textContent?.startsWith('The live chart'),
              null,
              { timeout: 120_000 },
            );
            const note = page.locator('.leaky-relu-plot-note');
            expect(await note.textContent()).toBe(
              'The live chart could not load plotly.js from /files/no-such-folder/plotly.min.js: start Jupyter at the folder whose ' +
                'node_modules holds plotly.js-dist-min (npm run lab does), or pass show(figure, { plotlyUrl }).',
            );
            expect(await note.isVisible()).toBe(true);
            expect(await countInNotebook(page, '.js-plotly-plot')).toBe(0);
            expect(blocked).toEqual([]);
          });
        },
        FRONT_END_TIMEOUT,
      );
    }
  });
}, [builtPackage]);
