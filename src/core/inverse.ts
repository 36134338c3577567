import { slopeFor } from '../kernels/dispatch.js';
import { runElementwise, type ElementwiseOp } from './elementwise.js';
import { checkInput, checkSlope, describeValue, type ArrayOptions, type NumericInput, type NumericOutput, type OptionsFor } from './validate.js';

const inverse: ElementwiseOp = {
  atPoint: (slope, [y]) => (y! >= 0 ? y! : y! / slope),
  intoArray: (slope, [y], out) => {
    const divisor = slopeFor(y!, slope);
    for (let i = 0; i < y!.length; i++) out[i] = y![i]! >= 0 ? y![i]! : y![i]! / divisor;
  },
};

/**
 * The inverse of Leaky ReLU, for `alpha > 0`, where Leaky ReLU is a bijection
 * of the real line: what normalizing flows use to run a layer backwards.
 *
 * ```text
 * leakyReluInverse(y) = y          if y >= 0
 *                       y / alpha  otherwise
 * ```
 *
 * `-0` maps to `-0` and `NaN` to `NaN`. A `Float32Array` is computed in
 * float32: `fround(y / fround(alpha))`. The round trip
 * `leakyReluInverse(leakyRelu(x, alpha), alpha)` gives `x` back exactly when
 * `alpha` is a power of two (and no product leaves the normal range), and to
 * within one unit in the last place otherwise.
 *
 * @param y - A number, or a `number[]`, `Float32Array` or `Float64Array`.
 * @param alpha - The forward's slope: a finite number above 0. Default `0.01`.
 * @param options - `out`: an array of `y`'s kind and length to write into (it may be `y`).
 * @returns A result of `y`'s kind.
 * @throws {TypeError} when `y` or `alpha` is of the wrong type.
 * @throws {RangeError} when `alpha` is not a finite number above 0.
 *
 * @example
 * ```ts
 * import { leakyRelu, leakyReluInverse } from 'leaky-relu';
 *
 * leakyReluInverse(-0.5, 0.25) //=> -2
 * leakyReluInverse(leakyRelu([-3, 4], 0.5), 0.5) //=> [ -3, 4 ]
 * leakyReluInverse(1, 0) //=> throws RangeError: alpha must be above 0 for Leaky ReLU to be invertible, got 0
 * ```
 */
export function leakyReluInverse(y: number, alpha?: number, options?: ArrayOptions<never>): number;
export function leakyReluInverse(y: Float32Array, alpha?: number, options?: ArrayOptions<Float32Array>): Float32Array;
export function leakyReluInverse(y: Float64Array, alpha?: number, options?: ArrayOptions<Float64Array>): Float64Array;
export function leakyReluInverse(y: readonly number[], alpha?: number, options?: ArrayOptions<number[]>): number[];
export function leakyReluInverse<T extends NumericInput>(y: T, alpha?: number, options?: OptionsFor<T>): NumericOutput<T>;
export function leakyReluInverse(y: NumericInput, alpha: unknown = 0.01, options?: unknown): number | number[] | Float32Array | Float64Array {
  return runElementwise(inverse, y, [], checkPositiveSlope(alpha), options);
}

/**
 * The log of the absolute determinant of Leaky ReLU's Jacobian at `x`: the
 * term a normalizing flow adds to the log-likelihood for this layer. The
 * Jacobian is diagonal, with the derivative on the diagonal.
 *
 * ```text
 * log|det J(x)| = Σ log|leakyReluDerivative(x[i])| = (number of x[i] < 0) · log(alpha)
 * ```
 *
 * Elements at 0 count as non-negative (derivative 1), as in the spec; a
 * `NaN` element gives `NaN`.
 *
 * @param x - The forward's input: a number or an array of numbers.
 * @param alpha - The slope: a finite number above 0. Default `0.01`.
 * @returns The sum over the elements, a number.
 * @throws {TypeError} when `x` or `alpha` is of the wrong type.
 * @throws {RangeError} when `alpha` is not a finite number above 0.
 *
 * @example
 * ```ts
 * import { leakyReluLogAbsDetJacobian } from 'leaky-relu';
 *
 * leakyReluLogAbsDetJacobian([-1, -2, 3], 0.5) //=> -1.3862943611198906
 * leakyReluLogAbsDetJacobian(5) //=> 0
 * ```
 */
export function leakyReluLogAbsDetJacobian(x: NumericInput, alpha = 0.01): number {
  const kind = checkInput(x, 'x');
  const logSlope = Math.log(checkPositiveSlope(alpha));
  const values: ArrayLike<number> = kind === 'number' ? [x as number] : (x as ArrayLike<number>);
  let negatives = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    if (Number.isNaN(value)) return NaN;
    if (value < 0) negatives++;
  }
  return negatives === 0 ? 0 : negatives * logSlope;
}

function checkPositiveSlope(alpha: unknown): number {
  const slope = checkSlope(alpha, 'alpha');
  if (!(slope > 0)) {
    throw new RangeError(`alpha must be above 0 for Leaky ReLU to be invertible, got ${describeValue(slope)}`);
  }
  return slope;
}
