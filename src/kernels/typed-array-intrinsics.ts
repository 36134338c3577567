/**
 * A typed array's `buffer`, `byteOffset` and `length`, read through the
 * intrinsic `%TypedArray%.prototype` getters: an instance or a subclass can
 * shadow the properties, but not these, and the kernels decide from them
 * where in memory they read and write.
 */
const typedArrayPrototype = Object.getPrototypeOf(Uint8Array.prototype) as object;

function intrinsicGetter<T>(name: string): (view: ArrayBufferView) => T {
  const getter = Object.getOwnPropertyDescriptor(typedArrayPrototype, name)!.get!;
  return (view) => getter.call(view) as T;
}

/** The ArrayBuffer or SharedArrayBuffer under a typed array. */
export const bufferOf = intrinsicGetter<ArrayBufferLike>('buffer');
/** Where a typed array starts in its buffer, in bytes. */
export const byteOffsetOf = intrinsicGetter<number>('byteOffset');
/** A typed array's length in elements (0 once its buffer is detached). */
export const lengthOf = intrinsicGetter<number>('length');
/** A typed array's length in bytes. */
export const byteLengthOf = intrinsicGetter<number>('byteLength');
