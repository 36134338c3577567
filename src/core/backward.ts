import { backwardInto } from '../kernels/dispatch.js';
import { mapPairsInto } from '../kernels/reference.js';
import { roundingFor } from './precision.js';
import { runElementwise, type ElementwiseOp } from './elementwise.js';
import type { NumericInput, NumericOutput, SameKindAs } from '../base/numeric-array.js';
import type { OptionsFor } from './op-options.js';

const backward: ElementwiseOp<2> = {
  optionKeys: ['out', 'convention', 'subnormals'],
  atPoint: (convention, alpha, [gradOutput, x]) =>
    convention.backwardAt(gradOutput, x, convention.gradientSlope(alpha, 'float64'), roundingFor('float64')),
  intoArray: (convention, alpha, precision, [gradOutput, x], out) => {
    const slope = convention.gradientSlope(alpha, precision);
    if (convention.gradientMatchesSpec) backwardInto(gradOutput, x, slope, out);
    else mapPairsInto(gradOutput, x, out, (g, v) => convention.backwardAt(g, v, slope, roundingFor(precision)));
  },
};

/**
 * The backward pass of Leaky ReLU: the gradient with respect to `x`, given
 * the gradient with respect to the output. It is
 * `gradOutput * leakyReluDerivative(x, alpha)` elementwise, with the spec's
 * derivative 1 at 0; a `NaN` in `x` takes the `alpha` branch, a `NaN` in
 * `gradOutput` propagates, and a `Float32Array` is computed in float32,
 * `fround(fround(alpha) * g)`, as PyTorch does. [Errors](/errors) lists what
 * a bad argument throws.
 *
 * ```text
 * leakyReluBackward(g, x) = g        if x >= 0
 *                           alpha*g  otherwise
 * ```
 *
 * @param gradOutput - The gradient with respect to the output: `x`'s kind and length.
 * @param x - The forward's input: a number, or a `number[]`, `Float32Array` or `Float64Array`.
 * @param alpha - The slope for negative inputs: any finite number. Default `0.01`.
 * @param options - `out`: an array of `x`'s kind and length to write into (it may be `gradOutput` or `x`); `convention`, `subnormals`: see [Conventions](/conventions).
 * @returns The gradient with respect to `x`, of `x`'s kind.
 *
 * @example
 * ```ts
 * import { leakyReluBackward } from 'leaky-relu';
 *
 * leakyReluBackward(10, -3) //=> 0.1
 * leakyReluBackward([1, 1, 1], [-1, 0, 1], 0.5) //=> [ 0.5, 1, 1 ]
 * leakyReluBackward([1, 1], [-1, 0, 1]) //=> throws RangeError: gradOutput must have length 3 like x, got length 2
 * ```
 */
export function leakyReluBackward<T extends NumericInput>(
  gradOutput: SameKindAs<T>,
  x: T,
  alpha?: number,
  options?: OptionsFor<T>,
): NumericOutput<T> {
  return runElementwise(backward, x, [[gradOutput, 'gradOutput']], alpha, options) as NumericOutput<T>;
}
