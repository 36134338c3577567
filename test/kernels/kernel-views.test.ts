import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allocFloat32, allocFloat64, conventionTable, leakyRelu, leakyReluBackward, leakyReluDerivative, prelu, type KernelBuffer } from 'leaky-relu';
import { checkKernelView } from '../../src/kernels/kernel-views.js';
import { leakyReluBackwardLoop, leakyReluDerivativeLoop, leakyReluLoop } from '../../src/kernels/reference.js';
import { CHUNK_BYTES, kernelInstance } from '../../src/kernels/wasm.js';
import { OTHER_OPS, WRITING_OPS } from '../support/ops.js';
import { sameValues } from '../support/values.js';

const conventionNames = conventionTable().map((row) => row.convention);

/** The kernel's whole memory as bytes, to show that a refused call wrote nothing. */
const memoryBytes = (): Uint8Array => new Uint8Array(kernelInstance().exports.memory.buffer).slice();

/** Whether two byte snapshots are equal (expect().toEqual is slow on megabytes). */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index++) if (a[index] !== b[index]) return false;
  return true;
}

function fillRandom(array: Float32Array | Float64Array, seed: number): void {
  let state = seed;
  for (let index = 0; index < array.length; index++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    array[index] = (state / 2 ** 31 - 1) * (index % 7 === 0 ? 1e30 : 1);
  }
}

