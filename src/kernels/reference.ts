/**
 * The reference loops: the plain statement of each formula over an array.
 * Every faster kernel must agree with these bit for bit; they are the oracle
 * of the conformance tests.
 *
 * A loop only loops: its caller has checked the arguments, chosen the slope's
 * precision and made sure `out` does not partly overlap an input.
 */

/** An array a loop can write into. */
export interface WritableNumbers {
  [index: number]: number;
  readonly length: number;
}

/**
 * The forward at one point. `v >= 0` is false for `NaN`, so `NaN` takes the
 * slope branch and stays `NaN`; it is true for `-0`, which is returned as is.
 */
export function leakyReluAt(v: number, negativeSlope: number): number {
  return v >= 0 ? v : negativeSlope * v;
}

/** The derivative at one point: 1 on `[0, ∞)`, the slope elsewhere, `NaN` included. */
export function leakyReluDerivativeAt(v: number, negativeSlope: number): number {
  return v >= 0 ? 1 : negativeSlope;
}

/** The backward at one point: the incoming gradient times the derivative. */
export function leakyReluBackwardAt(gradient: number, v: number, negativeSlope: number): number {
  // Multiplying by 1 would be exact anyway; returning `gradient` keeps a NaN's payload.
  return v >= 0 ? gradient : gradient * negativeSlope;
}

/** `out[i] = leakyReluAt(x[i])` for every i. */
export function leakyReluLoop(x: ArrayLike<number>, negativeSlope: number, out: WritableNumbers): void {
  for (let i = 0, n = x.length; i < n; i++) out[i] = leakyReluAt(x[i]!, negativeSlope);
}

/** `out[i] = leakyReluDerivativeAt(x[i])` for every i. */
export function leakyReluDerivativeLoop(
  x: ArrayLike<number>,
  negativeSlope: number,
  out: WritableNumbers,
): void {
  for (let i = 0, n = x.length; i < n; i++) out[i] = leakyReluDerivativeAt(x[i]!, negativeSlope);
}

/** `out[i] = leakyReluBackwardAt(gradOutput[i], x[i])` for every i. */
export function leakyReluBackwardLoop(
  gradOutput: ArrayLike<number>,
  x: ArrayLike<number>,
  negativeSlope: number,
  out: WritableNumbers,
): void {
  for (let i = 0, n = x.length; i < n; i++) {
    out[i] = leakyReluBackwardAt(gradOutput[i]!, x[i]!, negativeSlope);
  }
}

/** `out[i] = at(x[i])` for every i: the loop for rules with no fast kernel. */
export function mapInto(x: ArrayLike<number>, out: WritableNumbers, at: (v: number) => number): void {
  for (let i = 0, n = x.length; i < n; i++) out[i] = at(x[i]!);
}

/** `out[i] = at(gradOutput[i], x[i])` for every i. */
export function mapPairsInto(
  gradOutput: ArrayLike<number>,
  x: ArrayLike<number>,
  out: WritableNumbers,
  at: (gradient: number, v: number) => number,
): void {
  for (let i = 0, n = x.length; i < n; i++) out[i] = at(gradOutput[i]!, x[i]!);
}
