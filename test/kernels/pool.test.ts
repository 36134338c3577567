import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createPool, leakyRelu, leakyReluBackward, leakyReluDerivative, type KernelBuffer, type Pool } from 'leaky-relu';
import { leakyReluBackwardLoop, leakyReluDerivativeLoop, leakyReluLoop } from '../../src/kernels/reference.js';
import { MAX_THREADS, PARALLEL_MIN_LENGTH } from '../../src/kernels/pool.js';
import { kernelMemoryOf } from '../../src/kernels/wasm.js';
import { transpiledPackage } from '../support/transpiled-package.js';
import { SPECIAL_INPUTS, sameValues, slopeFor } from '../support/values.js';

type FloatArray = Float32Array | Float64Array;

/** The ops, typed for a typed array of either kind, as the conformance suite types them. */
const forward = leakyRelu as (x: FloatArray, alpha: number, options?: { out: FloatArray }) => FloatArray;
const derivative = leakyReluDerivative as (x: FloatArray, alpha: number, options?: { out: FloatArray }) => FloatArray;
const backward = leakyReluBackward as (g: FloatArray, x: FloatArray, alpha: number, options?: { out: FloatArray }) => FloatArray;

/** Random bit patterns, a quarter of them special values: NaNs, zeros of both signs, infinities, subnormals. */
function randomBits(array: FloatArray, seed: number): void {
  let state = seed >>> 0 || 1;
  const next = (): number => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return state >>> 0;
  };
  const words = new Uint32Array(array.buffer, array.byteOffset, array.byteLength / 4);
  for (let index = 0; index < words.length; index++) words[index] = next();
  for (let index = 0; index < array.length; index++) {
    if (next() % 4 === 0) array[index] = SPECIAL_INPUTS[next() % SPECIAL_INPUTS.length]!;
  }
}

/** Counts the ops that a pool's memory split across threads, by wrapping its split. */
function countSplits(array: FloatArray): { readonly count: number } {
  const memory = kernelMemoryOf(array.buffer)!;
  const split = memory.split!;
  const counter = { count: 0 };
  memory.split = (...args) => {
    const done = split(...args);
    if (done) counter.count++;
    return done;
  };
  return counter;
}

