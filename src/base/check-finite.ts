import { describeValue } from './describe-value.js';

/**
 * Checks that a value is a finite number, of any sign or size: a slope, a
 * bound, a range's endpoint.
 *
 * @throws {TypeError} when `value` is not a number.
 * @throws {RangeError} when `value` is `NaN` or infinite.
 */
export function checkFinite(value: unknown, name: string): number {
  if (typeof value !== 'number') {
    throw new TypeError(`${name} must be a number, got ${describeValue(value)}`);
  }
  if (!Number.isFinite(value)) {
    throw new RangeError(`${name} must be a finite number, got ${describeValue(value)}`);
  }
  return value;
}
