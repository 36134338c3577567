import { describe, expect, it } from 'vitest';
import { flushedProduct, flushedSum, flushInput } from '../../src/core/subnormals.js';

describe('the arithmetic of a CPU with flush-to-zero and denormals-are-zero', () => {
  it('flushInput reads a subnormal as a zero of its sign, and keeps the smallest normal', () => {
    expect(Object.is(flushInput(-1e-45, 'float32'), -0)).toBe(true);
    expect(Object.is(flushInput(1e-40, 'float32'), 0)).toBe(true);
    expect(flushInput(2 ** -126, 'float32')).toBe(2 ** -126);
    expect(flushInput(1e-40, 'float64')).toBe(1e-40);
    expect(Object.is(flushInput(-5e-324, 'float64'), -0)).toBe(true);
    expect(flushInput(NaN, 'float32')).toBeNaN();
    expect(Object.is(flushInput(-0, 'float64'), -0)).toBe(true);
  });

  it('flushedProduct flushes a float32 product that is tiny after rounding to 24 bits, and keeps one that rounds up to 2^-126', () => {
    const justBelowMidpoint = 2 ** -126 * (1 - 2 ** -25) * (1 - 2 ** -40);
    expect(Object.is(flushedProduct(-justBelowMidpoint, 1, 'float32'), -0)).toBe(true);
    expect(flushedProduct(2 ** -126 * (1 - 2 ** -25), 1, 'float32')).toBe(2 ** -126);
    expect(flushedProduct(Math.fround(0.3), Math.fround(-3.918314e-38), 'float32')).toBe(-0);
    expect(flushedProduct(3, 4, 'float32')).toBe(12);
    expect(flushedProduct(Math.fround(0.1), -3, 'float32')).toBe(Math.fround(Math.fround(0.1) * -3));
  });

  it('flushedProduct tests a float64 product for tininess exactly, on the unrounded significand', () => {
    expect(Object.is(flushedProduct(-1e-300, 1e-10, 'float64'), -0)).toBe(true);
    expect(Object.is(flushedProduct(-1e-300, -1e-300, 'float64'), 0)).toBe(true);
    // Just above 2^-1022 is kept; 2^-1022 * (1 - 2^-53), exact and below it, is tiny.
    expect(flushedProduct(2 ** -1022 * (1 + 2 ** -52), 1 - 2 ** -53, 'float64')).toBe(2 ** -1022);
    expect(Object.is(flushedProduct(2 ** -1022, 1 - 2 ** -53, 'float64'), 0)).toBe(true);
    expect(flushedProduct(Infinity, 0, 'float64')).toBeNaN();
    expect(flushedProduct(2, 3, 'float64')).toBe(6);
  });

  it('flushedSum reads subnormal operands as zeros: g + 0 is +0 for a subnormal g, and -0 + +0 is +0', () => {
    expect(Object.is(flushedSum(-1e-45, 0, 'float32'), 0)).toBe(true);
    expect(Object.is(flushedSum(-0, 0, 'float64'), 0)).toBe(true);
    expect(Object.is(flushedSum(-0, -0, 'float64'), -0)).toBe(true);
    expect(flushedSum(1.5, 0, 'float32')).toBe(1.5);
  });
});
