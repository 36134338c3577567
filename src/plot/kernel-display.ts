import { tslabDisplay } from './tslab-display.js';

/** A MIME bundle, keyed by MIME type, as a Jupyter `display_data` carries it. */
export type DisplayBundle = object;

/** Displays bundles from the running cell, each as one `display_data` output, in order. */
export type KernelDisplay = (bundles: readonly DisplayBundle[]) => void;

// How long a cell that displayed something is held, so that Deno's kernel sends the outputs before the cell's end.
const DENO_SEND_MS = 50;

interface DenoGlobal {
  Deno?: { jupyter?: { broadcast(type: 'display_data', content: { data: DisplayBundle; metadata: object; transient: object }): unknown } };
}

/**
 * Deno's kernel API for a message to the notebook, `Deno.jupyter.broadcast`,
 * inside `deno jupyter`; elsewhere Deno's `Deno.jupyter` getter throws.
 *
 * Not `Deno.jupyter.display(bundle, { raw: true })`, which sends the same
 * `display_data`: it awaits before it sends, so the messages of a cell that
 * ends with two displays (`show` after drawing its picture) arrived after the
 * cell's reply, or never. `broadcast` sends at once, in order with the cell's
 * printed lines, as tslab does.
 *
 * Deno's kernel sends these messages from a thread of its own, and can send
 * the cell's end (its `idle` status) first, after which a front end drops
 * them: measured here, the live chart of a cell's last `show` went missing
 * about one run in two. The cell is held for 50 ms after its last bundle (a
 * wait on the main thread, which the sending thread does not need), which
 * made it arrive every time.
 */
function denoDisplay(): KernelDisplay | undefined {
  let jupyter: NonNullable<DenoGlobal['Deno']>['jupyter'];
  try {
    jupyter = (globalThis as DenoGlobal).Deno?.jupyter;
  } catch {
    return undefined;
  }
  if (typeof jupyter?.broadcast !== 'function') return undefined;
  const api = jupyter;
  return (bundles) => {
    for (const bundle of bundles) void api.broadcast('display_data', { data: bundle, metadata: {}, transient: {} });
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, DENO_SEND_MS);
  };
}

/**
 * How the Jupyter kernel running this code displays, looked up at each call:
 * Deno's (`deno jupyter`) or tslab's; `undefined` outside a notebook.
 */
export function kernelDisplay(): KernelDisplay | undefined {
  const tslab = tslabDisplay();
  return denoDisplay() ?? (tslab && ((bundles) => bundles.forEach(tslab)));
}
