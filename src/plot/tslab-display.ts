/**
 * The one place that reaches into tslab's internals. tslab 1.0.22 has no
 * display protocol: a cell's last value is printed with `console.log`, and its
 * public `display` sends one MIME type per call. A figure's bundle (picture,
 * Plotly JSON and summary in one output) therefore goes through the writer
 * its kernel module keeps for the running cell, `lastWriteDisplayData` in
 * tslab's `src/jupyter.ts`, the one its own `display` calls.
 * `test/plot/tslab-display.test.ts` loads the installed tslab and fails the
 * day that module stops exporting the writer or changes what it sends.
 */

/** The `display_data` content tslab's `writeDisplayData` takes. */
export interface TslabDisplayContent {
  data: object;
  metadata: Record<string, never>;
  transient: Record<string, never>;
}

type WriteDisplayData = (content: TslabDisplayContent, update: boolean) => void;

/**
 * What tslab puts on `globalThis` for compiled cells: the cell's `require`,
 * whose `cache` is Node's module cache, where the kernel's own modules are.
 */
interface TslabGlobal {
  __tslab__?: { require?: { cache?: Record<string, { exports?: { lastWriteDisplayData?: unknown } } | undefined> } };
}

/** tslab's kernel module, as Node's module cache names it. */
export const TSLAB_KERNEL_MODULE = /[\\/]tslab[\\/]dist[\\/]jupyter\.js$/;

/**
 * Displays one MIME bundle as a `display_data` output of the running tslab
 * cell, or returns `undefined` outside a tslab kernel (and between cells).
 *
 * The writer is looked up at each call, because tslab replaces it for every
 * cell. Importing `tslab` instead would load a second copy whose writer is
 * never set ("Not ready", https://github.com/yunabe/tslab/issues/105).
 */
export function tslabDisplay(): ((bundle: object) => void) | undefined {
  const cache = (globalThis as TslabGlobal).__tslab__?.require?.cache;
  if (cache === undefined) return undefined;
  for (const [filename, module] of Object.entries(cache)) {
    const writer = module?.exports?.lastWriteDisplayData;
    if (TSLAB_KERNEL_MODULE.test(filename) && typeof writer === 'function') {
      const write = writer as WriteDisplayData;
      return (bundle) => write({ data: bundle, metadata: {}, transient: {} }, false);
    }
  }
  return undefined;
}
