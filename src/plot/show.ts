import type { Figure } from './figure.js';
import { mimeBundle, type MimeBundle, type MimeBundleOptions } from './mime-bundle.js';

/** The options of {@link show}. */
export type ShowOptions = MimeBundleOptions;

/** The `display_data` content tslab's kernel sends: its internal `writeDisplayData` takes this. */
interface DisplayContent {
  data: MimeBundle;
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

/**
 * Displays a figure in a Jupyter notebook running the tslab kernel, as one
 * `display_data` whose MIME bundle has the figure for Plotly renderers
 * (`application/vnd.plotly.v1+json`), an HTML fallback that draws it with
 * plotly.js, loaded once per page without a CDN (`text/html`), and a one-line
 * summary (`text/plain`): see {@link mimeBundle}.
 *
 * Outside a tslab kernel there is nowhere to display, and `show` says so; use
 * {@link toHtml} to write a page instead.
 *
 * @param figure - A Plotly figure `{ data, layout }`, such as `leakyReluFigure()` returns.
 * @param options - `plotlyUrl`: where the HTML output loads plotly.js from
 *   (default: the installed `plotly.js-dist-min`, through Jupyter's `/files/` route).
 * @returns Nothing: the figure is sent to the notebook.
 * @throws {TypeError} when `figure` is not `{ data: [...], layout: {...} }`, `options` is not an object, an option is unknown, or `plotlyUrl` is not a string.
 * @throws {Error} when no tslab kernel is running this code.
 *
 * @example
 * ```ts
 * import { leakyReluFigure, show } from 'leaky-relu/plot';
 *
 * // In a notebook cell, this draws the chart. Here, outside a kernel, it explains:
 * show(leakyReluFigure()) //=> throws Error: show() displays a figure in a Jupyter notebook running the tslab kernel, and none is running here. Outside a notebook, write a page with toHtml(figure) and open it in a browser.
 * ```
 */
export function show(figure: Figure, options: ShowOptions = {}): void {
  const bundle = mimeBundle(figure, options);
  const write = kernelDisplayWriter();
  if (write === undefined) {
    throw new Error(
      'show() displays a figure in a Jupyter notebook running the tslab kernel, and none is running here. ' +
        'Outside a notebook, write a page with toHtml(figure) and open it in a browser.',
    );
  }
  write({ data: bundle, metadata: {}, transient: {} }, false);
}
