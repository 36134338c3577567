/**
 * The source of a thread pool's worker, as text: a Node worker evaluates it
 * and a browser loads it from a Blob URL, so the package ships no separate
 * file to resolve. The worker instantiates the shared-memory kernel module on
 * the pool's memory, then waits on its slot of the control words for a job,
 * runs it, and signals it done, until it is told to stop.
 *
 * A slot is SLOT_WORDS Int32 words: the job's sequence number (bumped to post
 * one), the kernel's index in KERNEL_ORDER (-1 stops the worker), three byte
 * offsets, the length, the last sequence number done, an error flag, the
 * claim; then the slope, a float64 at word 8.
 *
 * The claim makes a late worker harmless: the poster stores the job's
 * sequence number there, and whoever swaps it for its negation first runs
 * the job. The worker does when it wakes; the calling thread does when it has
 * finished its own part and the worker has not started (on a busy machine it
 * may not have been scheduled yet), so an op never waits on a sleeping thread.
 */

/** Int32 words per worker slot in the control buffer (a multiple of 16, so slots sit on their own cache lines). */
export const SLOT_WORDS = 16;

/** The kernels by index, as slots name them. The binary ones (the backward) take three offsets. */
export const KERNEL_ORDER = ['forwardF32', 'derivativeF32', 'backwardF32', 'forwardF64', 'derivativeF64', 'backwardF64'] as const;

/**
 * How long a thread spins, checking a slot, before it sleeps on it: the
 * worker after each job, waiting for the next; the caller after its own part,
 * waiting for the worker's. Waking a sleeping thread costs tens of
 * microseconds, as much as a 100,000-element op, and ops usually come in
 * runs, so a short spin (as OpenMP's threads do) keeps that cost off all but
 * the first op of a run.
 */
export const SPIN_MILLISECONDS = 0.2;

/** The word of a slot each field lives at. */
export const SLOT = { sequence: 0, kernel: 1, offsets: 2, length: 5, done: 6, failed: 7, claim: 8, slope: 10 } as const;

const body = `
function serve(data, port) {
  const exports = new WebAssembly.Instance(data.module, { env: { memory: data.memory } }).exports;
  const kernels = ${JSON.stringify(KERNEL_ORDER)}.map((name) => exports[name]);
  const words = new Int32Array(data.control);
  const slopes = new Float64Array(data.control);
  const base = data.index * ${SLOT_WORDS};
  let seen = Atomics.load(words, base + ${SLOT.sequence});
  port.postMessage('ready');
  for (;;) {
    const until = performance.now() + ${SPIN_MILLISECONDS};
    while (Atomics.load(words, base + ${SLOT.sequence}) === seen && performance.now() < until);
    Atomics.wait(words, base + ${SLOT.sequence}, seen);
    seen = Atomics.load(words, base + ${SLOT.sequence});
    if (Atomics.compareExchange(words, base + ${SLOT.claim}, seen, -seen) !== seen) continue;
    const kernel = words[base + ${SLOT.kernel}];
    if (kernel < 0) break;
    const offsets = base + ${SLOT.offsets};
    const length = words[base + ${SLOT.length}];
    const slope = slopes[(base + ${SLOT.slope}) / 2];
    try {
      if (kernel % 3 === 2) kernels[kernel](words[offsets], words[offsets + 1], words[offsets + 2], length, slope);
      else kernels[kernel](words[offsets], words[offsets + 1], length, slope);
    } catch {
      words[base + ${SLOT.failed}] = 1;
    }
    Atomics.store(words, base + ${SLOT.done}, seen);
    Atomics.notify(words, base + ${SLOT.done});
  }
  port.postMessage('stopped');
}
`;

/** For a Node worker (`eval: true`), which gets its data as `workerData`. */
export const NODE_WORKER_SOURCE = `${body}
const { parentPort, workerData } = process.getBuiltinModule('node:worker_threads');
serve(workerData, parentPort);
`;

/** For a Web Worker, which gets its data in its first message. */
export const WEB_WORKER_SOURCE = `${body}
self.onmessage = (event) => { self.onmessage = null; serve(event.data, self); };
`;
