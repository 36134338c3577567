/**
 * A thread pool for the WebAssembly kernel: buffers in a shared
 * `WebAssembly.Memory` that a few workers see too, so one op's elements are
 * split across threads. Opt-in: the default kernel memory stays unshared,
 * because copying a JS-heap array into a SharedArrayBuffer runs 3 to 4 times
 * slower (V8 copies shared memory word by word), and the single-threaded
 * paths depend on that copy.
 */
import { readOptions, type OptionRule } from '../base/options.js';
import { describeValue } from '../base/describe-value.js';
import { allocate, type KernelBuffer } from './kernel-buffer.js';
import { KERNEL_ORDER, NODE_WORKER_SOURCE, SLOT, SLOT_WORDS, SPIN_MILLISECONDS, WEB_WORKER_SOURCE } from './pool-worker.js';
import { simdSupported } from './select.js';
import { leakyReluSharedWasmBase64 } from './wasm-bytes.js';
import {
  callKernel,
  decodeBase64,
  kernelMemory,
  poolMemories,
  wasmApi,
  type KernelExports,
  type KernelName,
} from './wasm.js';

/**
 * Arrays shorter than this run on the calling thread alone: below it, handing
 * half to a worker costs more than it saves. `npm run bench` measures the
 * crossover on every run (docs/benchmarks.md): on 2 cores two threads pass
 * one at about 32,768 elements, and were ahead in every run from 49,152.
 */
export const PARALLEL_MIN_LENGTH = 49_152;

let parallelMinLength = PARALLEL_MIN_LENGTH;

/**
 * Makes a pool split ops from `length` elements on; `undefined` restores
 * {@link PARALLEL_MIN_LENGTH}. For the benchmark, which measures the
 * crossover: not part of the public API.
 */
export function forceParallelMinLength(length: number | undefined): void {
  parallelMinLength = length ?? PARALLEL_MIN_LENGTH;
}

/** Milliseconds from the runtime's monotonic clock, which Node and browsers both have; the build has no DOM or Node types to declare it. */
const now = (): number => (globalThis as unknown as { performance: { now(): number } }).performance.now();

/** The most threads a pool may have. */
export const MAX_THREADS = 64;

/** Options of {@link createPool}. */
export interface PoolOptions {
  /**
   * The threads that run an op: the caller's and `threads - 1` workers. An
   * integer from 1 to 64; default: the machine's logical CPUs.
   */
  readonly threads?: number;
}

/** A thread pool from {@link createPool}. */
export interface Pool {
  /** The threads that run an op on this pool's buffers: 1 where shared memory is unavailable. */
  readonly threads: number;
  /** Why the pool runs on one thread despite `threads`, or `undefined` when it has its workers. */
  readonly fallback: string | undefined;
  /** Whether `close()` was called. */
  readonly closed: boolean;
  /** Like {@link allocFloat32}, in the pool's memory: the ops split work on it across the pool's threads. */
  allocFloat32(length: number): KernelBuffer<Float32Array>;
  /** Like {@link allocFloat64}, in the pool's memory. */
  allocFloat64(length: number): KernelBuffer<Float64Array>;
  /**
   * Stops the workers; resolves once they have exited. The pool's buffers
   * keep working, on the calling thread. Calling it again does nothing.
   */
  close(): Promise<void>;
}

