/**
 * Typed arrays that live in the kernel's own memory, so that the ops run on
 * them in place, with no copy in or out: the zero-copy path.
 */
import { describeValue } from '../base/describe-value.js';
import { simdSupported } from './select.js';
import type { FloatArray } from '../base/typed-array.js';
import { kernelInstance, type KernelMemory } from './wasm.js';

/**
 * A typed array in the kernel's memory, from {@link allocFloat32} or
 * {@link allocFloat64}. Lifetime rules:
 *
 * - Read `array` where you use it. Allocating another buffer may grow the
 *   kernel's memory, which detaches every view taken before (its length
 *   becomes 0); `array` always returns a live view, made anew after growth.
 * - Call `free()` when done. The memory is then reused by later allocations,
 *   so no view of a freed buffer may be used again. Memory that is never
 *   freed stays taken for the life of the program: the kernel's memory never
 *   shrinks.
 */
export interface KernelBuffer<T extends Float32Array | Float64Array> {
  /**
   * The elements: a live view of the buffer's memory.
   *
   * @throws {TypeError} after `free()`.
   */
  readonly array: T;
  /** The number of elements. */
  readonly length: number;
  /** Whether `free()` was called. */
  readonly freed: boolean;
  /** Returns the memory for reuse. Calling it again does nothing. */
  free(): void;
}

export type FloatArrayConstructor<T extends FloatArray> = {
  new (length: number): T;
  new (buffer: ArrayBufferLike, byteOffset: number, length: number): T;
  readonly BYTES_PER_ELEMENT: number;
};

/**
 * A buffer of `length` elements of `type`: in `memory` when given (a thread
 * pool's), else in the default kernel's memory, or on the JS heap without SIMD.
 */
export function allocate<T extends FloatArray>(
  type: FloatArrayConstructor<T>,
  length: unknown,
  caller: string,
  memory?: KernelMemory,
): KernelBuffer<T> {
  if (typeof length !== 'number') throw new TypeError(`length must be a number, got ${describeValue(length)}`);
  if (!Number.isSafeInteger(length) || length < 0) {
    throw new RangeError(`length must be a non-negative integer, got ${describeValue(length)}`);
  }
  const home = memory ?? (simdSupported() ? kernelInstance() : undefined);
  const place = home ? kernelPlace(type, length, home) : heapPlace(type, length);
  let freed = false;
  return {
    get array(): T {
      if (freed) throw new TypeError(`this buffer was freed; allocate another with ${caller}`);
      return place.view();
    },
    length,
    get freed(): boolean {
      return freed;
    },
    free(): void {
      if (freed) return;
      freed = true;
      place.release();
    },
  };
}

/** Where a buffer's elements are: a live view of them, and how to give them back. */
interface Place<T> {
  readonly view: () => T;
  readonly release: () => void;
}

/** Without SIMD there is no kernel memory: an ordinary array gives the same API and results. */
function heapPlace<T extends FloatArray>(type: FloatArrayConstructor<T>, length: number): Place<T> {
  const array = new type(length);
  return { view: () => array, release: () => {} };
}

/** Reserves a block of a kernel memory for `length` elements of `type`, zeroed. */
function kernelPlace<T extends FloatArray>(type: FloatArrayConstructor<T>, length: number, memory: KernelMemory): Place<T> {
  const { heap, exports } = memory;
  let offset: number;
  try {
    offset = heap.allocate(length * type.BYTES_PER_ELEMENT);
  } catch {
    throw new RangeError(`length is too large for the kernel's memory (4 GiB in all), got ${length}`);
  }
  let array: T | undefined;
  // A view taken before the memory grew is detached: make a new one then.
  const view = (): T =>
    array?.buffer === exports.memory.buffer ? array : (array = new type(exports.memory.buffer, offset, length));
  // A reused block holds what its last owner left: clear it, as `new Float32Array` would be.
  view().fill(0);
  return {
    view,
    release: () => {
      heap.release(offset);
      memory.released?.();
    },
  };
}

/**
 * Allocates a Float32Array of `length` zeros in the kernel's memory. The ops
 * run on it, and into it as `out`, without copying: pass `buffer.array` as
 * `x` and as `options.out`. See {@link KernelBuffer} for the lifetime rules.
 * Where WebAssembly SIMD is missing, the array is an ordinary one.
 *
 * @param length - The number of elements: an integer, 0 or more.
 * @returns A buffer whose `array` is the Float32Array; `free()` it when done.
 * @throws {TypeError} when `length` is not a number.
 * @throws {RangeError} when `length` is negative, not an integer, or beyond the kernel's 4 GiB.
 *
 * @example
 * ```ts
 * import { allocFloat32, leakyRelu } from 'leaky-relu';
 *
 * const buffer = allocFloat32(4);
 * buffer.array.set([-2, -0.5, 0, 3]);
 * leakyRelu(buffer.array, 0.5, { out: buffer.array }) //=> Float32Array(4) [ -1, -0.25, 0, 3 ]
 * buffer.free();
 * buffer.freed //=> true
 * allocFloat32(-1) //=> throws RangeError: length must be a non-negative integer, got -1
 * ```
 */
export function allocFloat32(length: number): KernelBuffer<Float32Array> {
  return allocate(Float32Array, length, 'allocFloat32');
}

/**
 * Allocates a Float64Array of `length` zeros in the kernel's memory; see
 * {@link allocFloat32}, which it mirrors for float64 data.
 *
 * @param length - The number of elements: an integer, 0 or more.
 * @returns A buffer whose `array` is the Float64Array; `free()` it when done.
 * @throws {TypeError} when `length` is not a number.
 * @throws {RangeError} when `length` is negative, not an integer, or beyond the kernel's 4 GiB.
 *
 * @example
 * ```ts
 * import { allocFloat64, leakyReluBackward } from 'leaky-relu';
 *
 * const x = allocFloat64(3);
 * const gradient = allocFloat64(3);
 * x.array.set([-1, 0, 2]);
 * gradient.array.set([10, 10, 10]);
 * leakyReluBackward(gradient.array, x.array, 0.1, { out: gradient.array }) //=> Float64Array(3) [ 1, 10, 10 ]
 * x.free();
 * gradient.free();
 * ```
 */
export function allocFloat64(length: number): KernelBuffer<Float64Array> {
  return allocate(Float64Array, length, 'allocFloat64');
}
