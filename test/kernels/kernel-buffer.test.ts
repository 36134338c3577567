import { afterEach, describe, expect, it, vi } from 'vitest';
import { allocFloat32, allocFloat64, leakyRelu } from 'leaky-relu';
import { kernelInstance } from '../../src/kernels/wasm.js';

const memoryBuffer = (): ArrayBufferLike => kernelInstance().exports.memory.buffer;

describe('allocFloat32(length) and allocFloat64(length)', () => {
  it('allocFloat32(n) holds a Float32Array of n zeros that lives in the kernel memory', () => {
    const buffer = allocFloat32(5);
    expect(buffer.array).toEqual(new Float32Array(5));
    expect(buffer.length).toBe(5);
    expect(buffer.array.buffer).toBe(memoryBuffer());
    expect(buffer.array.byteOffset % 64).toBe(0);
    buffer.free();
  });

  it('allocFloat64(n) holds a Float64Array of n zeros that lives in the kernel memory', () => {
    const buffer = allocFloat64(3);
    expect(buffer.array).toEqual(new Float64Array(3));
    expect(buffer.array.buffer).toBe(memoryBuffer());
    buffer.free();
  });

  it('gives zeros even where a freed buffer left values', () => {
    const first = allocFloat32(64);
    first.array.fill(7);
    first.free();
    const second = allocFloat32(64);
    expect(second.array).toEqual(new Float32Array(64));
    second.free();
  });

  it('keeps `array` live when the memory grows, with the values, while earlier views detach', () => {
    const buffer = allocFloat32(4);
    buffer.array.set([1, -2, 3, -4]);
    const earlier = buffer.array;
    const large = allocFloat32(memoryBuffer().byteLength / 4);
    expect(earlier.length).toBe(0);
    expect(Array.from(buffer.array)).toEqual([1, -2, 3, -4]);
    expect(Array.from(leakyRelu(buffer.array, 0.5, { out: buffer.array }))).toEqual([1, -1, 3, -2]);
    large.free();
    buffer.free();
  });

  it('free() marks the buffer freed, after which `array` throws, and a second free() does nothing', () => {
    const buffer = allocFloat64(2);
    expect(buffer.freed).toBe(false);
    buffer.free();
    buffer.free();
    expect(buffer.freed).toBe(true);
    expect(() => buffer.array).toThrow(new TypeError('this buffer was freed; allocate another with allocFloat64'));
  });

  it('allocFloat32(0) is an empty buffer', () => {
    const buffer = allocFloat32(0);
    expect(buffer.array).toEqual(new Float32Array(0));
    buffer.free();
  });

  it.each([
    ['3', new TypeError('length must be a number, got "3" (string)')],
    [undefined, new TypeError('length must be a number, got undefined')],
    [-1, new RangeError('length must be a non-negative integer, got -1')],
    [1.5, new RangeError('length must be a non-negative integer, got 1.5')],
    [NaN, new RangeError('length must be a non-negative integer, got NaN')],
    [Infinity, new RangeError('length must be a non-negative integer, got Infinity')],
    [2 ** 30, new RangeError("length is too large for the kernel's memory (4 GiB in all), got 1073741824")],
  ])('allocFloat32(%s) throws %s', (length, error) => {
    expect(() => allocFloat32(length as number)).toThrow(error);
    expect(() => allocFloat32(length as number)).toThrow(error.constructor as typeof Error);
  });
});

describe('allocFloat32(length) without WebAssembly SIMD', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it('holds an ordinary Float32Array, with the same API', async () => {
    vi.stubGlobal('WebAssembly', undefined);
    vi.resetModules();
    const { allocFloat32: allocate } = await import('../../src/kernels/kernel-buffer.js');
    const buffer = allocate(3);
    expect(buffer.array).toEqual(new Float32Array(3));
    expect(buffer.array.buffer.byteLength).toBe(12);
    buffer.free();
    expect(buffer.freed).toBe(true);
    expect(() => buffer.array).toThrow(TypeError);
  });
});
