import { ownOptions } from '../base/options.js';
import { describeValue } from '../base/describe-value.js';
import type { Figure } from './figure.js';
import { mimeBundle, type MimeBundleOptions } from './mime-bundle.js';
import { staticPicture } from './static-picture.js';
import { kernelDisplay, type DisplayBundle } from './kernel-display.js';
import { tslabDisplay } from './tslab-display.js';

/** The options of {@link show}. */
export interface ShowOptions {
  /** Where the live chart loads plotly.js from: see {@link MimeBundleOptions.plotlyUrl}. */
  plotlyUrl?: string;
  /** Draw the static picture with headless Chromium ({@link staticPicture}). Default `true`. */
  picture?: boolean;
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
 * Displays a figure in a Jupyter notebook, on Deno's kernel (`deno jupyter`)
 * or on tslab, as two `display_data` outputs (see {@link mimeBundle}): a
 * static picture of the figure, drawn with plotly.js in headless Chromium,
 * which every front end shows, trusted or not; then the live chart, which
 * replaces the picture where the notebook's scripts run.
 *
 * Deno's kernel gets them through `Deno.jupyter.broadcast`; tslab, which has
 * no public call for a bundle of several MIME types, through the display
 * writer of its kernel module. Without Chromium (or
 * playwright-core) the first output holds the figure's one-line summary
 * instead of a picture. Outside a notebook there is nowhere to display, and
 * `show` says so; use {@link toHtml} to write a page instead.
 *
 * @param figure - A Plotly figure `{ data, layout }`, such as `leakyReluFigure()` returns.
 * @param options - `plotlyUrl`: where the live chart loads plotly.js from
 *   (default: the installed `plotly.js-dist-min`, through Jupyter's `/files/`
 *   route); `picture`: draw the static picture (default `true`).
 * @returns Nothing: the figure is sent to the notebook.
 * @throws {TypeError} when `figure` is not `{ data: [...], layout: {...} }`, `options` is not an object, an option is unknown, or an option has the wrong type.
 * @throws {Error} when no Jupyter kernel (Deno's or tslab) is running this code.
 *
 * @example
 * ```ts
 * import { leakyReluFigure, show } from 'leaky-relu/plot';
 *
 * // In a notebook cell, this draws the chart. Here, outside a kernel, it explains:
 * show(leakyReluFigure()) //=> throws Error: show() displays a figure in a Jupyter notebook running Deno's kernel or tslab, and none is running here. Outside a notebook, write a page with toHtml(figure) and open it in a browser.
 * show('leaky' as never) //=> throws TypeError: figure must be a Plotly figure { data: [...], layout: {...} }, got "leaky" (string)
 * ```
 */
export function show(figure: Figure, options: ShowOptions = {}): void {
  const own = ownOptions(options, ['plotlyUrl', 'picture']);
  const checked: MimeBundleOptions = { plotlyUrl: own.plotlyUrl };
  mimeBundle(figure, checked);
  const wantsPicture = own.picture ?? true;
  if (typeof wantsPicture !== 'boolean') throw new TypeError(`options.picture must be a boolean, got ${describeValue(wantsPicture)}`);
  const display = kernelDisplay();
  if (display === undefined) {
    throw new Error(
      "show() displays a figure in a Jupyter notebook running Deno's kernel or tslab, and none is running here. " +
        'Outside a notebook, write a page with toHtml(figure) and open it in a browser.',
    );
  }
  const { picture, live } = mimeBundle(figure, { ...checked, picture: pictureOf(figure, wantsPicture) });
  display([picture, live]);
}

/** Jupyter's display protocol, as Deno's kernel reads it from a cell's value (and nteract's and VS Code's Deno support). */
const JUPYTER_DISPLAY = Symbol.for('Jupyter.display');
const INSPECT = Symbol.for('nodejs.util.inspect.custom');

/**
 * Makes a figure display itself when it is a notebook cell's value, as `fig`
 * does in Python's Plotly. Both hooks are non-enumerable symbol-keyed
 * methods, so `JSON.stringify`, `structuredClone`, `Object.keys`, equality and
 * Plotly see only the plain `{ data, layout }`.
 *
 * - `[Symbol.for('Jupyter.display')]()` returns the one bundle of what
 *   {@link show} sends in two outputs: the Plotly JSON, the static picture,
 *   the summary and the live HTML. Deno's kernel renders a cell's value with it.
 * - tslab prints a cell's last value with `console.log`, which asks Node's
 *   `util.inspect` for its text. Inside a tslab kernel the figure then calls
 *   {@link show}, and its own text is nothing (the empty line `console.log`
 *   ends with is held back); anywhere else, and nested inside another value,
 *   it prints as its plain `{ data, layout }`.
 */
export function displayable<T extends Figure>(figure: T): T {
  Object.defineProperties(figure, {
    [JUPYTER_DISPLAY]: {
      enumerable: false,
      value(this: Figure): DisplayBundle {
        const { picture, live } = mimeBundle(this, { picture: pictureOf(this, true) });
        return { ...picture, ...live };
      },
    },
    [INSPECT]: {
      enumerable: false,
      value(this: Figure, depth: number, options: { depth?: number | null }): unknown {
        const plain = { data: this.data, layout: this.layout };
        if (depth !== options.depth || tslabDisplay() === undefined) return plain;
        show(this);
        holdBackEmptyLine();
        return '';
      },
    },
  });
  return figure;
}

interface NodeGlobal {
  process?: { stdout?: { write: (chunk: unknown, ...rest: unknown[]) => boolean } };
}

/** Swallows the next write to stdout if it is the lone newline `console.log('')` writes; restores stdout either way. */
function holdBackEmptyLine(): void {
  const stdout = (globalThis as NodeGlobal).process?.stdout;
  if (stdout === undefined) return;
  const write = stdout.write;
  stdout.write = function (this: unknown, chunk: unknown, ...rest: unknown[]): boolean {
    stdout.write = write;
    return chunk === '\n' ? true : write.call(this, chunk, ...rest);
  };
}
