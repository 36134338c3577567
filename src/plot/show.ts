import { checkOptionKeys } from '../base/options.js';
import { describeValue } from '../base/describe-value.js';
import type { Figure } from './figure.js';
import { mimeBundle, type MimeBundleOptions } from './mime-bundle.js';
import { staticPicture } from './static-picture.js';

/** The options of {@link show}. */
export interface ShowOptions {
  /** Where the live chart loads plotly.js from: see {@link MimeBundleOptions.plotlyUrl}. */
  plotlyUrl?: string;
  /** Draw the static picture with headless Chromium ({@link staticPicture}). Default `true`. */
  picture?: boolean;
}

/** The `display_data` content tslab's kernel sends: its internal `writeDisplayData` takes this. */
interface DisplayContent {
  data: object;
  metadata: Record<string, never>;
  transient: Record<string, never>;
}

type WriteDisplayData = (content: DisplayContent, update: boolean) => void;

/**
 * What tslab puts on `globalThis` for compiled cells: the cell's `require`,
 * whose `cache` is Node's module cache, where the kernel's own modules are.
 */
interface TslabGlobal {
  __tslab__?: { require?: { cache?: Record<string, { exports?: { lastWriteDisplayData?: unknown } } | undefined> } };
  process?: { stdout?: { write: (chunk: unknown, ...rest: unknown[]) => boolean } };
}

const KERNEL_MODULE = /[\\/]tslab[\\/]dist[\\/]jupyter\.js$/;

/**
 * The running tslab kernel's display writer, or `undefined` outside a kernel.
 *
 * tslab's public `display` sends one MIME type per call, so a bundle needs the
 * writer its kernel module keeps for the running cell (`lastWriteDisplayData`
 * in tslab's `src/jupyter.ts`). It is looked up in the module cache, at each
 * call, because it changes with every cell. Importing `tslab` instead would
 * load a second copy whose writer is never set ("Not ready",
 * https://github.com/yunabe/tslab/issues/105).
 */
function kernelDisplayWriter(): WriteDisplayData | undefined {
  const cache = (globalThis as TslabGlobal).__tslab__?.require?.cache;
  if (cache === undefined) return undefined;
  for (const [filename, module] of Object.entries(cache)) {
    const writer = module?.exports?.lastWriteDisplayData;
    if (KERNEL_MODULE.test(filename) && typeof writer === 'function') return writer as WriteDisplayData;
  }
  return undefined;
}

/** The figure's static picture, or none when it cannot be drawn here (no Chromium): the output then shows the summary. */
function pictureOf(figure: Figure, wanted: boolean): string | undefined {
  if (!wanted) return undefined;
  try {
    return staticPicture(figure);
  } catch {
    return undefined;
  }
}

/**
 * Displays a figure in a Jupyter notebook running the tslab kernel, as two
 * `display_data` outputs (see {@link mimeBundle}): a static picture of the
 * figure, drawn with plotly.js in headless Chromium, which every front end
 * shows, trusted or not; then the live chart, which replaces the picture
 * where the notebook's scripts run.
 *
 * Without Chromium (or playwright-core) the first output holds the figure's
 * one-line summary instead of a picture. Outside a tslab kernel there is
 * nowhere to display, and `show` says so; use {@link toHtml} to write a page
 * instead.
 *
 * @param figure - A Plotly figure `{ data, layout }`, such as `leakyReluFigure()` returns.
 * @param options - `plotlyUrl`: where the live chart loads plotly.js from
 *   (default: the installed `plotly.js-dist-min`, through Jupyter's `/files/`
 *   route); `picture`: draw the static picture (default `true`).
 * @returns Nothing: the figure is sent to the notebook.
 * @throws {TypeError} when `figure` is not `{ data: [...], layout: {...} }`, `options` is not an object, an option is unknown, or an option has the wrong type.
 * @throws {Error} when no tslab kernel is running this code.
 *
 * @example
 * ```ts
 * import { leakyReluFigure, show } from 'leaky-relu/plot';
 *
 * // In a notebook cell, this draws the chart. Here, outside a kernel, it explains:
 * show(leakyReluFigure()) //=> throws Error: show() displays a figure in a Jupyter notebook running the tslab kernel, and none is running here. Outside a notebook, write a page with toHtml(figure) and open it in a browser.
 * show('leaky' as never) //=> throws TypeError: figure must be a Plotly figure { data: [...], layout: {...} }, got "leaky" (string)
 * ```
 */
export function show(figure: Figure, options: ShowOptions = {}): void {
  checkOptionKeys(options, ['plotlyUrl', 'picture']);
  const checked: MimeBundleOptions = { plotlyUrl: options.plotlyUrl };
  mimeBundle(figure, checked);
  const wantsPicture = options.picture ?? true;
  if (typeof wantsPicture !== 'boolean') throw new TypeError(`options.picture must be a boolean, got ${describeValue(wantsPicture)}`);
  const write = kernelDisplayWriter();
  if (write === undefined) {
    throw new Error(
      'show() displays a figure in a Jupyter notebook running the tslab kernel, and none is running here. ' +
        'Outside a notebook, write a page with toHtml(figure) and open it in a browser.',
    );
  }
  const { picture, live } = mimeBundle(figure, { ...checked, picture: pictureOf(figure, wantsPicture) });
  write({ data: picture, metadata: {}, transient: {} }, false);
  write({ data: live, metadata: {}, transient: {} }, false);
}

const INSPECT = Symbol.for('nodejs.util.inspect.custom');

/**
 * Makes a figure display itself when it is a notebook cell's value, as `fig`
 * does in Python's Plotly: tslab prints a cell's last expression with
 * `console.log`, which asks Node's `util.inspect` for the value's text. Inside
 * a tslab kernel the figure then calls {@link show}, and its own text is
 * nothing (the empty line `console.log` ends with is held back); anywhere
 * else, and nested inside another value, it prints as its plain
 * `{ data, layout }`. The hook is a non-enumerable symbol, so JSON and
 * equality never see it.
 */
export function displayable<T extends Figure>(figure: T): T {
  Object.defineProperty(figure, INSPECT, {
    enumerable: false,
    value(this: Figure, depth: number, options: { depth?: number | null }): unknown {
      const plain = { data: this.data, layout: this.layout };
      if (depth !== options.depth || kernelDisplayWriter() === undefined) return plain;
      show(this);
      holdBackEmptyLine();
      return '';
    },
  });
  return figure;
}

/** Swallows the next write to stdout if it is the lone newline `console.log('')` writes; restores stdout either way. */
function holdBackEmptyLine(): void {
  const stdout = (globalThis as TslabGlobal).process?.stdout;
  if (stdout === undefined) return;
  const write = stdout.write;
  stdout.write = function (this: unknown, chunk: unknown, ...rest: unknown[]): boolean {
    stdout.write = write;
    return chunk === '\n' ? true : write.call(this, chunk, ...rest);
  };
}
