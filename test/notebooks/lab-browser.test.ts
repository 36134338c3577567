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
  registerKernel,
  startJupyterServer,
  stopJupyterServer,
  venvJupyter,
  type JupyterServer,
} from '../support/jupyter.js';
import { root } from '../support/snippets.js';

/** Opening, Run All (with the static pictures drawn in the kernel) and Save of one notebook, on two busy cores. */
const FRONT_END_TIMEOUT = 600_000;

// The spec's notebook, in every front end. Notebooks 02 to 04 do not pass here yet (JupyterLab counts one
// picture more than the notebook has figures, and Notebook 7's completion answers nothing in 02): that is
// open work. notebooks.test.ts executes all four and compares their outputs.
const committed = ['01-leaky-relu.ipynb'];

/** How many figures a notebook file shows: its outputs with the plotly mimetype. */
const figureCount = (path: string): number =>
  cellOutputs(path)
    .flat()
    .filter((output) => output.data?.['application/vnd.plotly.v1+json'] !== undefined).length;

interface FrontEnd {
  readonly name: string;
  readonly command: string;
  readonly app: 'LabApp' | 'JupyterNotebookApp';
  readonly notebookUrl: (path: string) => string;
  readonly plotlyExtension: boolean;
}

const FRONT_ENDS: FrontEnd[] = [
  { name: 'JupyterLab 4.6', command: 'lab', app: 'LabApp', notebookUrl: (path) => `/lab/tree/${path}`, plotlyExtension: false },
  { name: 'Notebook 7.6', command: 'notebook', app: 'JupyterNotebookApp', notebookUrl: (path) => `/notebooks/${path}`, plotlyExtension: false },
  { name: 'JupyterLab 4.6 with plotly’s extension', command: 'lab', app: 'LabApp', notebookUrl: (path) => `/lab/tree/${path}`, plotlyExtension: true },
];

/** The parts of the JupyterLab application (JupyterLab and Notebook 7) the test calls; exposed with expose_app_in_browser. */
interface NotebookPanelLike {
  context: { path: string; model: { dirty: boolean } };
  sessionContext: { session?: { kernel?: KernelLike | null } | null; isReady: boolean };
  content: { widgets: { model: { type: string; executionCount?: number | null } }[] };
}
interface KernelLike {
  status: string;
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

/** Every static picture on the page: its drawn size, its pixel size, whether it shows, and how much of it is not background. */
function pictures(page: Page): Promise<{ width: number; naturalWidth: number; visible: boolean; inked: number }[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLImageElement>('.jp-RenderedImage img, img.plot-img')].map((image) => {
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
      return { width: box.width, naturalWidth: image.naturalWidth, visible: box.width > 0 && box.height > 0, inked: inked / (pixels.length / 4) };
    }),
  );
}

