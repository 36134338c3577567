/**
 * The seam between the ops and the kernels. The ops call these after checking
 * their arguments (every array against the kernel memories too, in
 * core/validate.ts), with the slope already in the data's precision (see
 * core/precision.ts); this is the one place that decides which kernel runs:
 * the reference loops for `number[]`, and for typed arrays the kernel that
 * select.ts picks.
 */
import { isFloat32Array, isFloat64Array, typedArrayLength } from '../base/typed-array.js';
import {
  leakyReluBackwardLoop,
  leakyReluDerivativeLoop,
  leakyReluLoop,
  type WritableNumbers,
} from './reference.js';
import { kernelFor } from './select.js';
import type { FloatArray } from '../base/typed-array.js';
import type { TypedKernel } from './typed-kernel.js';

/**
 * The fast kernel for `x`, or `undefined` for the reference loop. The ops
 * have checked that the other arrays are of `x`'s kind and length.
 */
function typedKernel(x: ArrayLike<number>): TypedKernel | undefined {
  return isFloat32Array(x) || isFloat64Array(x) ? kernelFor(typedArrayLength(x)) : undefined;
}

/** Writes the forward of `x` into `out`. */
export function forwardInto(x: ArrayLike<number>, slope: number, out: WritableNumbers): void {
  const kernel = typedKernel(x);
  if (kernel) kernel.forward(x as FloatArray, slope, out as FloatArray);
  else leakyReluLoop(x, slope, out);
}

/** Writes the derivative at `x` into `out`. */
export function derivativeInto(x: ArrayLike<number>, slope: number, out: WritableNumbers): void {
  const kernel = typedKernel(x);
  if (kernel) kernel.derivative(x as FloatArray, slope, out as FloatArray);
  else leakyReluDerivativeLoop(x, slope, out);
}

/** Writes `gradOutput` times the derivative at `x` into `out`. */
export function backwardInto(
  gradOutput: ArrayLike<number>,
  x: ArrayLike<number>,
  slope: number,
  out: WritableNumbers,
): void {
  const kernel = typedKernel(x);
  if (kernel) kernel.backward(gradOutput as FloatArray, x as FloatArray, slope, out as FloatArray);
  else leakyReluBackwardLoop(gradOutput, x, slope, out);
}
