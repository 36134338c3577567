import { describe, expect, it } from 'vitest';
import { leakyRelu, leakyReluBackward } from 'leaky-relu';
import { readableInput } from '../../src/core/elementwise.js';
import { sameValues } from '../support/values.js';

describe('readableInput(input, out)', () => {
  it('reads in place when out is the input', () => {
    const x = new Float32Array(4);
    expect(readableInput(x, x)).toBe(x);
  });

  it('keeps an input that shares the buffer without overlapping', () => {
    const buffer = new Float64Array(8);
    const x = buffer.subarray(0, 4);
    expect(readableInput(x, buffer.subarray(4, 8))).toBe(x);
  });

  it('copies an input that overlaps out at a shift', () => {
    const buffer = new Float64Array([1, 2, 3, 4, 5]);
    const x = buffer.subarray(1, 5);
    const copy = readableInput(x, buffer.subarray(0, 4)) as Float64Array;
    expect(copy).not.toBe(x);
    expect(copy.buffer).not.toBe(buffer.buffer);
    expect(Array.from(copy)).toEqual([2, 3, 4, 5]);
  });

  it('keeps number[] inputs, which cannot share storage with another array', () => {
    const x = [1, 2];
    expect(readableInput(x, [0, 0])).toBe(x);
  });
});

describe('overlap through shared memory', () => {
  /** `length` values of both signs, some tiny, in a SharedArrayBuffer of one element more. */
  function sharedData(type: Float32ArrayConstructor | Float64ArrayConstructor, length: number): SharedArrayBuffer {
    const memory = new SharedArrayBuffer((length + 1) * type.BYTES_PER_ELEMENT);
    const values = new type(memory as unknown as ArrayBuffer);
    for (let index = 0; index <= length; index++) values[index] = ((index * 7919) % 1000) - 500 + index / (length + 1);
    return memory;
  }

  it.each([
    [Float32Array, 10],
    [Float32Array, 100_000],
    [Float64Array, 1_000_000],
  ] as const)('computes %o of %i elements into an out shifted by one over a structuredClone of the memory, as on copies', (type, length) => {
    const memory = sharedData(type, length);
    // structuredClone gives another SharedArrayBuffer object over the same memory, as postMessage does.
    const clone = structuredClone(memory);
    expect(clone).not.toBe(memory);
    const x = new type(memory as unknown as ArrayBuffer, 0, length);
    const out = new type(clone as unknown as ArrayBuffer, type.BYTES_PER_ELEMENT, length);
    const expected = leakyRelu(x.slice(), 0.01);
    leakyRelu(x, 0.01, { out: out as never });
    expect(sameValues(out, expected)).toBeUndefined();
  });

  it('computes a backward whose gradOutput meets out at a shift through a structuredClone, as on copies', () => {
    const length = 100_000;
    const memory = sharedData(Float32Array, length);
    const clone = structuredClone(memory);
    const gradOutput = new Float32Array(memory as unknown as ArrayBuffer, 4, length);
    const x = new Float32Array(length).map((_, index) => (index % 3) - 1);
    const out = new Float32Array(clone as unknown as ArrayBuffer, 0, length);
    const expected = leakyReluBackward(gradOutput.slice(), x, 0.01);
    leakyReluBackward(gradOutput, x, 0.01, { out });
    expect(sameValues(out, expected)).toBeUndefined();
  });

  it('copies an input on one SharedArrayBuffer that meets out on another at a shift, and leaves in-place and disjoint views alone', () => {
    const memory = new SharedArrayBuffer(64);
    const other = new SharedArrayBuffer(64);
    const x = new Float64Array(memory as unknown as ArrayBuffer, 8, 4);
    expect(readableInput(x, new Float64Array(other as unknown as ArrayBuffer, 0, 4))).not.toBe(x);
    expect(readableInput(x, new Float64Array(other as unknown as ArrayBuffer, 8, 4))).toBe(x);
    expect(readableInput(x, new Float64Array(other as unknown as ArrayBuffer, 40, 3))).toBe(x);
    // An ArrayBuffer is never another object's memory.
    const unshared = new Float64Array(4);
    expect(readableInput(unshared, new Float64Array(other as unknown as ArrayBuffer, 8, 4))).toBe(unshared);
  });
});