describe('createPool', () => {
  let pool: Pool | undefined;
  afterAll(async () => {
    await pool?.close();
  });

  it('rejects options that are not an object, an unknown option and a bad thread count, naming them, before any promise', () => {
    expect(() => createPool(5 as unknown as { threads: number })).toThrow(new TypeError('options must be an object, got 5'));
    expect(() => createPool({ thread: 2 } as unknown as { threads: number })).toThrow(
      new TypeError('options.thread is not an option; the options are: threads'),
    );
    expect(() => createPool({ threads: 0 })).toThrow(new RangeError(`options.threads must be an integer from 1 to ${MAX_THREADS}, got 0`));
    expect(() => createPool({ threads: 2.5 })).toThrow(RangeError);
    expect(() => createPool({ threads: '2' as unknown as number })).toThrow(new TypeError('options.threads must be a number, got "2" (string)'));
  });

  it('gives results bit-identical to the reference loops across threads, for each op, both precisions and every slope', async () => {
    pool = await createPool({ threads: 2 });
    expect(pool.threads).toBe(2);
    expect(pool.fallback).toBeUndefined();
    expect(() => createPool({ threads: 2 })).toThrow('a pool is already open: close it first');
    const kinds: [Float32ArrayConstructor | Float64ArrayConstructor, (length: number) => KernelBuffer<FloatArray>][] = [
      [Float32Array, pool.allocFloat32],
      [Float64Array, pool.allocFloat64],
    ];
    for (const [type, allocate] of kinds) {
      for (const length of [PARALLEL_MIN_LENGTH - 1, PARALLEL_MIN_LENGTH, PARALLEL_MIN_LENGTH + 17, 3 * PARALLEL_MIN_LENGTH + 5]) {
        const x = allocate(length + 3);
        const gradOutput = allocate(length + 3);
        const out = allocate(length + 3);
        randomBits(x.array, length);
        randomBits(gradOutput.array, length + 1);
        const splits = countSplits(x.array);
        // Views at an odd element offset too, so no part starts on a vector boundary.
        for (const start of [0, 3]) {
          const view = (buffer: typeof x): FloatArray => buffer.array.subarray(start, start + length);
          for (const alpha of [0.01, 0, -0.5, 2, 1e-40]) {
            const slope = slopeFor(view(x), alpha);
            const expected = new type(length);
            leakyReluLoop(view(x), slope, expected);
            expect(sameValues(forward(view(x), alpha, { out: view(out) }), expected)).toBeUndefined();
            leakyReluDerivativeLoop(view(x), slope, expected);
            expect(sameValues(derivative(view(x), alpha, { out: view(out) }), expected)).toBeUndefined();
            leakyReluBackwardLoop(view(gradOutput), view(x), slope, expected);
            expect(sameValues(backward(view(gradOutput), view(x), alpha, { out: view(out) }), expected)).toBeUndefined();
          }
        }
        // In place: out is x.
        const before = x.array.slice();
        const expected = new type(length + 3);
        leakyReluLoop(before, slopeFor(before, 0.2), expected);
        forward(x.array, 0.2, { out: x.array });
        expect(sameValues(x.array, expected)).toBeUndefined();
        // 30 calls on views of `length` elements, then one on the whole buffer.
        expect(splits.count).toBe((length >= PARALLEL_MIN_LENGTH ? 30 : 0) + (length + 3 >= PARALLEL_MIN_LENGTH ? 1 : 0));
        for (const buffer of [x, gradOutput, out]) buffer.free();
      }
    }
  });

  it('computes views of its memory taken before and after the memory grew, overlapping at a shift, as on copies', async () => {
    const open = pool ?? (pool = await createPool({ threads: 2 }));
    const length = 1_048_575;
    const data = open.allocFloat32(length + 1);
    randomBits(data.array, 11);
    const before = data.array;
    // Growing the shared memory gives it a new buffer object; views of the old one stay valid.
    const grown = open.allocFloat32(1 << 24);
    const after = data.array;
    expect(after.buffer).not.toBe(before.buffer);
    const x = before.subarray(0, length);
    const out = after.subarray(1, length + 1);
    const expected = new Float32Array(length);
    leakyReluLoop(x.slice(), Math.fround(0.01), expected);
    forward(x, 0.01, { out });
    expect(sameValues(out, expected)).toBeUndefined();
    grown.free();
    data.free();
  });

  it('refuses a second pool while the first is still opening, and reads no option through the prototype', async () => {
    const open = pool ?? (pool = await createPool({ threads: 2 }));
    await open.close();
    pool = undefined;
    const first = createPool({ threads: 2 });
    expect(() => createPool({ threads: 2 })).toThrow(new Error('a pool is still opening: await it, and close it first'));
    await (await first).close();
    const polluted = Object.prototype as Record<string, unknown>;
    polluted.threads = 0;
    try {
      const fromDefaults = await createPool({});
      expect(fromDefaults.threads).toBeGreaterThanOrEqual(1);
      await fromDefaults.close();
    } finally {
      delete polluted.threads;
    }
  });

  it('keeps its buffers working on the calling thread after close, and closes once', async () => {
    const open = pool ?? (await createPool({ threads: 2 }));
    const x = open.allocFloat32(PARALLEL_MIN_LENGTH);
    x.array.fill(-2);
    await open.close();
    await open.close();
    expect(open.closed).toBe(true);
    expect(Array.from(leakyRelu(x.array, 0.5).subarray(0, 2))).toEqual([-1, -1]);
    const { buffer } = x.array;
    expect(kernelMemoryOf(buffer)).toBeDefined();
    x.free();
    // Closed, with its last buffer freed: the memory is let go.
    expect(kernelMemoryOf(buffer)).toBeUndefined();
    pool = undefined;
  });

  it('runs on one thread, saying why, where threads is 1', async () => {
    const single = await createPool({ threads: 1 });
    expect([single.threads, single.fallback]).toEqual([1, undefined]);
    const x = single.allocFloat64(3);
    x.array.set([-4, 0, 4]);
    expect(Array.from(leakyRelu(x.array, 0.25))).toEqual([-1, 0, 4]);
    x.free();
    await single.close();
  });
});

describe('a process with a pool', () => {
  const folder = transpiledPackage();
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  /** Runs `body` in a child Node process with the package imported; a hung child is killed after a minute, not timed. */
  function child(body: string): ReturnType<typeof spawnSync> {
    const script = `import { createPool, leakyRelu } from ${JSON.stringify(join(folder, 'index.js'))};\n${body}`;
    return spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 });
  }

  const work = `
    const pool = await createPool({ threads: 2 });
    const x = pool.allocFloat32(${4 * PARALLEL_MIN_LENGTH});
    x.array.fill(-2);
    leakyRelu(x.array, 0.5, { out: x.array });
    console.log(pool.threads, x.array[0], x.array[x.length - 1]);
  `;

  it('exits once the pool is closed, its worker thread gone (counted in /proc on Linux)', () => {
    const threads = "(await import('node:fs')).readdirSync('/proc/self/task').length";
    const run = child(`${work}
      const open = ${threads};
      await pool.close();
      console.log(open - ${threads});`);
    expect([run.status, run.signal, run.stderr]).toEqual([0, null, '']);
    expect(run.stdout).toBe(`2 -1 -1\n1\n`);
  });

  it('exits even with the pool left open: waiting workers do not hold it', () => {
    const run = child(work);
    expect([run.status, run.signal, run.stderr]).toEqual([0, null, '']);
    expect(run.stdout).toBe('2 -1 -1\n');
  });
});
