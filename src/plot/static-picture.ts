import { checkFigure, type Figure } from './figure.js';
import { RENDERER_SOURCE, type PictureReply, type PictureRequest, type RendererData, type RendererPort } from './picture-renderer.js';

/** The size a figure without `layout.width` or `layout.height` is drawn at: the spec's 1000×600. */
export const DEFAULT_PICTURE_SIZE = { width: 1000, height: 600 } as const;

// The most a static picture adds to a saved notebook, in base64 characters
// (the README's 60 KB). A picture over it at 256 colours is encoded again with
// half the colours, down to MIN_PICTURE_COLOURS: below that, a chart's
// anti-aliased edges turn jagged, so a picture is kept there even if larger.
const PICTURE_BUDGET = 60_000;
const MIN_PICTURE_COLOURS = 16;

// The widest a static picture is, in pixels: a wider figure is drawn at its
// layout, scaled down. JupyterLab's output area is 968 pixels wide at a
// 1400-pixel window, and plotly's extension shows a picture at its pixel size,
// so the spec's 1000-pixel figure would be cut there.
const MAX_PICTURE_WIDTH = 900;

interface NodeProcess {
  process?: { getBuiltinModule?: (id: string) => unknown; env?: Record<string, string | undefined> };
}

// The build has no Node types (the core must not need them), so the few used here are spelled out.
type NodeModuleApi = { createRequire(from: string): { (id: string): unknown; resolve(id: string): string } };
type NodeFsApi = { existsSync(path: string): boolean };
interface MessagePortLike {
  postMessage(message: PictureRequest): void;
}
interface WorkerLike {
  unref(): void;
  on(event: 'error' | 'exit', listener: (value: unknown) => void): void;
}
type WorkerThreadsApi = {
  Worker: new (source: string, options: { eval: true; workerData: RendererData; transferList: unknown[] }) => WorkerLike;
  MessageChannel: new () => { port1: MessagePortLike; port2: RendererPort };
  receiveMessageOnPort(port: MessagePortLike): { message: PictureReply } | undefined;
};

interface Renderer {
  readonly signal: Int32Array;
  readonly port: MessagePortLike;
  readonly api: WorkerThreadsApi;
  failure?: string;
}

let renderer: Renderer | undefined;

/** How long one picture may take: the first one launches Chromium and parses plotly.js, which is slow on a busy machine. */
const RENDER_TIMEOUT_MS = 300_000;

function builtin<T>(id: string): T {
  const getBuiltinModule = (globalThis as NodeProcess).process?.getBuiltinModule;
  if (getBuiltinModule === undefined) throw new Error('static pictures are drawn in Node 20.16 or later, and this is not Node');
  return getBuiltinModule(id) as T;
}

/** Where Chromium is: LEAKY_RELU_CHROMIUM, else Debian's chromium, else playwright's own download. */
function chromiumPath(resolvePlaywright: () => { chromium: { executablePath(): string } }): string {
  const { existsSync } = builtin<NodeFsApi>('node:fs');
  const configured = (globalThis as NodeProcess).process?.env?.LEAKY_RELU_CHROMIUM;
  if (configured) return configured;
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  const own = resolvePlaywright().chromium.executablePath();
  if (existsSync(own)) return own;
  throw new Error('no Chromium found: install it (Debian: apt-get install chromium), or set LEAKY_RELU_CHROMIUM to its path');
}

