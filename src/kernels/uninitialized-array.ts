/**
 * A new typed array for an op's result, allocated without the zero-fill when
 * the runtime can: every element is written by the op before the caller sees
 * it, so zeroing it first would be a wasted pass over fresh memory. Node's
 * `Buffer.allocUnsafeSlow` gives such memory in an ArrayBuffer of its own
 * (unlike `allocUnsafe`, which may slice a shared pool), so the result is a
 * plain typed array at offset 0 that the caller owns outright. Elsewhere it is
 * an ordinary, zeroed one.
 */
import type { FloatArrayConstructor } from './kernel-buffer.js';
import type { FloatArray } from '../base/typed-array.js';

interface NodeBuffer {
  allocUnsafeSlow(bytes: number): { readonly buffer: ArrayBuffer; readonly byteOffset: number };
}

const nodeBuffer = (globalThis as { Buffer?: NodeBuffer }).Buffer;

/**
 * An array of `length` elements of `type` whose contents are unspecified:
 * only for a result the caller fills in full before anyone reads it.
 */
export function uninitializedArray<T extends FloatArray>(
  type: FloatArrayConstructor<T>,
  length: number,
): T {
  if (!nodeBuffer?.allocUnsafeSlow) return new type(length);
  const { buffer, byteOffset } = nodeBuffer.allocUnsafeSlow(length * type.BYTES_PER_ELEMENT);
  return new type(buffer, byteOffset, length);
}
