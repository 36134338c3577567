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

/** The kernel: one Worker for a notebook page's cells, whose globals persist between runs. */
let kernel: Worker | undefined;
/** The Workers of guide blocks: a fresh one for each run, so no block sees another's names. */
const snippets = new Set<Worker>();

function startWorker(mode: RunMode): Worker {
  const worker = new Worker(workerSource);
  worker.onmessage = (message: MessageEvent<RunnerEvent>) => {
    const event = message.data;
    if (event.type === 'ready') return;
    send(event);
    if (mode === 'snippet' && event.type === 'done') {
      worker.terminate();
      snippets.delete(worker);
    }
  };
  return worker;
}

window.addEventListener('message', (message: MessageEvent<RunnerCommand>) => {
  if (message.source !== window.parent) return;
  const command = message.data;
  if (command.type === 'stop') {
    kernel?.terminate();
    kernel = undefined;
    for (const worker of snippets) worker.terminate();
    snippets.clear();
  } else if (command.type === 'run') {
    let worker: Worker;
    if (command.mode === 'cell') worker = kernel ??= startWorker('cell');
    else snippets.add((worker = startWorker('snippet')));
    worker.postMessage({ type: 'run', id: command.id, mode: command.mode, code: String(command.code) } satisfies RunnerCommand);
  }
});
send({ type: 'ready' });
