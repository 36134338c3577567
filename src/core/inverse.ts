import { checkFinite } from '../base/check-finite.js';
import { describeValue } from '../base/describe-value.js';
import type { NumericInput, NumericOutput } from '../base/numeric-array.js';
import { mapInto } from '../kernels/reference.js';
import { runElementwise, type ElementwiseOp } from './elementwise.js';
import type { OutOptionFor } from './op-options.js';
import { alphaInPrecision, type Precision } from './precision.js';
import { checkSlopeFor, readInput } from './validate.js';

const inverseAt = (y: number, divisor: number): number => (y >= 0 ? y : y / divisor);

const inverse: ElementwiseOp<1> = {
  optionKeys: ['out'],
  checkAlpha: checkInvertible,
  atPoint: (_convention, alpha, [y]) => inverseAt(y, alpha),
  intoArray: (_convention, alpha, precision, [y], out) => {
    const divisor = alphaInPrecision(alpha, precision);
    mapInto(y, out, (value) => inverseAt(value, divisor));
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
 * float32: `fround(y / fround(alpha))`. [Errors](/errors) lists what a bad
 * argument throws.
 *
 * The round trip `leakyReluInverse(leakyRelu(x, alpha), alpha)`, in the
 * data's precision, gives back:
 * - `x` itself for `x >= 0` (zeros, subnormals and `+Infinity` included),
 *   `-0`, `-Infinity` and `NaN`;
 * - for a negative finite `x` whose image `y = leakyRelu(x, alpha)` is a
 *   normal number (`|y|` at least 2⁻¹⁰²² in float64, 2⁻¹²⁶ in float32, and
 *   finite): `x` exactly when `alpha` (`fround(alpha)` in float32) is a
 *   power of two, and within one unit in the last place of `x` otherwise;
 * - nothing better than `y / alpha` where `y` is subnormal, zero or infinite:
 *   the forward's product underflowed or overflowed, and `x` is lost.
 *
 * @param y - A number, or a `number[]`, `Float32Array` or `Float64Array`.
 * @param alpha - The forward's slope: a finite number above 0 (in float32, for a `Float32Array`). Default `0.01`.
 * @param options - `out`: an array of `y`'s kind and length to write into (it may be `y`).
 * @returns A result of `y`'s kind.
 *
 * @example
 * ```ts
 * import { leakyRelu, leakyReluInverse } from 'leaky-relu';
 *
 * leakyReluInverse(-0.5, 0.25) //=> -2
 * leakyReluInverse(leakyRelu([-3, 4], 0.5), 0.5) //=> [ -3, 4 ]
 * leakyReluInverse(1, 0) //=> throws RangeError: alpha must be above 0 for Leaky ReLU to be invertible, got 0
 * leakyReluInverse(new Float32Array([-1]), 1e-46) //=> throws RangeError: alpha must be above 0 in float32 to invert a Float32Array, got 1e-46, which rounds to 0
 * ```
 */
export function leakyReluInverse<T extends NumericInput>(y: T, alpha?: number, options?: OutOptionFor<T>): NumericOutput<T> {
  return runElementwise(inverse, y, [], alpha, options) as NumericOutput<T>;
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
 * `NaN` element gives `NaN`. For a `Float32Array` the slope is the float32
 * one the layer multiplies by, `fround(alpha)`. `alpha` is checked as
 * {@link leakyReluInverse} checks it.
 *
 * @param x - The forward's input: a number or an array of numbers.
 * @param alpha - The slope: a finite number above 0 (in float32, for a `Float32Array`). Default `0.01`.
 * @returns The sum over the elements, a number.
 *
 * @example
 * ```ts
 * import { leakyReluLogAbsDetJacobian } from 'leaky-relu';
 *
 * leakyReluLogAbsDetJacobian([-1, -2, 3], 0.5) //=> -1.3862943611198906
 * leakyReluLogAbsDetJacobian(5) //=> 0
 * ```
 */
export function leakyReluLogAbsDetJacobian(x: NumericInput, alpha: number = 0.01): number {
  const input = readInput(x, 'x');
  const { precision } = input;
  const slope = checkSlopeFor(checkFinite(alpha, 'alpha'), 'alpha', precision);
  checkInvertible(slope, precision);
  const logSlope = Math.log(alphaInPrecision(slope, precision));
  const values: ArrayLike<number> = input.kind === 'number' ? [input.values as number] : (input.values as ArrayLike<number>);
  let negatives = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    if (Number.isNaN(value)) return NaN;
    if (value < 0) negatives++;
  }
  return negatives === 0 ? 0 : negatives * logSlope;
}

/** Leaky ReLU is a bijection only for a slope above 0, in the precision it is computed in. */
function checkInvertible(alpha: number, precision: Precision): void {
  if (!(alpha > 0)) {
    throw new RangeError(`alpha must be above 0 for Leaky ReLU to be invertible, got ${describeValue(alpha)}`);
  }
  if (!(alphaInPrecision(alpha, precision) > 0)) {
    throw new RangeError(`alpha must be above 0 in float32 to invert a Float32Array, got ${describeValue(alpha)}, which rounds to 0`);
  }
}
