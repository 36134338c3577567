/**
 * The seam between the ops and the kernels. The ops call these after checking
 * their arguments; this is the one place that decides the slope's precision
 * and which kernel runs.
 */
import { isFloat32Array } from '../core/validate.js';
import {
  leakyReluBackwardLoop,
  leakyReluDerivativeLoop,
  leakyReluLoop,
  type WritableNumbers,
} from './js.js';

/** The arrays the kernels run on, once checked. */
export type KernelArray = number[] | Float32Array | Float64Array;

/**
 * The slope as the data's precision holds it. For float32 data this is
 * `fround(alpha)`: the product of two float32 values is exact in float64, so
 * storing `fround(alpha) * x` into a Float32Array rounds once, which is
 * `fround(fround(alpha) * x)`, as PyTorch and NumPy compute it.
 */
export function slopeFor(data: ArrayLike<number>, alpha: number): number {
  return isFloat32Array(data) ? Math.fround(alpha) : alpha;
}

/** Writes the forward of `x` into `out`. */
export function forwardInto(x: ArrayLike<number>, alpha: number, out: WritableNumbers): void {
  leakyReluLoop(x, slopeFor(x, alpha), out);
}

/** Writes the derivative at `x` into `out`. */
export function derivativeInto(x: ArrayLike<number>, alpha: number, out: WritableNumbers): void {
  leakyReluDerivativeLoop(x, slopeFor(x, alpha), out);
}

/** Writes `gradOutput` times the derivative at `x` into `out`. */
export function backwardInto(
  gradOutput: ArrayLike<number>,
  x: ArrayLike<number>,
  alpha: number,
  out: WritableNumbers,
): void {
  leakyReluBackwardLoop(gradOutput, x, slopeFor(x, alpha), out);
}
