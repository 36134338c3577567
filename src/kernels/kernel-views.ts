/**
 * The check that keeps user views of kernel memory out of the kernels' own
 * bytes. `new Float32Array(buffer.array.buffer, 0, n)` is a view of the whole
 * memory: at offset 0 it covers the scratch area that JS-heap arrays stream
 * through, and elsewhere it may cover a freed block that a later allocation
 * hands to someone else. Run on such a view, an op would read or write bytes
 * the kernel is using, so the ops refuse it before writing anything.
 */
import { describeValue } from '../base/describe-value.js';
import { typedArrayBuffer, typedArrayByteLength, typedArrayByteOffset } from '../base/typed-array.js';
import { kernelMemoryOf } from './wasm.js';

/**
 * Throws unless `array`, when it views a kernel memory, lies inside one live
 * buffer of it. Arrays elsewhere, `number[]`s and empty views pass.
 *
 * @param array - An array the op reads or writes.
 * @param name - Its argument's name (`x`, `gradOutput`, `options.out`), for the message.
 * @throws {RangeError} for a view of the scratch area, of a freed buffer, or across buffers.
 */
export function checkKernelView(array: ArrayLike<number>, name: string): void {
  if (!ArrayBuffer.isView(array)) return;
  const memory = kernelMemoryOf(typedArrayBuffer(array));
  if (!memory) return;
  const bytes = typedArrayByteLength(array);
  const offset = typedArrayByteOffset(array);
  if (bytes === 0 || memory.heap.holds(offset, bytes)) return;
  throw new RangeError(
    `${name} must lie inside one live buffer from allocFloat32 or allocFloat64 when it views the kernel's memory, ` +
      `got ${describeValue(array)} at byte offset ${offset}, over the kernel's scratch area or freed memory; ` +
      'use buffer.array, or copy it',
  );
}
