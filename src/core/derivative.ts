import { derivativeInto } from '../kernels/dispatch.js';
import { mapInto } from '../kernels/js.js';
import { roundingFor } from './conventions.js';
import { runElementwise, type ElementwiseOp } from './elementwise.js';
import type { ArrayOptions, NumericInput, NumericOutput, OptionsFor } from './validate.js';

const derivative: ElementwiseOp = {
  optionKeys: ['out', 'convention', 'subnormals'],
  atPoint: (convention, alpha, [x]) => convention.derivativeAt(x!, convention.gradientSlope(alpha, 'float64'), roundingFor('float64')),
  intoArray: (convention, alpha, precision, [x], out) => {
    const slope = convention.gradientSlope(alpha, precision);
    if (convention.gradientMatchesSpec) derivativeInto(x!, slope, out);
    else mapInto(x!, out, (v) => convention.derivativeAt(v, slope, roundingFor(precision)));
  },
};

/**
 * The derivative of Leaky ReLU, as the spec defines it.
 *
 * ```text
 * leakyReluDerivative(x) = 1      if x >= 0
 *                          alpha  otherwise
 * ```
 *
 * Leaky ReLU has no derivative at 0; the spec takes the right-hand one, 1, at
 * both `+0` and `-0`. PyTorch, TensorFlow and ONNX take `alpha` there. `NaN`
 * fails `x >= 0`, so its derivative is `alpha`, as in PyTorch. `+Infinity`
 * gives 1 and `-Infinity` gives `alpha`.
 *
 * For a `Float32Array` the slope is stored as `fround(alpha)`; a `number`, a
 * `number[]` and a `Float64Array` hold `alpha` itself.
 *
 * @param x - A number, or an array of numbers: `number[]`, `Float32Array` or `Float64Array`.
 * @param alpha - The slope for negative inputs: any finite number. Default `0.01`.
 * @param options - `out`: an array of `x`'s kind and length to write into (it may be `x`).
 * @returns A result of `x`'s kind: a number for a number, a new array (or `out`) for an array.
 * @throws {TypeError} when `x` is not a number or one of the array kinds, an
 *   element of a `number[]` is not a number, `alpha` is not a number, `out`
 *   is of another kind than `x`, or `options` is not an object, holds an
 *   unknown key or a `convention` that is not a string.
 * @throws {RangeError} when `alpha` is `NaN` or infinite (in float32, for a
 *   `Float32Array`), `out`'s length differs from `x`'s, or `convention` is
 *   not one of the names.
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
export function leakyReluDerivative(x: number, alpha?: number, options?: ArrayOptions<never>): number;
export function leakyReluDerivative(
  x: Float32Array,
  alpha?: number,
  options?: ArrayOptions<Float32Array>,
): Float32Array;
export function leakyReluDerivative(
  x: Float64Array,
  alpha?: number,
  options?: ArrayOptions<Float64Array>,
): Float64Array;
export function leakyReluDerivative(x: readonly number[], alpha?: number, options?: ArrayOptions<number[]>): number[];
export function leakyReluDerivative<T extends NumericInput>(x: T, alpha?: number, options?: OptionsFor<T>): NumericOutput<T>;
export function leakyReluDerivative(
  x: NumericInput,
  alpha?: unknown,
  options?: unknown,
): number | number[] | Float32Array | Float64Array {
  return runElementwise(derivative, x, [], alpha, options);
}
