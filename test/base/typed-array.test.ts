import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import {
  copyInto,
  isFloat32Array,
  plainView,
  typedArrayBuffer,
  typedArrayByteLength,
  typedArrayByteOffset,
  typedArrayLength,
  typedArrayTag,
} from '../../src/base/typed-array.js';

/** A Float32Array that lies about itself through every property an instance can override. */
function liar(length: number): Float32Array {
  const array = new Float32Array(new ArrayBuffer(64), 8, length);
  Object.defineProperties(array, {
    length: { value: 1e6 },
    buffer: { value: new ArrayBuffer(4) },
    byteOffset: { value: 999 },
    byteLength: { value: 4e6 },
    [Symbol.toStringTag]: { value: 'Int32Array' },
  });
  return array;
}

describe('the intrinsic typed-array accessors', () => {
  it('read the truth whatever the instance claims', () => {
    const array = liar(3);
    expect(array.length).toBe(1e6);
    expect(typedArrayLength(array)).toBe(3);
    expect(typedArrayByteOffset(array)).toBe(8);
    expect(typedArrayBuffer(array).byteLength).toBe(64);
    expect(typedArrayByteLength(array)).toBe(12);
    expect(typedArrayTag(array)).toBe('Float32Array');
  });

  it('name no look-alike, Proxy or DataView as a typed array', () => {
    const tagged = new Int32Array(2);
    Object.defineProperty(tagged, Symbol.toStringTag, { value: 'Float32Array' });
    expect(isFloat32Array(tagged)).toBe(false);
    expect(typedArrayTag(new Proxy(new Float32Array(2), {}))).toBeUndefined();
    expect(typedArrayTag(new DataView(new ArrayBuffer(4)))).toBeUndefined();
    expect(typedArrayTag({ [Symbol.toStringTag]: 'Float32Array' })).toBeUndefined();
    expect(typedArrayTag(null)).toBeUndefined();
    expect(typedArrayTag(runInNewContext('new Float32Array(1)'))).toBe('Float32Array');
  });

  it('plainView views the same memory with the built-in prototype, pinned in length', () => {
    const buffer = new (ArrayBuffer as unknown as new (bytes: number, options: { maxByteLength: number }) => ArrayBuffer)(16, { maxByteLength: 64 });
    const tracking = new Float32Array(buffer);
    const view = plainView(tracking, 1, 3);
    expect(Object.getPrototypeOf(view)).toBe(Float32Array.prototype);
    view[0] = 7;
    expect(tracking[1]).toBe(7);
    (buffer as unknown as { resize(bytes: number): void }).resize(64);
    expect(tracking.length).toBe(16);
    expect(view.length).toBe(2);
    expect(plainView(liar(2))).toHaveLength(2);
  });

  it('plainView of a detached array is empty', () => {
    const array = new Float64Array(4);
    structuredClone(array.buffer, { transfer: [array.buffer] });
    expect(plainView(array)).toHaveLength(0);
  });

  it('copyInto runs the built-in set, never a subclass override', () => {
    let calls = 0;
    class Sneaky extends Float32Array {
      override set(...args: Parameters<Float32Array['set']>): void {
        calls++;
        super.set(...args);
      }
    }
    const target = new Sneaky(3);
    copyInto(target, new Float32Array([1, 2]), 1);
    expect(Array.from(target)).toEqual([0, 1, 2]);
    expect(calls).toBe(0);
  });

  it('keep reading the truth after Function.prototype.call and Reflect.apply are replaced', () => {
    const { call } = Function.prototype;
    const { apply } = Reflect;
    const target = new Float32Array(3);
    let result: unknown[];
    try {
      Function.prototype.call = () => 42;
      Reflect.apply = () => 42;
      copyInto(target, new Float32Array([5]), 2);
      result = [typedArrayLength(target), typedArrayByteLength(target), typedArrayTag(target), Array.from(target)];
    } finally {
      Function.prototype.call = call;
      Reflect.apply = apply;
    }
    expect(result).toEqual([3, 12, 'Float32Array', [0, 0, 5]]);
  });
});
