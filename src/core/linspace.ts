import { checkFinite } from '../base/check-finite.js';
import { describeValue } from '../base/describe-value.js';

/**
 * `num` evenly spaced numbers from `start` to `stop`, both included: NumPy's
 * `numpy.linspace(start, stop, num)`, bit for bit.
 *
 * ```text
 * step = (stop - start) / (num - 1)
 * y[i] = i * step + start, and y[num - 1] = stop
 * ```
 *
 * NumPy's order of operations is kept: the step is divided once and each
 * point is `i * step + start`, with the last point set to `stop` exactly.
 * When the step underflows to 0 (a subnormal range), NumPy computes
 * `(i / (num - 1)) * (stop - start) + start` instead, and so does this. With
 * `num = 1` the result is `[start]`; with `num = 0` it is empty.
 *
 * @param start - The first value: a finite number.
 * @param stop - The last value: a finite number. It may be below `start`.
 * @param num - How many values: a whole number, 0 or more. Default 50, as in NumPy.
 * @returns A new Float64Array of length `num`.
 * @throws {TypeError} when an argument is not a number.
 * @throws {RangeError} when `start` or `stop` is not finite, or `num` is not a whole number ≥ 0.
 *
 * @example
 * ```ts
 * import { linspace } from 'leaky-relu';
 *
 * linspace(0, 1, 5) //=> Float64Array(5) [ 0, 0.25, 0.5, 0.75, 1 ]
 * linspace(-10, 10, 100)[1] //=> -9.797979797979798
 * linspace(3, 7, 1) //=> Float64Array(1) [ 3 ]
 * linspace(0, 1, 2.5) //=> throws RangeError: num must be a whole number, 0 or more, got 2.5
 * ```
 */
export function linspace(start: number, stop: number, num = 50): Float64Array {
  checkFinite(start, 'start');
  checkFinite(stop, 'stop');
  if (typeof num !== 'number') throw new TypeError(`num must be a number, got ${describeValue(num)}`);
  if (!Number.isSafeInteger(num) || num < 0) {
    throw new RangeError(`num must be a whole number, 0 or more, got ${describeValue(num)}`);
  }
  const values = new Float64Array(num);
  const divisions = num - 1;
  const delta = stop - start;
  if (divisions > 0) {
    const step = delta / divisions;
    // numpy/_core/function_base.py: a step that underflows to 0 (gh-5437)
    // is replaced by dividing the index first, then scaling by the range.
    if (step === 0) {
      for (let i = 0; i < num; i++) values[i] = (i / divisions) * delta + start;
    } else {
      for (let i = 0; i < num; i++) values[i] = i * step + start;
    }
    values[divisions] = stop;
  } else if (num === 1) {
    values[0] = 0 * delta + start;
  }
  return values;
}
