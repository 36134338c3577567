import { derivativeInto } from '../kernels/dispatch.js';
import { mapInto } from '../kernels/reference.js';
import { roundingFor } from './precision.js';
import { runElementwise, type ElementwiseOp } from './elementwise.js';
import type { NumericInput, NumericOutput } from '../base/numeric-array.js';
import type { OptionsFor } from './op-options.js';

const derivative: ElementwiseOp<1> = {
  optionKeys: ['out', 'convention', 'subnormals'],
  atPoint: (convention, alpha, [x]) => convention.derivativeAt(x, convention.gradientSlope(alpha, 'float64'), roundingFor('float64')),
  intoArray: (convention, alpha, precision, [x], out) => {
    const slope = convention.gradientSlope(alpha, precision);
    if (convention.gradientMatchesSpec) derivativeInto(x, slope, out);
    else mapInto(x, out, (v) => convention.derivativeAt(v, slope, roundingFor(precision)));
  },
};

/**
 * The derivative of Leaky ReLU, as the spec defines it: 1 from `-0` up,
 * `alpha` below and at `NaN`. Leaky ReLU has no derivative at 0; the spec
 * takes the right-hand one, 1, at both zeros, where PyTorch, TensorFlow and
 * ONNX take `alpha`. A `Float32Array` holds the slope as `fround(alpha)`.
 * [Errors](/errors) lists what a bad argument throws.
 *
 * ```text
 * leakyReluDerivative(x) = 1      if x >= 0
 *                          alpha  otherwise
 * ```
 *
 * @param x - A number, or a `number[]`, `Float32Array` or `Float64Array`.
 * @param alpha - The slope for negative inputs: any finite number. Default `0.01`.
 * @param options - `out`: an array of `x`'s kind and length to write into (it may be `x`); `convention`, `subnormals`: see [Conventions](/conventions).
 * @returns A result of `x`'s kind: a number for a number, a new array (or `out`) for an array.
 *
 * @example
 * ```ts
 * import { leakyReluDerivative } from 'leaky-relu';
 *
 * leakyReluDerivative(-3) //=> 0.01
 * leakyReluDerivative(0) //=> 1
 * leakyReluDerivative(-0) //=> 1
 * leakyReluDerivative([-2, -1, 0, 1, 2], 0.2) //=> [ 0.2, 0.2, 1, 1, 1 ]
 * leakyReluDerivative(NaN) //=> 0.01
 * leakyReluDerivative(1, '0.1' as never) //=> throws TypeError: alpha must be a number, got "0.1" (string)
 * ```
 */
export function leakyReluDerivative<T extends NumericInput>(x: T, alpha?: number, options?: OptionsFor<T>): NumericOutput<T> {
  return runElementwise(derivative, x, [], alpha, options) as NumericOutput<T>;
}