describe('views of kernel memory', () => {
  it('refuses the issue repro, a whole-memory view over the scratch area, as out and as x, and writes nothing', () => {
    const buffer = allocFloat32(20_000);
    fillRandom(buffer.array, 1);
    const view = new Float32Array(buffer.array.buffer, 0, 20_000);
    const source = new Float32Array(20_000);
    fillRandom(source, 2);
    const before = memoryBytes();
    expect(() => leakyRelu(source, 0.01, { out: view })).toThrow(
      new RangeError(
        "options.out must lie inside one live buffer from allocFloat32 or allocFloat64 when it views the kernel's memory, " +
          "got Float32Array(20000) at byte offset 0, over the kernel's scratch area or freed memory; use buffer.array, or copy it",
      ),
    );
    expect(() => leakyRelu(view, 0.01, { out: view })).toThrow(RangeError);
    expect(() => leakyReluDerivative(view, 0.01)).toThrow(/^x must lie inside one live buffer/);
    expect(() => leakyReluBackward(view, source, 0.01)).toThrow(/^gradOutput must lie inside/);
    expect(sameBytes(memoryBytes(), before)).toBe(true);
    buffer.free();
  });

  it('refuses a view of a freed buffer, and one across two buffers', () => {
    const first = allocFloat64(1000);
    const second = allocFloat64(1000);
    const across = new Float64Array(first.array.buffer, first.array.byteOffset + 8 * 500, 1000);
    expect(() => leakyRelu(across, 0.5)).toThrow(RangeError);
    const stale = first.array;
    first.free();
    expect(() => leakyRelu(stale, 0.5)).toThrow(/^x must lie inside one live buffer/);
    expect(() => leakyRelu(new Float64Array(1000), 0.5, { out: stale })).toThrow(/^options.out must lie inside/);
    second.free();
  });

  it('passes empty views anywhere, arrays outside kernel memory, and number[]', () => {
    const buffer = allocFloat32(4);
    const empty = new Float32Array(buffer.array.buffer, 64, 0);
    expect(() => checkKernelView(empty, 'x')).not.toThrow();
    buffer.free();
    expect(() => checkKernelView(new Float32Array(8), 'x')).not.toThrow();
    expect(() => checkKernelView([1, 2], 'x')).not.toThrow();
  });

  it('refuses a scratch-area or freed view on every op and every path, conventions and variants included, and writes nothing', () => {
    const buffer = allocFloat32(256);
    const scratch = new Float32Array(buffer.array.buffer, 0, 256);
    const freedBuffer = allocFloat32(256);
    const freed = freedBuffer.array;
    freedBuffer.free();
    const heap = new Float32Array(256).fill(-1);
    /** The arrays of an op: `heap` everywhere but at `slot`, where the view is. */
    const operandsWith = (operands: readonly string[], view: Float32Array, slot: number): Float32Array[] => operands.map((_, at) => (at === slot ? view : heap));
    type Call = [string, (view: Float32Array) => unknown];
    const calls: Call[] = [
      ...Object.entries(WRITING_OPS).flatMap(([name, op]) =>
        (op.conventions ? conventionNames : [undefined]).flatMap((convention): Call[] => {
          const options = convention === undefined ? {} : { convention };
          const label = (slot: string) => (convention === undefined ? `${name} ${slot}` : `${name} ${slot}, ${convention}`);
          return [
            [label('out'), (view) => op.call(operandsWith(op.operands, heap, -1), 0.5, { ...options, out: view })],
            ...op.operands.map((operand, slot): Call => [label(operand), (view) => op.call(operandsWith(op.operands, view, slot), 0.5, options)]),
          ];
        }),
      ),
      ...Object.entries(OTHER_OPS).flatMap(([name, op]) =>
        op.operands.map((operand, slot): Call => [
          `${name} ${operand}`,
          (view) => op.call(operandsWith(op.operands, view, slot), 0.5, name === 'rrelu' ? { training: true, seed: 1 } : undefined),
        ]),
      ),
      ['leakyRelu, flushing subnormals', (view) => leakyRelu(heap, 0.5, { out: view, convention: 'jax', subnormals: 'flush' })],
      ['prelu slopes', (view) => prelu(heap, view)],
    ];
    try {
      for (const view of [scratch, freed]) {
        for (const [name, call] of calls) {
          const before = memoryBytes();
          expect(call.bind(null, view), name).toThrow(/must lie inside one live buffer from allocFloat32 or allocFloat64/);
          expect(sameBytes(memoryBytes(), before), name).toBe(true);
        }
      }
    } finally {
      buffer.free();
    }
  });

  describe('at every offset, against the reference loops', () => {
    // The memory's layout: the scratch area, then live `low`, freed `gap`, live `high`.
    let low: KernelBuffer<Float32Array>;
    let high: KernelBuffer<Float32Array>;
    let gapStart: number;
    let gapEnd: number;
    const BLOCK = 4096;
    beforeAll(() => {
      low = allocFloat32(BLOCK);
      const gap = allocFloat32(BLOCK);
      high = allocFloat32(BLOCK);
      gapStart = gap.array.byteOffset;
      gapEnd = gapStart + 4 * BLOCK;
      gap.free();
      fillRandom(low.array, 3);
      fillRandom(high.array, 4);
    });
    afterAll(() => {
      low.free();
      high.free();
    });

    /** Whether a float32 view of `length` elements at byte `offset` lies inside a live buffer. */
    const live = (offset: number, length: number): boolean =>
      [low, high].some(({ array }) => array.byteOffset <= offset && offset + 4 * length <= array.byteOffset + array.byteLength);

    it('covers the scratch area, both buffers and the freed gap', () => {
      expect(low.array.byteOffset).toBe(2 * CHUNK_BYTES);
      expect(gapStart).toBe(low.array.byteOffset + 4 * BLOCK);
      expect(high.array.byteOffset).toBe(gapEnd);
    });

    it('refuses a one-element view at every float32 offset outside a live buffer, and computes at every one inside', () => {
      const end = high.array.byteOffset + high.array.byteLength;
      const reference = new Float32Array(1);
      for (let offset = 0; offset < end; offset += 4) {
        const view = new Float32Array(kernelInstance().exports.memory.buffer, offset, 1);
        if (live(offset, 1)) {
          const out = new Float32Array(1);
          leakyReluLoop(view, Math.fround(0.2), reference);
          leakyRelu(view, 0.2, { out });
          if (!Object.is(out[0], reference[0])) throw new Error(`offset ${offset}: ${out[0]} differs from ${reference[0]}`);
        } else {
          expect(() => leakyRelu(view, 0.2)).toThrow(RangeError);
        }
      }
    });

    it('gives the reference loops’ results for any view inside a live buffer, and refuses any other, leaving memory as it was', () => {
      const end = high.array.byteOffset + high.array.byteLength;
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: end / 4 - 1 }),
          fc.integer({ min: 1, max: 2 * BLOCK }),
          fc.constantFrom('x', 'out', 'gradOutput'),
          fc.constantFrom('forward', 'derivative', 'backward'),
          fc.constantFrom(0.01, -0.5, 2),
          (index, wanted, role, op, alpha) => {
            const length = Math.min(wanted, end / 4 - index);
            const view = new Float32Array(kernelInstance().exports.memory.buffer, 4 * index, length);
            const other = new Float32Array(length);
            fillRandom(other, index + 5);
            const slope = Math.fround(alpha);
            // The view in `role`; the other arrays on the JS heap.
            const x = role === 'x' ? view : other;
            const gradOutput = role === 'gradOutput' ? view : other.slice().reverse();
            if (op !== 'backward' && role === 'gradOutput') return;
            const expected = new Float32Array(length);
            if (op === 'forward') leakyReluLoop(x, slope, expected);
            else if (op === 'derivative') leakyReluDerivativeLoop(x, slope, expected);
            else leakyReluBackwardLoop(gradOutput, x, slope, expected);
            const out = role === 'out' ? view : new Float32Array(length);
            const call = (): unknown =>
              op === 'forward'
                ? leakyRelu(x, alpha, { out })
                : op === 'derivative'
                  ? leakyReluDerivative(x, alpha, { out })
                  : leakyReluBackward(gradOutput, x, alpha, { out });
            if (live(4 * index, length)) {
              call();
              const difference = sameValues(out, expected);
              if (difference) throw new Error(`${op}, ${role} at element ${index}: ${difference}`);
            } else {
              const before = memoryBytes();
              expect(call).toThrow(RangeError);
              expect(sameBytes(memoryBytes(), before)).toBe(true);
            }
          },
        ),
        { numRuns: 2000 },
      );
    });
  });
});
