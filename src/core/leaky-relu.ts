import { forwardInto } from '../kernels/dispatch.js';
import { mapInto } from '../kernels/reference.js';
import { runElementwise, type ElementwiseOp } from './elementwise.js';
import type { NumericInput, NumericOutput } from '../base/numeric-array.js';
import type { OptionsFor } from './op-options.js';

const forward: ElementwiseOp<1> = {
  optionKeys: ['out', 'convention', 'subnormals'],
  atPoint: (convention, alpha, [x]) => convention.forwardAt(x, convention.forwardSlope(alpha, 'float64')),
  intoArray: (convention, alpha, precision, [x], out) => {
    const slope = convention.forwardSlope(alpha, precision);
    if (convention.forwardMatchesSpec(slope)) forwardInto(x, slope, out);
    else mapInto(x, out, (v) => convention.forwardAt(v, slope));
  },
};

/**
 * Leaky ReLU, the spec's definition exactly: `x` is returned as is from `-0`
 * up, and multiplied by `alpha` below, in float32 for a `Float32Array`
 * (`fround(fround(alpha) * x)`, as PyTorch and NumPy) and in float64 otherwise.
 * [Semantics](/semantics) gives every special value; [Errors](/errors) what
 * a bad argument throws.
 *
 * ```text
 * leakyRelu(x) = x        if x >= 0
 *                alpha*x  otherwise
 * ```
 *
 * @param x - A number, or a `number[]`, `Float32Array` or `Float64Array`.
 * @param alpha - The slope for negative inputs: any finite number. Default `0.01`.
 * @param options - `out`: an array of `x`'s kind and length to write into (it may be `x`); `convention`, `subnormals`: see [Conventions](/conventions).
 * @returns A result of `x`'s kind: a number for a number, a new array (or `out`) for an array.
 *
 * @example
 * ```ts
 * import { leakyRelu } from 'leaky-relu';
 *
 * leakyRelu(-2) //=> -0.02
 * leakyRelu(3, 0.2) //=> 3
 * leakyRelu(-0) //=> -0
 * leakyRelu([-2, -1, 0, 1, 2], 0.01) //=> [ -0.02, -0.01, 0, 1, 2 ]
 * leakyRelu(new Float32Array([-1, 0.5])) //=> Float32Array(2) [ -0.009999999776482582, 0.5 ]
 * leakyRelu(1, NaN) //=> throws RangeError: alpha must be a finite number, got NaN
 * ```
 */
export function leakyRelu<T extends NumericInput>(x: T, alpha?: number, options?: OptionsFor<T>): NumericOutput<T> {
  return runElementwise(forward, x, [], alpha, options) as NumericOutput<T>;
}
