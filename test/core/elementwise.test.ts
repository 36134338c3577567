import { describe, expect, it } from 'vitest';
import { readableInput } from '../../src/core/elementwise.js';

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
