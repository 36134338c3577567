/**
 * The one conformance suite: the same cases, run through the public ops with
 * each kernel forced in turn, must give what the reference loops give, bit
 * for bit (Object.is, so -0 and NaN count).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allocFloat32, allocFloat64, createPool, leakyRelu, leakyReluBackward, leakyReluDerivative, type Pool } from 'leaky-relu';
import { leakyReluBackwardLoop, leakyReluDerivativeLoop, leakyReluLoop } from '../../src/kernels/reference.js';
import { PARALLEL_MIN_LENGTH } from '../../src/kernels/pool.js';
import { forceKernel, type KernelName } from '../../src/kernels/select.js';
import { CHUNK_BYTES, kernelInstance } from '../../src/kernels/wasm.js';
import { SLOPES, SPECIAL_INPUTS, sameValues, slopeFor } from '../support/values.js';

type FloatArray = Float32Array | Float64Array;
type FloatArrayConstructor = Float32ArrayConstructor | Float64ArrayConstructor;

const KERNELS: readonly KernelName[] = ['reference', 'wasm-simd', 'branch-free'];
const TYPES: readonly FloatArrayConstructor[] = [Float32Array, Float64Array];
/** The suite's slopes: the shared ones, plus the edges of the SIMD forward's pmax path and a float32 subnormal. */
const ALL_SLOPES = [...SLOPES, 0.3, 1.0000001, Number.MIN_VALUE, 1e-40, -3.5];
/** Every length up to 40 (all tails of an 8-vector block: up to 31 float32 elements), block and chunk edges, and a length over several chunks. */
const LENGTHS = [
  ...Array.from({ length: 41 }, (_, length) => length),
  63, 64, 65, 127, 128, 129, 1000,
  CHUNK_BYTES / 8 - 1, CHUNK_BYTES / 8, CHUNK_BYTES / 8 + 1,
  CHUNK_BYTES / 4 - 1, CHUNK_BYTES / 4, CHUNK_BYTES / 4 + 1,
  40_003,
];

/**
 * The ops, typed for a typed array of either kind: the suite runs both
 * through the same code, where the public overloads want one kind at a time.
 */
const ops = {
  forward: leakyRelu as (x: FloatArray, alpha: number, options?: { out: FloatArray }) => FloatArray,
  derivative: leakyReluDerivative as (x: FloatArray, alpha: number, options?: { out: FloatArray }) => FloatArray,
  backward: leakyReluBackward as (
    gradOutput: FloatArray,
    x: FloatArray,
    alpha: number,
    options?: { out: FloatArray },
  ) => FloatArray,
};

/** Seeded xorshift32, so a failure replays. */
function generator(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return state >>> 0;
  };
}

/** Random bit patterns (NaNs, subnormals and infinities included), a quarter replaced by special values. */
function randomArray(type: FloatArrayConstructor, length: number, seed: number): FloatArray {
  const next = generator(seed);
  const array = new type(length);
  const words = new Uint32Array(array.buffer);
  for (let index = 0; index < words.length; index++) words[index] = next();
  for (let index = 0; index < length; index++) {
    if (next() % 4 === 0) array[index] = SPECIAL_INPUTS[next() % SPECIAL_INPUTS.length]!;
  }
  return array;
}

/** What the reference loops give: the oracle. */
const expected = {
  forward(x: FloatArray, alpha: number): FloatArray {
    const out = new (x.constructor as FloatArrayConstructor)(x.length);
    leakyReluLoop(x, slopeFor(x, alpha), out);
    return out;
  },
  derivative(x: FloatArray, alpha: number): FloatArray {
    const out = new (x.constructor as FloatArrayConstructor)(x.length);
    leakyReluDerivativeLoop(x, slopeFor(x, alpha), out);
    return out;
  },
  backward(gradOutput: FloatArray, x: FloatArray, alpha: number): FloatArray {
    const out = new (x.constructor as FloatArrayConstructor)(x.length);
    leakyReluBackwardLoop(gradOutput, x, slopeFor(x, alpha), out);
    return out;
  },
};

