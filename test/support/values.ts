import { alphaInPrecision } from '../../src/core/precision.js';

/** Inputs every op is checked on, and the slopes they are checked with. */
export const SPECIAL_INPUTS = [0, -0, 1, -1, 0.5, -0.5, NaN, Infinity, -Infinity, Number.MIN_VALUE, -Number.MIN_VALUE, Number.MAX_VALUE, -Number.MAX_VALUE] as const;

export const SLOPES = [0.01, 0, -0.5, 2, 0.2, 1, -0] as const;

/** `Object.is` over two arrays, with the first differing index in the message. */
export function sameValues(actual: ArrayLike<number>, expected: ArrayLike<number>): string | undefined {
  if (actual.length !== expected.length) return `length ${actual.length} differs from ${expected.length}`;
  for (let index = 0; index < actual.length; index++) {
    if (!Object.is(actual[index], expected[index])) {
      return `at ${index}: ${String(actual[index])} differs from ${String(expected[index])}`;
    }
  }
  return undefined;
}

/** The slope the ops hand the kernels for data like `x`: `fround(alpha)` for a Float32Array. */
export function slopeFor(x: ArrayLike<number>, alpha: number): number {
  return alphaInPrecision(alpha, x instanceof Float32Array ? 'float32' : 'float64');
}
