import { afterEach, describe, expect, it } from 'vitest';
import { backwardInto, derivativeInto, forwardInto } from '../../src/kernels/dispatch.js';
import { forceKernel } from '../../src/kernels/select.js';

describe('the kernel dispatch', () => {
  it('writes float32 results that equal fround(fround(alpha) * x), given the slope in float32', () => {
    const x = new Float32Array([-3, -7.5, 2]);
    const out = new Float32Array(3);
    const slope = Math.fround(0.1);
    forwardInto(x, slope, out);
    expect(Array.from(out)).toEqual(Array.from(x, (v) => (v >= 0 ? v : Math.fround(Math.fround(0.1) * v))));
    derivativeInto(x, slope, out);
    expect(Array.from(out)).toEqual([Math.fround(0.1), Math.fround(0.1), 1]);
    backwardInto(new Float32Array([3, 3, 3]), x, slope, out);
    expect(Array.from(out)).toEqual([Math.fround(Math.fround(0.1) * 3), Math.fround(Math.fround(0.1) * 3), 3]);
  });

  describe('with a fast kernel forced', () => {
    afterEach(() => forceKernel(undefined));

    it('still runs number[] on the reference loop, which alone reads plain arrays', () => {
      forceKernel('wasm-simd');
      const out = [0, 0, 0];
      forwardInto([-2, -0, 3], 0.5, out);
      expect(out).toEqual([-1, -0, 3]);
      backwardInto([4, 4, 4], [-1, 0, 1], 0.5, out);
      expect(out).toEqual([2, 4, 4]);
    });

    it('hands Float32Array and Float64Array data to that kernel, with the slope in their precision', () => {
      for (const kernel of ['wasm-simd', 'branch-free'] as const) {
        forceKernel(kernel);
        const float32 = new Float32Array(2);
        derivativeInto(new Float32Array([-1, 1]), Math.fround(0.1), float32);
        expect(Array.from(float32)).toEqual([Math.fround(0.1), 1]);
        const float64 = new Float64Array(2);
        derivativeInto(new Float64Array([-1, 1]), 0.1, float64);
        expect(Array.from(float64)).toEqual([0.1, 1]);
      }
    });
  });
});