function startRenderer(): Renderer {
  const api = builtin<WorkerThreadsApi>('node:worker_threads');
  const { createRequire } = builtin<NodeModuleApi>('node:module');
  const require = createRequire((import.meta as { url: string }).url);
  const resolve = (id: string, install: string): string => {
    try {
      return require.resolve(id);
    } catch {
      throw new Error(`static pictures need ${id}, an optional peer dependency of leaky-relu, which is not installed: run npm install ${install}`);
    }
  };
  const playwright = resolve('playwright-core', 'playwright-core');
  const plotly = resolve('plotly.js-dist-min', 'plotly.js-dist-min');
  const executablePath = chromiumPath(() => require(playwright) as { chromium: { executablePath(): string } });
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new api.MessageChannel();
  const worker = new api.Worker(RENDERER_SOURCE, {
    eval: true,
    workerData: { signal, port: port2, playwright, plotly, executablePath, budget: PICTURE_BUDGET, minColours: MIN_PICTURE_COLOURS },
    transferList: [port2],
  });
  // The kernel, or a script, exits when its own work is done, whatever the renderer holds.
  worker.unref();
  const started: Renderer = { signal, port: port1, api };
  worker.on('error', (error) => (started.failure = `the picture renderer stopped: ${String(error)}`));
  worker.on('exit', () => (started.failure ??= 'the picture renderer stopped'));
  return started;
}

/**
 * A static picture of a figure: a PNG, drawn by plotly.js itself in headless
 * Chromium (driven by playwright-core), as Plotly's own static export does
 * in a headless browser. It is what a notebook shows before any script runs,
 * and what the documentation site shows before plotly.js loads.
 *
 * The call is synchronous, so that `show` can put the picture in the output
 * of the cell that draws it: a worker thread keeps one Chromium page with
 * plotly.js loaded, and this thread waits for its answer. The first picture
 * starts Chromium (a few seconds); the next take a fraction of a second. The
 * same figure gives the same bytes with the same Chromium and fonts.
 *
 * The PNG is indexed, at most 256 colours. A picture whose base64 would pass
 * 60,000 bytes (translucent curves blend into thousands of colours) is
 * encoded with 128, then 64, down to 16 colours, until it fits.
 *
 * @param figure - A Plotly figure `{ data, layout }`, such as `leakyReluFigure()` returns.
 * @returns The PNG, base64-encoded (as `image/png` is stored in a notebook):
 *   `layout.width` × `layout.height` pixels (default 1000×600), scaled down
 *   to 900 pixels wide when wider (the spec's figure: 900×540); at most
 *   60,000 characters unless even 16 colours take more.
 * @throws {TypeError} when `figure` is not `{ data: [...], layout: {...} }`.
 * @throws {Error} when playwright-core, plotly.js-dist-min or Chromium is
 *   missing (the message says what to install), or Chromium fails.
 *
 * @example
 * ```ts
 * import { staticPicture } from 'leaky-relu/plot';
 *
 * // staticPicture(leakyReluFigure()) is a base64 PNG, 'iVBORw0KGgo…', 14 KB
 * // (test/plot/static-picture.test.ts draws it; Chromium's first start is too slow for an example).
 * staticPicture([] as never) //=> throws TypeError: figure must be a Plotly figure { data: [...], layout: {...} }, got Array(0)
 * ```
 */
export function staticPicture(figure: Figure): string {
  checkFigure(figure);
  renderer ??= startRenderer();
  const current = renderer;
  if (current.failure !== undefined) {
    renderer = undefined;
    throw new Error(current.failure);
  }
  const width = figure.layout.width ?? DEFAULT_PICTURE_SIZE.width;
  const height = figure.layout.height ?? DEFAULT_PICTURE_SIZE.height;
  const scale = Math.min(1, MAX_PICTURE_WIDTH / width);
  const [pixelWidth, pixelHeight] = [Math.round(width * scale), Math.round(height * scale)];
  Atomics.store(current.signal, 0, 0);
  current.port.postMessage({ figure: { data: figure.data, layout: figure.layout }, width, height, scale, pixelWidth, pixelHeight });
  if (Atomics.wait(current.signal, 0, 0, RENDER_TIMEOUT_MS) === 'timed-out') {
    throw new Error(`the static picture took more than ${RENDER_TIMEOUT_MS / 1000} s to draw`);
  }
  const reply = current.api.receiveMessageOnPort(current.port)?.message;
  if (reply?.png === undefined) throw new Error(`the static picture could not be drawn: ${reply?.error ?? 'no answer'}`);
  return reply.png;
}
