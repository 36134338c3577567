/**
 * The seam between the ops and the kernels. The ops call these after checking
 * their arguments; this is the one place that decides the slope's precision
 * and which kernel runs: the reference loops for numbers and `number[]`, and
 * for typed arrays the kernel that select.ts picks.
 */
import { isFloat32Array, isFloat64Array, typedArrayLength } from '../core/typed-array.js';
import {
  leakyReluBackwardLoop,
  leakyReluDerivativeLoop,
  leakyReluLoop,
  type WritableNumbers,
} from './js.js';
import { checkKernelView } from './kernel-views.js';
import { kernelFor } from './select.js';
import type { FloatArray, TypedKernel } from './typed-kernel.js';

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

/**
 * The fast kernel for `x`, or `undefined` for the reference loop. The ops
 * have checked that the other arrays are of `x`'s kind and length.
 */
function typedKernel(x: ArrayLike<number>): TypedKernel | undefined {
  return isFloat32Array(x) || isFloat64Array(x) ? kernelFor(typedArrayLength(x)) : undefined;
}

/** Writes the forward of `x` into `out`. */
export function forwardInto(x: ArrayLike<number>, alpha: number, out: WritableNumbers): void {
  checkKernelView(x, 'x');
  checkKernelView(out, 'options.out');
  const slope = slopeFor(x, alpha);
  const kernel = typedKernel(x);
  if (kernel) kernel.forward(x as FloatArray, slope, out as FloatArray);
  else leakyReluLoop(x, slope, out);
}

/** Writes the derivative at `x` into `out`. */
export function derivativeInto(x: ArrayLike<number>, alpha: number, out: WritableNumbers): void {
  checkKernelView(x, 'x');
  checkKernelView(out, 'options.out');
  const slope = slopeFor(x, alpha);
  const kernel = typedKernel(x);
  if (kernel) kernel.derivative(x as FloatArray, slope, out as FloatArray);
  else leakyReluDerivativeLoop(x, slope, out);
}

/** Writes `gradOutput` times the derivative at `x` into `out`. */
export function backwardInto(
  gradOutput: ArrayLike<number>,
  x: ArrayLike<number>,
  alpha: number,
  out: WritableNumbers,
): void {
  checkKernelView(gradOutput, 'gradOutput');
  checkKernelView(x, 'x');
  checkKernelView(out, 'options.out');
  const slope = slopeFor(x, alpha);
  const kernel = typedKernel(x);
  if (kernel) kernel.backward(gradOutput as FloatArray, x as FloatArray, slope, out as FloatArray);
  else leakyReluBackwardLoop(gradOutput, x, slope, out);
}