/** Checks the three ops on `x` (and `gradOutput`) against the oracle; returns the first difference. */
function differences(x: FloatArray, gradOutput: FloatArray, alpha: number): string | undefined {
  const where = `${x.constructor.name}(${x.length}), alpha ${alpha}`;
  const forward = sameValues(ops.forward(x, alpha), expected.forward(x, alpha));
  if (forward) return `leakyRelu, ${where}: ${forward}`;
  const derivative = sameValues(ops.derivative(x, alpha), expected.derivative(x, alpha));
  if (derivative) return `leakyReluDerivative, ${where}: ${derivative}`;
  const backward = sameValues(ops.backward(gradOutput, x, alpha), expected.backward(gradOutput, x, alpha));
  if (backward) return `leakyReluBackward, ${where}: ${backward}`;
  return undefined;
}

describe.each(KERNELS)('the %s kernel', (kernel) => {
  beforeAll(() => forceKernel(kernel));
  afterAll(() => forceKernel(undefined));

  describe.each(TYPES.map((type) => [type.name, type] as const))('on a %s', (_name, type) => {
    const float32 = type === Float32Array;

    it('gives the reference results on every special value, for every slope', () => {
      const x = new type(SPECIAL_INPUTS);
      const gradOutput = new type(SPECIAL_INPUTS).reverse();
      for (const alpha of ALL_SLOPES) expect(differences(x, gradOutput, alpha)).toBeUndefined();
    });

    it('keeps -0 as -0, NaN as NaN, and gives 1 at ±0 and alpha at NaN', () => {
      const x = new type([-0, 0, NaN, -Infinity, Infinity]);
      const y = ops.forward(x, 0.01);
      expect([Object.is(y[0], -0), Object.is(y[1], 0), Number.isNaN(y[2])]).toEqual([true, true, true]);
      expect(y[3]).toBe(-Infinity);
      expect(y[4]).toBe(Infinity);
      expect(Number.isNaN(ops.forward(x, 0)[3])).toBe(true);
      expect(Array.from(ops.derivative(x, 0.5))).toEqual([1, 1, 0.5, 0.5, 1]);
    });

    it(`gives the reference results on random ${float32 ? 'float32' : 'float64'} bit patterns of every length`, () => {
      for (const length of LENGTHS) {
        const x = randomArray(type, length, length + 1);
        const gradOutput = randomArray(type, length, length + 7919);
        for (const alpha of ALL_SLOPES) expect(differences(x, gradOutput, alpha)).toBeUndefined();
      }
    });

    it('reads subarrays at odd element offsets (byteOffset not 16-aligned)', () => {
      const base = randomArray(type, 3000, 42);
      const gradients = randomArray(type, 3000, 43);
      for (const offset of [1, 3, 5, 7]) {
        for (const length of [1, 17, 131, 2001]) {
          const x = base.subarray(offset, offset + length);
          const gradOutput = gradients.subarray(offset + 2, offset + 2 + length);
          expect(x.byteOffset % 16).not.toBe(0);
          expect(differences(x, gradOutput, 0.01)).toBeUndefined();
          expect(differences(x, gradOutput, -0.5)).toBeUndefined();
        }
      }
    });

    it('writes in place when out is x, or gradOutput', () => {
      for (const length of [5, 300, 20_001]) {
        const x = randomArray(type, length, 5);
        const gradOutput = randomArray(type, length, 6);
        for (const alpha of [0.01, -0.5, 2]) {
          const forward = x.slice();
          expect(ops.forward(forward, alpha, { out: forward })).toBe(forward);
          expect(sameValues(forward, expected.forward(x, alpha))).toBeUndefined();
          const derivative = x.slice();
          ops.derivative(derivative, alpha, { out: derivative });
          expect(sameValues(derivative, expected.derivative(x, alpha))).toBeUndefined();
          const intoGradient = gradOutput.slice();
          ops.backward(intoGradient, x, alpha, { out: intoGradient });
          expect(sameValues(intoGradient, expected.backward(gradOutput, x, alpha))).toBeUndefined();
          const intoX = x.slice();
          ops.backward(gradOutput, intoX, alpha, { out: intoX });
          expect(sameValues(intoX, expected.backward(gradOutput, x, alpha))).toBeUndefined();
        }
      }
    });

    it('reads an out that overlaps x at a shift as the reference does', () => {
      const buffer = randomArray(type, 1001, 9);
      const x = buffer.subarray(0, 1000);
      const want = expected.forward(x, 0.2);
      ops.forward(x, 0.2, { out: buffer.subarray(1, 1001) });
      expect(sameValues(buffer.subarray(1), want)).toBeUndefined();
    });

    it('runs on kernel-memory arrays in place, before and after the memory grew', () => {
      const allocate = float32 ? allocFloat32 : allocFloat64;
      const length = 5001;
      const source = randomArray(type, length, 11);
      const gradients = randomArray(type, length, 12);
      const x = allocate(length);
      const gradOutput = allocate(length);
      const out = allocate(length);
      x.array.set(source);
      gradOutput.array.set(gradients);
      const before = out.array;
      ops.forward(x.array, 0.01, { out: out.array });
      expect(sameValues(out.array, expected.forward(source, 0.01))).toBeUndefined();
      // An allocation larger than the whole memory grows it: earlier views
      // detach, and `array` gives live ones.
      const large = allocate(kernelInstance().exports.memory.buffer.byteLength / type.BYTES_PER_ELEMENT);
      expect(before.length).toBe(0);
      ops.backward(gradOutput.array, x.array, -0.5, { out: gradOutput.array });
      expect(sameValues(gradOutput.array, expected.backward(gradients, source, -0.5))).toBeUndefined();
      ops.derivative(x.array, 3, { out: x.array });
      expect(sameValues(x.array, expected.derivative(source, 3))).toBeUndefined();
      // Kernel memory and the JS heap mixed in one call.
      expect(sameValues(ops.forward(out.array, 0.3), expected.forward(out.array.slice(), 0.3))).toBeUndefined();
      for (const buffer of [x, gradOutput, out, large]) buffer.free();
    });
  });
});