/** The parts of the runtimes' worker APIs used here, declared, since the library compiles against neither. */
interface NodeWorker {
  once(event: 'message' | 'error' | 'exit', listener: (value: unknown) => void): void;
  unref(): void;
  terminate(): Promise<number>;
}
interface NodeWorkerThreads {
  Worker: new (source: string, options: { eval: true; workerData: unknown }) => NodeWorker;
}
interface WebWorker {
  onmessage: ((event: { data: unknown }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  postMessage(message: unknown): void;
  terminate(): void;
}
interface PoolRuntime {
  readonly globals: {
    process?: { getBuiltinModule?: (name: string) => unknown };
    Worker?: new (url: string) => WebWorker;
    Blob?: new (parts: string[], options: { type: string }) => object;
    URL?: { createObjectURL(blob: object): string; revokeObjectURL(url: string): void };
    crossOriginIsolated?: boolean;
    navigator?: { hardwareConcurrency?: number };
  };
}

const globals = globalThis as PoolRuntime['globals'];

function nodeWorkerThreads(): NodeWorkerThreads | undefined {
  try {
    return globals.process?.getBuiltinModule?.('node:worker_threads') as NodeWorkerThreads | undefined;
  } catch {
    return undefined;
  }
}

/** The machine's logical CPUs, or 1 where the runtime does not say. */
function logicalCpus(): number {
  const os = globals.process?.getBuiltinModule?.('node:os') as { availableParallelism?: () => number } | undefined;
  return os?.availableParallelism?.() ?? globals.navigator?.hardwareConcurrency ?? 1;
}

/** A started worker: how to stop it, and a promise that it is ready. */
interface StartedWorker {
  readonly ready: Promise<void>;
  readonly stop: () => Promise<void>;
}

/** Starts a worker on `data` (the module, the memory, the control words and its slot), Node's or the browser's. */
function startWorker(data: object): StartedWorker {
  const threads = nodeWorkerThreads();
  if (threads) {
    const worker = new threads.Worker(NODE_WORKER_SOURCE, { eval: true, workerData: data });
    // An open pool does not keep the process alive: its workers only wait.
    worker.unref();
    // `once`: a lasting 'message' listener would ref the worker's port again.
    const ready = new Promise<void>((resolve, reject) => {
      worker.once('message', () => resolve());
      worker.once('error', reject);
      worker.once('exit', () => reject(new Error('a pool worker exited before it was ready')));
    });
    return { ready, stop: async () => void (await worker.terminate()) };
  }
  const { Worker, Blob, URL } = globals;
  const url = URL!.createObjectURL(new Blob!([WEB_WORKER_SOURCE], { type: 'text/javascript' }));
  const worker = new Worker!(url);
  const ready = new Promise<void>((resolve, reject) => {
    worker.onmessage = ({ data: message }) => message === 'ready' && resolve();
    worker.onerror = reject;
  });
  worker.postMessage(data);
  void ready.finally(() => URL!.revokeObjectURL(url)).catch(() => {});
  return {
    ready,
    stop: async () => {
      worker.terminate();
    },
  };
}

/** Why shared memory or workers are unavailable here, or `undefined` when a pool can have workers. */
export function poolUnavailableReason(): string | undefined {
  if (!simdSupported()) return 'WebAssembly SIMD is not supported here';
  if (typeof SharedArrayBuffer !== 'function' || typeof Atomics !== 'object') {
    return 'SharedArrayBuffer is not available here (a browser page needs cross-origin isolation)';
  }
  if (globals.crossOriginIsolated === false) return 'the page is not cross-origin isolated, so memory cannot be shared';
  if (!nodeWorkerThreads() && !(globals.Worker && globals.Blob && globals.URL)) return 'this runtime has no workers';
  try {
    if (!wasmApi()!.validate(decodeBase64(leakyReluSharedWasmBase64))) return 'WebAssembly threads are not supported here';
  } catch {
    return 'WebAssembly threads are not supported here';
  }
  return undefined;
}

/** Whether this thread may block in Atomics.wait: a browser's main thread may not, and spins instead. */
function mayBlock(): boolean {
  try {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 1, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * The pool that is open, or the promise of one being opened: set as soon as
 * `createPool` accepts a call, so a second call made before the first one's
 * workers are ready is refused too.
 */
let openPool: Pool | Promise<Pool> | undefined;

const checkThreads: OptionRule<number> = (value, name) => {
  if (typeof value !== 'number') throw new TypeError(`${name} must be a number, got ${describeValue(value)}`);
  if (!Number.isInteger(value) || value < 1 || value > MAX_THREADS) {
    throw new RangeError(`${name} must be an integer from 1 to ${MAX_THREADS}, got ${describeValue(value)}`);
  }
  return value;
};

/**
 * Creates a pool of threads for the WebAssembly kernel. Buffers from
 * `pool.allocFloat32` and `pool.allocFloat64` live in a shared memory; an op
 * whose arrays all live there, and that has at least 49,152 elements, is
 * split across the threads: the caller's and `threads - 1` workers (Node's
 * `worker_threads`, or Web Workers in a cross-origin-isolated page). Results
 * are bit for bit those of one thread. Where shared memory or workers are
 * missing, the pool runs on the calling thread and `pool.fallback` says why.
 * Close it with `pool.close()`; an open pool does not keep a Node process
 * alive. One pool may be open at a time: from the call that opens it, before
 * its promise resolves, until its `close()` is called.
 *
 * Like every export, it checks its arguments where it is called: a bad
 * argument, or a call while another pool is open or opening, throws there and
 * returns no promise. The promise rejects only when a worker fails to start.
 *
 * @param options - `threads`: the threads that run an op, 1 to 64 (default: the logical CPUs).
 * @returns A promise of the pool, resolved once its workers are ready.
 * @throws {TypeError} when `options` is not an object, or `threads` is not a number.
 * @throws {RangeError} when `threads` is not an integer from 1 to 64.
 * @throws {Error} when another pool is open, or still opening: `a pool is already open: close it first`.
 *
 * @example
 * ```ts
 * import { createPool, leakyRelu } from 'leaky-relu';
 *
 * const pool = await createPool({ threads: 2 });
 * const x = pool.allocFloat32(4);
 * x.array.set([-2, -1, 0, 3]);
 * leakyRelu(x.array, 0.5, { out: x.array }) //=> Float32Array(4) [ -1, -0.5, 0, 3 ]
 * createPool() //=> throws Error: a pool is already open: close it first
 * x.free();
 * await pool.close();
 * pool.closed //=> true
 * ```
 */
export function createPool(options?: PoolOptions): Promise<Pool> {
  const given = readOptions(options, { threads: checkThreads });
  const threads = given.threads ?? Math.min(MAX_THREADS, Math.max(1, logicalCpus()));
  if (openPool instanceof Promise) throw new Error('a pool is still opening: await it, and close it first');
  if (openPool) throw new Error('a pool is already open: close it first');
  const opening = openThreads(threads);
  openPool = opening;
  // Registered before the caller can await the promise, so the pool is recorded before anyone can close it;
  // one whose workers failed to start never opened, and the next call may try again.
  opening.then(
    (pool) => {
      if (openPool === opening) openPool = pool;
    },
    () => {
      if (openPool === opening) openPool = undefined;
    },
  );
  return opening;
}

async function openThreads(threads: number): Promise<Pool> {
  const fallback = threads > 1 ? poolUnavailableReason() : undefined;
  return fallback === undefined && threads > 1 ? await threadedPool(threads) : singleThreadedPool(fallback);
}

/** A pool without workers: its buffers are the default kernel memory's. */
function singleThreadedPool(fallback: string | undefined): Pool {
  let closed = false;
  const pool: Pool = {
    threads: 1,
    fallback,
    get closed() {
      return closed;
    },
    allocFloat32: (length) => allocate(Float32Array, length, 'pool.allocFloat32'),
    allocFloat64: (length) => allocate(Float64Array, length, 'pool.allocFloat64'),
    close: async () => {
      if (closed) return;
      closed = true;
      if (openPool === pool) openPool = undefined;
    },
  };
  return pool;
}

async function threadedPool(threads: number): Promise<Pool> {
  const api = wasmApi()!;
  const memory = new api.Memory({ initial: 1, maximum: 65535, shared: true });
  const module = new api.Module(decodeBase64(leakyReluSharedWasmBase64));
  const exports = new api.Instance(module, { env: { memory } }).exports as KernelExports;
  const home = kernelMemory(exports, 0);
  const control = new SharedArrayBuffer(SLOT_WORDS * 4 * (threads - 1));
  const words = new Int32Array(control);
  const slopes = new Float64Array(control);
  const workers = Array.from({ length: threads - 1 }, (_, index) => startWorker({ module, memory, control, index }));
  try {
    await Promise.all(workers.map(({ ready }) => ready));
  } catch (error) {
    await Promise.all(workers.map(({ stop }) => stop()));
    throw error;
  }
  const block = mayBlock();
  let closed = false;

  home.split = (name: KernelName, offsets: readonly number[], length: number, slope: number): boolean => {
    if (closed || length < parallelMinLength) return false;
    const bytes = name.endsWith('F32') ? 4 : 8;
    // Parts of whole 64-byte lines, so no two threads write the same cache line.
    const part = Math.ceil(length / threads / (64 / bytes)) * (64 / bytes);
    const kernel = KERNEL_ORDER.indexOf(name);
    const posted: { base: number; sequence: number; start: number }[] = [];
    for (let index = 0; index < threads - 1; index++) {
      const start = (index + 1) * part;
      if (start >= length) break;
      const base = index * SLOT_WORDS;
      words[base + SLOT.kernel] = kernel;
      offsets.forEach((offset, at) => (words[base + SLOT.offsets + at] = offset + start * bytes));
      words[base + SLOT.length] = Math.min(part, length - start);
      words[base + SLOT.failed] = 0;
      slopes[(base + SLOT.slope) / 2] = slope;
      const sequence = Atomics.load(words, base + SLOT.sequence) + 1;
      Atomics.store(words, base + SLOT.claim, sequence);
      Atomics.store(words, base + SLOT.sequence, sequence);
      Atomics.notify(words, base + SLOT.sequence);
      posted.push({ base, sequence, start });
    }
    callKernel(exports, name, offsets, Math.min(part, length), slope);
    let failed = false;
    for (const { base, sequence, start } of posted) {
      if (Atomics.compareExchange(words, base + SLOT.claim, sequence, -sequence) === sequence) {
        // The worker has not started: run its part here rather than wait for it.
        const shifted = offsets.map((offset) => offset + start * bytes);
        callKernel(exports, name, shifted, words[base + SLOT.length]!, slope);
        continue;
      }
      const until = now() + SPIN_MILLISECONDS;
      for (let done = Atomics.load(words, base + SLOT.done); done !== sequence; done = Atomics.load(words, base + SLOT.done)) {
        if (block && now() > until) Atomics.wait(words, base + SLOT.done, done);
      }
      if (words[base + SLOT.failed]) failed = true;
    }
    if (failed) throw new Error('a pool worker failed to run its part of the op');
    return true;
  };
  poolMemories.add(home);

  const stopWorkers = async (): Promise<void> => {
    for (let index = 0; index < threads - 1; index++) {
      const base = index * SLOT_WORDS;
      words[base + SLOT.kernel] = -1;
      const sequence = Atomics.load(words, base + SLOT.sequence) + 1;
      Atomics.store(words, base + SLOT.claim, sequence);
      Atomics.store(words, base + SLOT.sequence, sequence);
      Atomics.notify(words, base + SLOT.sequence);
    }
    await Promise.all(workers.map(({ stop }) => stop()));
  };
  const pool: Pool = {
    threads,
    fallback: undefined,
    get closed() {
      return closed;
    },
    allocFloat32: (length) => allocate(Float32Array, length, 'pool.allocFloat32', home),
    allocFloat64: (length) => allocate(Float64Array, length, 'pool.allocFloat64', home),
    close: async () => {
      if (closed) return;
      closed = true;
      if (openPool === pool) openPool = undefined;
      // Its buffers keep working on this thread; once none is left, nothing needs the memory.
      home.released = () => {
        if (home.heap.allocatedBytes === 0) poolMemories.delete(home);
      };
      home.released();
      await stopWorkers();
    },
  };
  return pool;
}
