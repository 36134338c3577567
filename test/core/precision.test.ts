import { describe, expect, it } from 'vitest';
import { alphaInPrecision, precisionOf, roundingFor } from '../../src/core/precision.js';

describe('precisionOf(kind)', () => {
  it('is float32 for a Float32Array and float64 for every other kind', () => {
    expect(precisionOf('Float32Array')).toBe('float32');
    for (const kind of ['number', 'Array', 'Float64Array'] as const) expect(precisionOf(kind)).toBe('float64');
  });
});

describe('alphaInPrecision(alpha, precision)', () => {
  it('rounds the slope to float32 for float32 data only', () => {
    expect(alphaInPrecision(0.01, 'float32')).toBe(Math.fround(0.01));
    expect(alphaInPrecision(0.01, 'float64')).toBe(0.01);
  });

  it('keeps -0 as -0, and gives Infinity for a slope beyond float32', () => {
    expect(Object.is(alphaInPrecision(-0, 'float32'), -0)).toBe(true);
    expect(alphaInPrecision(1e300, 'float32')).toBe(Infinity);
    expect(alphaInPrecision(1e300, 'float64')).toBe(1e300);
  });
});

describe('roundingFor(precision)', () => {
  it('is Math.fround for float32 and leaves float64 values as they are', () => {
    expect(roundingFor('float32')(0.1)).toBe(Math.fround(0.1));
    expect(roundingFor('float64')(0.1)).toBe(0.1);
  });
});