describe('the WebAssembly kernel on a 2-thread pool', () => {
  let pool: Pool;
  beforeAll(async () => {
    pool = await createPool({ threads: 2 });
  });
  afterAll(() => pool.close());

  it.each(TYPES.map((type) => [type.name, type] as const))(
    'splits %s arrays across threads and gives the reference results, every slope, special values included',
    (_name, type) => {
      const allocate = (type === Float32Array ? pool.allocFloat32 : pool.allocFloat64) as (length: number) => {
        array: FloatArray;
        free(): void;
      };
      for (const length of [PARALLEL_MIN_LENGTH, 2 * PARALLEL_MIN_LENGTH + 5]) {
        const [x, gradOutput, out] = [allocate(length), allocate(length), allocate(length)];
        x.array.set(randomArray(type, length, length));
        gradOutput.array.set(randomArray(type, length, length + 1));
        for (const alpha of ALL_SLOPES) {
          const where = `${type.name}(${length}), alpha ${alpha}`;
          ops.forward(x.array, alpha, { out: out.array });
          expect(sameValues(out.array, expected.forward(x.array, alpha)), `leakyRelu, ${where}`).toBeUndefined();
          ops.derivative(x.array, alpha, { out: out.array });
          expect(sameValues(out.array, expected.derivative(x.array, alpha)), `derivative, ${where}`).toBeUndefined();
          ops.backward(gradOutput.array, x.array, alpha, { out: out.array });
          expect(sameValues(out.array, expected.backward(gradOutput.array, x.array, alpha)), `backward, ${where}`).toBeUndefined();
        }
        for (const buffer of [x, gradOutput, out]) buffer.free();
      }
    },
  );
});
