import { backwardInto } from '../kernels/dispatch.js';
import { mapPairsInto } from '../kernels/js.js';
import { roundingFor } from './conventions.js';
import { runElementwise, type ElementwiseOp } from './elementwise.js';
import type { ArrayOptions, NumericInput, NumericOutput, OptionsFor } from './validate.js';

const backward: ElementwiseOp = {
  optionKeys: ['out', 'convention', 'subnormals'],
  atPoint: (convention, alpha, [gradOutput, x]) =>
    convention.backwardAt(gradOutput!, x!, convention.gradientSlope(alpha, 'float64'), roundingFor('float64')),
  intoArray: (convention, alpha, precision, [gradOutput, x], out) => {
    const slope = convention.gradientSlope(alpha, precision);
    if (convention.gradientMatchesSpec) backwardInto(gradOutput!, x!, slope, out);
    else mapPairsInto(gradOutput!, x!, out, (g, v) => convention.backwardAt(g, v, slope, roundingFor(precision)));
  },
};

/**
 * The backward pass of Leaky ReLU: the gradient of the loss with respect to
 * `x`, given the gradient with respect to the output.
 *
 * ```text
 * leakyReluBackward(g, x) = g        if x >= 0
 *                           alpha*g  otherwise
 * ```
 *
 * It is `gradOutput * leakyReluDerivative(x, alpha)` elementwise, with the
 * spec's convention at 0 (the derivative there is 1). A `NaN` in `x` takes the
 * `alpha` branch; a `NaN` in `gradOutput` propagates. A `Float32Array` is
 * computed in float32, `fround(fround(alpha) * g)`, as PyTorch does.
 *
 * @param gradOutput - The gradient with respect to the output: `x`'s kind and length.
 * @param x - The forward's input: a number, a `number[]`, a `Float32Array` or a `Float64Array`.
 * @param alpha - The slope for negative inputs: any finite number. Default `0.01`.
 * @param options - `out`: an array of `x`'s kind and length to write into (it may be `gradOutput` or `x`).
 * @returns The gradient with respect to `x`, of `x`'s kind.
 * @throws {TypeError} when `x` or `gradOutput` is not a number or one of the
 *   array kinds, they differ in kind, an element of a `number[]` is not a
 *   number, `alpha` is not a number, or `out` is of another kind than `x`.
 *   An unknown option, or options that are not an object, are a `TypeError` too.
 * @throws {RangeError} when `alpha` is `NaN` or infinite (in float32, for a
 *   `Float32Array`), or `gradOutput`'s or `out`'s length differs from `x`'s.
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
export function leakyReluBackward(
  gradOutput: number,
  x: number,
  alpha?: number,
  options?: ArrayOptions<never>,
): number;
export function leakyReluBackward(
  gradOutput: Float32Array,
  x: Float32Array,
  alpha?: number,
  options?: ArrayOptions<Float32Array>,
): Float32Array;
export function leakyReluBackward(
  gradOutput: Float64Array,
  x: Float64Array,
  alpha?: number,
  options?: ArrayOptions<Float64Array>,
): Float64Array;
export function leakyReluBackward(
  gradOutput: readonly number[],
  x: readonly number[],
  alpha?: number,
  options?: ArrayOptions<number[]>,
): number[];
export function leakyReluBackward<T extends NumericInput>(
  gradOutput: NumericInput,
  x: T,
  alpha?: number,
  options?: OptionsFor<T>,
): NumericOutput<T>;
export function leakyReluBackward(
  gradOutput: unknown,
  x: unknown,
  alpha?: unknown,
  options?: unknown,
): number | number[] | Float32Array | Float64Array {
  return runElementwise(backward, x, [[gradOutput, 'gradOutput']], alpha, options);
}
