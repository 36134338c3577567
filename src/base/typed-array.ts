/**
 * A typed array's length, memory and type, read through the built-in
 * `%TypedArray%.prototype` accessors, never through the instance: an own
 * `length`, a `Symbol.toStringTag` or a subclass's `subarray` cannot lie to
 * these, and no user code runs. They are captured once, when this module
 * loads, so later changes to the globals do not reach them either.
 *
 * This module imports nothing, so the core and the kernels can both use it.
 */

const typedArrayPrototype = Object.getPrototypeOf(Uint8Array.prototype) as object;

/**
 * The accessor as a function of the array it reads: `call` bound to it, which
 * V8 inlines, where `Reflect.apply` with an argument list cost a third of an
 * op's time on a 1,000-element array.
 */
function intrinsicGetter(key: PropertyKey): (target: unknown) => unknown {
  const getter = Object.getOwnPropertyDescriptor(typedArrayPrototype, key)?.get;
  if (!getter) throw new Error(`%TypedArray%.prototype has no ${String(key)} getter`);
  return Function.prototype.call.bind(getter) as (target: unknown) => unknown;
}

const lengthGetter = intrinsicGetter('length');
const bufferGetter = intrinsicGetter('buffer');
const byteOffsetGetter = intrinsicGetter('byteOffset');
const byteLengthGetter = intrinsicGetter('byteLength');
const tagGetter = intrinsicGetter(Symbol.toStringTag);
const intrinsicSet = Function.prototype.call.bind((typedArrayPrototype as { set: (source: ArrayLike<number>, offset: number) => void }).set) as (
  target: unknown,
  source: ArrayLike<number>,
  offset: number,
) => void;
const arrayBufferByteLength = Function.prototype.call.bind(
  Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'byteLength')!.get!,
) as (target: unknown) => number;
const Float32 = Float32Array;
const Float64 = Float64Array;

/** The typed arrays the ops compute on. */
export type FloatArray = Float32Array | Float64Array;

/**
 * The built-in name of a typed array (`'Float32Array'`, `'Int32Array'`...),
 * from this realm or another (a worker, a `vm` context, an iframe), or
 * `undefined` for anything else, a `Proxy` of a typed array included.
 */
export function typedArrayTag(value: unknown): string | undefined {
  // The getter returns undefined for anything without a [[TypedArrayName]], and never throws.
  return tagGetter(value) as string | undefined;
}

/** Whether `value` is a Float32Array, from this realm or another, whatever it claims. */
export function isFloat32Array(value: unknown): value is Float32Array {
  return typedArrayTag(value) === 'Float32Array';
}

/** Whether `value` is a Float64Array, from this realm or another, whatever it claims. */
export function isFloat64Array(value: unknown): value is Float64Array {
  return typedArrayTag(value) === 'Float64Array';
}

/** The number of elements: 0 once the buffer is detached or the view is out of bounds. */
export function typedArrayLength(array: ArrayBufferView): number {
  return lengthGetter(array) as number;
}

/** The memory the array views: an ArrayBuffer or a SharedArrayBuffer. */
export function typedArrayBuffer(array: ArrayBufferView): ArrayBufferLike {
  return bufferGetter(array) as ArrayBufferLike;
}

/**
 * Whether `buffer` is a SharedArrayBuffer, of this realm or another: the
 * built-in `ArrayBuffer.prototype.byteLength` getter refuses one.
 */
export function isSharedBuffer(buffer: ArrayBufferLike): boolean {
  try {
    arrayBufferByteLength(buffer);
    return false;
  } catch {
    return true;
  }
}

/** Where the view starts in its memory, in bytes. */
export function typedArrayByteOffset(array: ArrayBufferView): number {
  return byteOffsetGetter(array) as number;
}

/** How many bytes the view spans. */
export function typedArrayByteLength(array: ArrayBufferView): number {
  return byteLengthGetter(array) as number;
}

/**
 * A fresh view of this realm's built-in type over elements `[start, end)` of
 * `array`'s memory, fixed in length: writing to it writes to `array`. It has
 * none of the instance's own properties nor a subclass's methods, so code
 * handed this view cannot be misled, and a length-tracking view of a
 * resizable buffer is pinned at the length it has now.
 */
export function plainView<T extends FloatArray>(array: T, start = 0, end = typedArrayLength(array)): T {
  const Type = isFloat32Array(array) ? Float32 : Float64;
  // A detached buffer cannot be viewed again; its length is 0, and so is the view's.
  if (end <= start) return new Type(0) as T;
  const byteOffset = typedArrayByteOffset(array) + start * Type.BYTES_PER_ELEMENT;
  // A SharedArrayBuffer is viewed the same way; the typings of `lib` list only ArrayBuffer.
  return new Type(typedArrayBuffer(array) as ArrayBuffer, byteOffset, end - start) as T;
}

/** `target.set(source, offset)` by the built-in method, whatever `target`'s class defines. */
export function copyInto(target: FloatArray, source: FloatArray, offset: number): void {
  intrinsicSet(target, source, offset);
}
