import { forwardInto } from '../kernels/dispatch.js';
import { mapInto } from '../kernels/js.js';
import { runElementwise, type ElementwiseOp } from './elementwise.js';
import type { ArrayOptions, NumericInput, NumericOutput, OptionsFor } from './validate.js';

const forward: ElementwiseOp = {
  optionKeys: ['out', 'convention', 'subnormals'],
  atPoint: (convention, alpha, [x]) => convention.forwardAt(x!, convention.forwardSlope(alpha, 'float64')),
  intoArray: (convention, alpha, precision, [x], out) => {
    const slope = convention.forwardSlope(alpha, precision);
    if (convention.forwardMatchesSpec(slope)) forwardInto(x!, slope, out);
    else mapInto(x!, out, (v) => convention.forwardAt(v, slope));
  },
};

/**
 * Leaky ReLU, the spec's definition exactly.
 *
 * ```text
 * leakyRelu(x) = x       if x >= 0
 *                alpha*x  otherwise
 * ```
 *
 * The branch is `x >= 0`, so `-0` is returned as `-0`, `NaN` stays `NaN` and
 * `+Infinity` stays `+Infinity`. `-Infinity` gives `-Infinity` for
 * `alpha > 0`, `NaN` for `alpha = 0` (since `0 * -Infinity` is `NaN`) and
 * `+Infinity` for `alpha < 0`. A negative `x` with `alpha = 0` gives `-0`.
 *
 * A `Float32Array` is computed in float32, `fround(fround(alpha) * x)`, bit
 * for bit as PyTorch and NumPy compute float32 tensors; a `number`, a
 * `number[]` and a `Float64Array` are computed in float64. PyTorch branches on
 * `x > 0` instead: the values differ only in the sign of a zero, and only when
 * `alpha <= 0`.
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
export function leakyRelu(x: number, alpha?: number, options?: ArrayOptions<never>): number;
export function leakyRelu(x: Float32Array, alpha?: number, options?: ArrayOptions<Float32Array>): Float32Array;
export function leakyRelu(x: Float64Array, alpha?: number, options?: ArrayOptions<Float64Array>): Float64Array;
export function leakyRelu(x: readonly number[], alpha?: number, options?: ArrayOptions<number[]>): number[];
export function leakyRelu<T extends NumericInput>(x: T, alpha?: number, options?: OptionsFor<T>): NumericOutput<T>;
export function leakyRelu(
  x: NumericInput,
  alpha?: unknown,
  options?: unknown,
): number | number[] | Float32Array | Float64Array {
  return runElementwise(forward, x, [], alpha, options);
}
