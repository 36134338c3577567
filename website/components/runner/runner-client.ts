/// <reference lib="dom" />
// The page's side of the runner, loaded on the first Run: the sandboxed
// iframe of the runner page, and the runs sent to it. Nothing here runs the
// reader's code; it only shows what comes back, as data, and checks a
// figure as a notebook's is checked before drawing it.
import type { PlotlyFigure } from '../plotly/figure';
import { plotlyFigure } from '../../build/plotly-figure.mjs';
import type { OutputKind, RunMode, RunnerCommand, RunnerEvent } from './protocol';

/** What a run shows, in order. */
export type RunOutput = { readonly kind: OutputKind; readonly text: string } | { readonly kind: 'figure'; readonly figure: PlotlyFigure };

/** How a run ended: its code finished, threw, or the reader stopped it. */
export type RunEnd = 'done' | 'failed' | 'stopped';

export interface Runner {
  /** Runs code; `onOutput` gets each output as it comes. */
  run(code: string, mode: RunMode, onOutput: (output: RunOutput) => void): Promise<RunEnd>;
  /** Ends every run at once, a notebook's kernel included. */
  stop(): void;
}

interface Connection {
  readonly key: string;
  readonly runner: Promise<Runner>;
  readonly frame: HTMLIFrameElement;
}

const OUTPUT_KINDS: readonly OutputKind[] = ['stdout', 'stderr', 'error'];

let connection: Connection | undefined;
let nextId = 1;

/**
 * The runner of `key` (a notebook page's path, for its kernel; one key for
 * every guide page), its frame started at `runnerUrl` if need be. Another
 * key's frame is removed: a notebook's kernel lives as long as its page.
 */
export function connect(runnerUrl: string, key: string): Promise<Runner> {
  if (connection?.key === key && connection.frame.isConnected) return connection.runner;
  connection?.frame.remove();
  const frame = document.createElement('iframe');
  // allow-scripts alone: without allow-same-origin the frame's origin is opaque.
  frame.setAttribute('sandbox', 'allow-scripts');
  frame.title = 'Code runner';
  frame.hidden = true;
  frame.tabIndex = -1;
  frame.src = runnerUrl;
  frame.dataset.codeRunner = '';
  const runner = new Promise<Runner>((resolve) => {
    const pending = new Map<number, { onOutput: (output: RunOutput) => void; end: (end: RunEnd) => void }>();
    const post = (command: RunnerCommand): void => frame.contentWindow?.postMessage(command, '*');
    window.addEventListener('message', (message: MessageEvent<RunnerEvent>) => {
      if (message.source === null || message.source !== frame.contentWindow) return;
      const event = message.data;
      if (typeof event !== 'object' || event === null) return;
      if (event.type === 'ready') {
        resolve({
          run: (code, mode, onOutput) =>
            new Promise<RunEnd>((end) => {
              const id = nextId++;
              pending.set(id, { onOutput, end });
              post({ type: 'run', id, mode, code });
            }),
          // The runs end here at once; the frame ends their Workers.
          stop: () => {
            for (const run of pending.values()) run.end('stopped');
            pending.clear();
            post({ type: 'stop' });
          },
        });
      } else {
        const run = pending.get(event.id);
        if (!run) return;
        // The reader's code can post to the frame as the Worker does: every event is checked as hostile.
        if (event.type === 'output') run.onOutput({ kind: OUTPUT_KINDS.includes(event.kind) ? event.kind : 'stderr', text: String(event.text) });
        else if (event.type === 'figure') checkedFigure(event.figure).forEach(run.onOutput);
        else {
          pending.delete(event.id);
          run.end(event.ok ? 'done' : 'failed');
        }
      }
    });
  });
  document.body.append(frame);
  connection = { key, runner, frame };
  return runner;
}

/** A figure from the runner, checked as a notebook's figure is (website/build/plotly-figure.mjs), or the error that says why it is not drawn. */
function checkedFigure(value: unknown): RunOutput[] {
  try {
    const { figure, blocked } = plotlyFigure(value, 'the code run', '/figure');
    const notice: RunOutput[] = blocked.length === 0 ? [] : [{ kind: 'stderr', text: `The figure's images from ${blocked.join(', ')} were not loaded: the site contacts no other host.` }];
    // The checked figure is plain JSON with a data array and a layout object, as the site's charts take.
    return [...notice, { kind: 'figure', figure: figure as unknown as PlotlyFigure }];
  } catch (error) {
    return [{ kind: 'error', text: error instanceof Error ? error.message : String(error) }];
  }
}
