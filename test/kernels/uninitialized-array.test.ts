import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FloatArrayConstructor } from '../../src/kernels/kernel-buffer.js';
import { uninitializedArray } from '../../src/kernels/uninitialized-array.js';

describe('uninitializedArray(type, length)', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('is a plain typed array of the length asked, alone in its own buffer at offset 0', () => {
    for (const type of [Float32Array, Float64Array] as FloatArrayConstructor<Float32Array | Float64Array>[]) {
      for (const length of [0, 1, 7, 1000, 100_000]) {
        const array = uninitializedArray(type, length);
        expect(Object.getPrototypeOf(array)).toBe(type.prototype);
        expect([array.length, array.byteOffset, array.buffer.byteLength]).toEqual([length, 0, length * type.BYTES_PER_ELEMENT]);
        expect(array.buffer).toBeInstanceOf(ArrayBuffer);
      }
    }
  });

  it('takes unzeroed memory from Node’s Buffer.allocUnsafeSlow, never from its shared pool', () => {
    const allocUnsafeSlow = vi.spyOn(Buffer, 'allocUnsafeSlow');
    const allocUnsafe = vi.spyOn(Buffer, 'allocUnsafe');
    uninitializedArray(Float32Array, 10);
    expect(allocUnsafeSlow).toHaveBeenCalledWith(40);
    expect(allocUnsafe).not.toHaveBeenCalled();
  });

  it('is an ordinary zeroed array where there is no Buffer, as in a browser', async () => {
    // Hidden only while the module loads, which is when it looks: the test runner itself needs Buffer.
    const { Buffer: nodeBuffer } = globalThis;
    vi.resetModules();
    Reflect.deleteProperty(globalThis, 'Buffer');
    const loading = import('../../src/kernels/uninitialized-array.js');
    const { uninitializedArray: fresh } = await loading.finally(() => Object.assign(globalThis, { Buffer: nodeBuffer }));
    const allocUnsafeSlow = vi.spyOn(Buffer, 'allocUnsafeSlow');
    expect(Array.from(fresh(Float64Array, 3))).toEqual([0, 0, 0]);
    expect(allocUnsafeSlow).not.toHaveBeenCalled();
  });
});
