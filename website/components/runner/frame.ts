/// <reference lib="dom" />
// The runner frame's script. The frame is the site's runner page in an
// iframe sandboxed without allow-same-origin: an opaque origin, with no
// access to the site's DOM, cookies or storage. It relays the page's
// commands to a Worker, which runs the code, and the Worker's events back.
// A Worker of an opaque origin can only be started from a blob: URL, which
// loads the runner's bundle (named by this script's data-worker attribute).
import type { RunMode, RunnerCommand, RunnerEvent } from './protocol';

const workerBundle = new URL(document.currentScript?.dataset.worker ?? '', document.baseURI).href;
const workerSource = URL.createObjectURL(new Blob([`importScripts(${JSON.stringify(workerBundle)});`], { type: 'text/javascript' }));

// The page's only reader: its parent. The origin is '*' because this frame's own is opaque and the page's is not known here; nothing sent is secret.
const send = (event: RunnerEvent): void => window.parent.postMessage(event, '*');

/**
 * A Worker for each mode, started on its first run and kept for the next:
 * a notebook page's kernel, whose globals the cells share, and the guide's,
 * where each block runs in a function of its own, so no block sees
 * another's names. Stop ends both.
 */
const workers = new Map<RunMode, Worker>();
/** The last run sent to each Worker: an error the Worker reports outside a run (its bundle failed to load, say) ends that run. */
const lastRun = new Map<RunMode, number>();

function workerFor(mode: RunMode): Worker {
  let worker = workers.get(mode);
  if (worker) return worker;
  worker = new Worker(workerSource);
  worker.onmessage = (message: MessageEvent<RunnerEvent>) => {
    if (message.data.type !== 'ready') send(message.data);
  };
  worker.onerror = (error) => {
    error.preventDefault();
    const id = lastRun.get(mode);
    if (id === undefined) return;
    send({ type: 'output', id, kind: 'error', text: error.message || 'The runner failed to start.' });
    send({ type: 'done', id, ok: false });
  };
  workers.set(mode, worker);
  return worker;
}

window.addEventListener('message', (message: MessageEvent<RunnerCommand>) => {
  if (message.source !== window.parent) return;
  const command = message.data;
  if (command.type === 'stop') {
    for (const worker of workers.values()) worker.terminate();
    workers.clear();
  } else if (command.type === 'run') {
    const mode = command.mode === 'cell' ? 'cell' : 'snippet';
    lastRun.set(mode, command.id);
    workerFor(mode).postMessage({ type: 'run', id: command.id, mode, code: String(command.code) } satisfies RunnerCommand);
  }
});
send({ type: 'ready' });
