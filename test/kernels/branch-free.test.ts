import { describe, expect, it } from 'vitest';
import { branchFreeKernel } from '../../src/kernels/branch-free.js';

describe('the branch-free JavaScript kernel', () => {
  it('forward multiplies by 1 or the slope: exact, -0 and NaN included', () => {
    const x = new Float64Array([-3, -0, 0, 2, NaN, -Infinity]);
    const out = new Float64Array(x.length);
    branchFreeKernel.forward(x, 0, out);
    expect(Array.from(out)).toEqual([-0, -0, 0, 2, NaN, NaN]);
    expect(Object.is(out[0], -0)).toBe(true);
  });

  it('derivative picks 1 on [0, ∞) and the slope elsewhere, NaN included', () => {
    const out = new Float32Array(4);
    branchFreeKernel.derivative(new Float32Array([-1, -0, NaN, 5]), Math.fround(0.1), out);
    expect(Array.from(out)).toEqual([Math.fround(0.1), 1, Math.fround(0.1), 1]);
  });

  it('backward rounds a float32 product once, as the reference does', () => {
    const out = new Float32Array(2);
    branchFreeKernel.backward(new Float32Array([3, 3]), new Float32Array([-1, 1]), Math.fround(0.1), out);
    expect(Array.from(out)).toEqual([Math.fround(Math.fround(0.1) * 3), 3]);
  });

  it('uses the slope of the current call only', () => {
    const x = new Float64Array([-1]);
    const out = new Float64Array(1);
    branchFreeKernel.forward(x, 0.5, out);
    branchFreeKernel.derivative(x, 0.25, out);
    expect(out[0]).toBe(0.25);
    branchFreeKernel.backward(new Float64Array([8]), x, 0.125, out);
    expect(out[0]).toBe(1);
  });
});
