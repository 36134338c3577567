import { mapInto } from '../kernels/js.js';
import { runElementwise, type ElementwiseOp } from './elementwise.js';
import { checkInput, checkSlope, describeValue, type OutOption, type NumericInput, type NumericOutput, type OutOptionFor } from './validate.js';

const inverseAt = (y: number, divisor: number): number => (y >= 0 ? y : y / divisor);

const inverse: ElementwiseOp = {
  optionKeys: ['out'],
  checkAlpha: checkInvertible,
  atPoint: (_convention, alpha, [y]) => inverseAt(y!, alpha),
  intoArray: (_convention, alpha, precision, [y], out) => {
    const divisor = precision === 'float32' ? Math.fround(alpha) : alpha;
    mapInto(y!, out, (value) => inverseAt(value, divisor));
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
export function leakyReluInverse(y: number, alpha?: number, options?: OutOption<never>): number;
export function leakyReluInverse(y: Float32Array, alpha?: number, options?: OutOption<Float32Array>): Float32Array;
export function leakyReluInverse(y: Float64Array, alpha?: number, options?: OutOption<Float64Array>): Float64Array;
export function leakyReluInverse(y: readonly number[], alpha?: number, options?: OutOption<number[]>): number[];
export function leakyReluInverse<T extends NumericInput>(y: T, alpha?: number, options?: OutOptionFor<T>): NumericOutput<T>;
export function leakyReluInverse(y: NumericInput, alpha?: unknown, options?: unknown): number | number[] | Float32Array | Float64Array {
  return runElementwise(inverse, y, [], alpha, options);
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
  const slope = checkSlope(alpha, 'alpha');
  checkInvertible(slope);
  const logSlope = Math.log(slope);
  const values: ArrayLike<number> = kind === 'number' ? [x as number] : (x as ArrayLike<number>);
  let negatives = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    if (Number.isNaN(value)) return NaN;
    if (value < 0) negatives++;
  }
  return negatives === 0 ? 0 : negatives * logSlope;
}

function checkInvertible(alpha: number): void {
  if (!(alpha > 0)) {
    throw new RangeError(`alpha must be above 0 for Leaky ReLU to be invertible, got ${describeValue(alpha)}`);
  }
}
