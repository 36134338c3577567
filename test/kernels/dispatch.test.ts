import { describe, expect, it } from 'vitest';
import { backwardInto, derivativeInto, forwardInto, slopeFor } from '../../src/kernels/dispatch.js';

describe('the kernel dispatch', () => {
  it('rounds the slope to float32 for float32 data only', () => {
    expect(slopeFor(new Float32Array(1), 0.01)).toBe(Math.fround(0.01));
    expect(slopeFor(new Float64Array(1), 0.01)).toBe(0.01);
    expect(slopeFor([1], 0.01)).toBe(0.01);
  });

  it('writes float32 results that equal fround(fround(alpha) * x)', () => {
    const x = new Float32Array([-3, -7.5, 2]);
    const out = new Float32Array(3);
    forwardInto(x, 0.1, out);
    expect(Array.from(out)).toEqual(Array.from(x, (v) => (v >= 0 ? v : Math.fround(Math.fround(0.1) * v))));
    derivativeInto(x, 0.1, out);
    expect(Array.from(out)).toEqual([Math.fround(0.1), Math.fround(0.1), 1]);
    backwardInto(new Float32Array([3, 3, 3]), x, 0.1, out);
    expect(Array.from(out)).toEqual([Math.fround(Math.fround(0.1) * 3), Math.fround(Math.fround(0.1) * 3), 3]);
  });
});
