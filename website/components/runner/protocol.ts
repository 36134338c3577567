// The messages between a page, its runner frame (a sandboxed iframe with an
// opaque origin) and the frame's Worker, where the reader's code runs. All
// plain data: the page never receives code or markup from the runner.

/** How a block runs: a guide's block on its own, a notebook cell in the page's kernel, after the cells run before it. */
export type RunMode = 'snippet' | 'cell';

/** From the page to the frame, relayed to the Worker. */
export type RunnerCommand =
  | { readonly type: 'run'; readonly id: number; readonly mode: RunMode; readonly code: string }
  /** Ends every Worker at once (a runaway loop included); the next run starts a fresh one. */
  | { readonly type: 'stop' };

/** What a run prints: a line of `console.log` (`stdout`) or `console.error` (`stderr`), or the error that ended it. */
export type OutputKind = 'stdout' | 'stderr' | 'error';

/** From the Worker (through the frame) to the page. */
export type RunnerEvent =
  | { readonly type: 'ready' }
  | { readonly type: 'output'; readonly id: number; readonly kind: OutputKind; readonly text: string }
  /** A figure `show` was given, as the Plotly JSON a notebook output holds; the page checks it before drawing. */
  | { readonly type: 'figure'; readonly id: number; readonly figure: unknown }
  | { readonly type: 'done'; readonly id: number; readonly ok: boolean };