/** The panel of the open notebook, once its kernel is ready. */
async function waitForKernel(page: Page, server: JupyterServer): Promise<void> {
  await page
    .waitForFunction(() => window.jupyterapp?.shell.currentWidget?.sessionContext?.session?.kernel?.status === 'idle', null, {
      timeout: 180_000,
    })
    .catch((error: unknown) => {
      throw new Error(`the kernel did not start: ${String(error)}\n--- server log\n${server.log().slice(-4000)}`);
    });
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

  describe.each(FRONT_ENDS)('$name', (frontEnd) => {
    let server: JupyterServer | undefined;
    const group = `front-end-${frontEnd.command}${frontEnd.plotlyExtension ? '-plotly' : ''}`;
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
          // The workspace would otherwise reopen the previous test's notebooks.
          `--${frontEnd.app}.workspaces_dir=${join(dir, 'workspaces')}`,
          // Every cell laid out: Lab's default windowing skips the layout of cells off screen, so
          // their pictures would measure 0 pixels until scrolled to, which is not what is tested here.
          `--${frontEnd.app}.user_settings_dir=${settingsDir}`,
        ],
        (_configDir, env) => {
          if (frontEnd.plotlyExtension) return;
          // Per server: the user's and the venv's configuration stay as they are.
          const disabled = spawnSync(venvJupyter, ['labextension', 'disable', '--level=user', 'jupyterlab-plotly'], { env, encoding: 'utf8' });
          if (disabled.status !== 0) throw new Error(`jupyter labextension disable failed:\n${disabled.stderr}`);
        },
      );
    }, FRONT_END_TIMEOUT);

    afterAll(async () => {
      if (server) await stopJupyterServer(server);
    }, FRONT_END_TIMEOUT);

    it.each(committed)(
      '%s: pictures on open, untrusted; Run All draws every chart live, with no error; Save writes the committed file; completion',
      async (name) => {
        const copy = join(dir, name);
        copyFileSync(join(root, 'notebooks', name), copy);
        const figures = figureCount(copy);
        const { page, blocked, errors } = await offlinePage(browser!);
        await page.goto(`${server!.url}${frontEnd.notebookUrl(`test/.generated/${group}/${name}`)}?token=${server!.token}`);
        await waitForKernel(page, server!);

        // Untrusted: every figure's static picture shows, at its width or the output area's, and is not blank.
        await page.waitForFunction((count) => document.querySelectorAll('.jp-RenderedImage img, img.plot-img').length >= count, figures, {
          timeout: 60_000,
        });
        const opened = await pictures(page);
        expect(opened).toHaveLength(figures);
        for (const picture of opened) {
          // Drawn at the figure's own width (1000 pixels for the spec's figure, 900 for some of 03's).
          expect(picture.visible).toBe(true);
          expect(picture.naturalWidth).toBeGreaterThanOrEqual(600);
          expect(picture.width).toBeGreaterThan(500);
          expect(picture.width).toBeLessThanOrEqual(1000);
          expect(picture.inked).toBeGreaterThan(0.01);
        }
        expect(await page.locator('.js-plotly-plot').count()).toBe(0);

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
        await page.waitForFunction((count) => document.querySelectorAll('.js-plotly-plot .main-svg').length >= count, figures, {
          timeout: 120_000,
        });
        const charts = await page.evaluate(() =>
          [...document.querySelectorAll('.js-plotly-plot')].map((chart) => {
            const output = chart.closest('.jp-OutputArea-output')!.getBoundingClientRect();
            const box = chart.getBoundingClientRect();
            return { width: box.width, height: box.height, areaWidth: output.width };
          }),
        );
        expect(charts).toHaveLength(figures);
        for (const chart of charts) {
          // No horizontal clipping: the chart fits its output area.
          expect(chart.width).toBeLessThanOrEqual(chart.areaWidth);
          expect(chart.width).toBeGreaterThan(500);
        }
        expect((await pictures(page)).filter((picture) => picture.visible)).toEqual([]);
        const errorText = await page.evaluate(() => [...document.querySelectorAll('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')].length);
        const expectedErrors = cellOutputs(copy)
          .flat()
          .filter((output) => output.output_type === 'stream' && output.name === 'stderr').length;
        expect(errorText).toBe(expectedErrors);

        // Completion, from the kernel the notebook runs on.
        const matches = await page.evaluate(async () => {
          const kernel = window.jupyterapp!.shell.currentWidget!.sessionContext.session!.kernel!;
          const reply = await kernel.requestComplete({ code: 'leakyRe', cursor_pos: 7 });
          return reply.content.matches;
        });
        expect(matches).toContain('leakyRelu');

        // Save: the file JupyterLab writes is the committed one, byte for byte.
        await page.evaluate(() => window.jupyterapp!.commands.execute('docmanager:save'));
        await page.waitForFunction(() => !window.jupyterapp!.shell.currentWidget!.context.model.dirty, null, { timeout: 60_000 });
        expect(readFileSync(copy, 'utf8')).toBe(readFileSync(join(root, 'notebooks', name), 'utf8'));

        expect(blocked).toEqual([]);
        // JupyterLab's debugger rejects with this once per executed cell when it meets tslab's kernel
        // info (tslab announces no debugger): it comes from JupyterLab, not from our code.
        const ours = errors.filter((error) => error.split('\n')[0] !== 'Error: No active debugger session');
        // An error thrown inside the front end's own bundles is the front end's (Notebook 7 throws
        // "Cannot read properties of undefined (reading 'schema')" there); ours run from the page
        // itself (the outputs' scripts) or from /files/ (plotly.js).
        expect(ours.filter((error) => !/\/(static|extensions)\/[^\s]*\.js/.test(error.split('\n').slice(1).join('\n')))).toEqual([]);
        await page.close();
      },
      FRONT_END_TIMEOUT,
    );
  });
}, [builtPackage]);
