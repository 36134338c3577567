/**
 * The JavaScript fallback for runtimes without WebAssembly SIMD: the reference
 * loops rewritten without a data-dependent branch. On random signs the plain
 * `x >= 0 ? x : slope * x` mispredicts half its branches; indexing a two-entry
 * table with the comparison runs several times faster and is just as exact:
 *
 * - `factor[+(v >= 0)]` is `1` where the reference takes `v` and `slope` where
 *   it takes the slope branch (`NaN` included, since `NaN >= 0` is false);
 * - `v * 1` is exactly `v` in IEEE arithmetic, `-0`, infinities and
 *   subnormals included, and `NaN * slope` is `NaN`, as in the reference;
 * - for float32 data the table is a Float64Array holding `fround(alpha)` and
 *   the store rounds once, as the reference does.
 */
import type { FloatArray } from '../base/typed-array.js';
import type { TypedKernel } from './typed-kernel.js';

/** `[slope, 1]`, indexed by `+(x >= 0)`. Reused between calls: the loops never reenter. */
const factor = new Float64Array([0, 1]);

export const branchFreeKernel: TypedKernel = {
  forward(x: FloatArray, slope: number, out: FloatArray): void {
    factor[0] = slope;
    for (let i = 0, n = x.length; i < n; i++) {
      const v = x[i]!;
      out[i] = v * factor[+(v >= 0)]!;
    }
  },
  derivative(x: FloatArray, slope: number, out: FloatArray): void {
    factor[0] = slope;
    for (let i = 0, n = x.length; i < n; i++) out[i] = factor[+(x[i]! >= 0)]!;
  },
  backward(gradOutput: FloatArray, x: FloatArray, slope: number, out: FloatArray): void {
    factor[0] = slope;
    for (let i = 0, n = x.length; i < n; i++) out[i] = gradOutput[i]! * factor[+(x[i]! >= 0)]!;
  },
};
