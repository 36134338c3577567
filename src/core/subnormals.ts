/**
 * The arithmetic of a CPU that flushes subnormals, as TensorFlow and XLA (JAX)
 * run their CPU kernels on x86-64: MXCSR's denormals-are-zero (DAZ) reads a
 * subnormal operand as a zero of its sign, and flush-to-zero (FTZ) replaces a
 * result that is tiny after rounding (to the precision's significand, with an
 * unbounded exponent, as x86 detects tininess) by a zero of the result's sign.
 * Both apply to float32 and float64 alike.
 */
import { roundingFor, type Precision } from './precision.js';

const SMALLEST_NORMAL_FLOAT32 = 2 ** -126;
const SMALLEST_NORMAL_FLOAT64 = 2 ** -1022;
/**
 * The least float32 magnitude that rounds to 2^-126 on a 24-bit significand: the
 * midpoint between 2^-126 and its predecessor, which ties to the even 2^-126.
 */
const FLOAT32_TININESS_BOUND = SMALLEST_NORMAL_FLOAT32 * (1 - 2 ** -25);
// Multiplying the smaller factor of a near-tiny product by 2^64 is exact and keeps the product normal.
const FLOAT64_RESCALE = 2 ** 64;

/** DAZ: a subnormal `value` read as a zero of its sign; every other value as it is. */
export function flushInput(value: number, precision: Precision): number {
  const smallestNormal = precision === 'float32' ? SMALLEST_NORMAL_FLOAT32 : SMALLEST_NORMAL_FLOAT64;
  if (value !== 0 && value > -smallestNormal && value < smallestNormal) return value < 0 ? -0 : 0;
  return value;
}

/**
 * `a * b` on a flushing CPU, for operands already read through DAZ: the IEEE
 * product of `precision`, or a signed zero where it is tiny after rounding.
 */
export function flushedProduct(a: number, b: number, precision: Precision): number {
  if (precision === 'float32') {
    // Two float32 factors multiply exactly in float64, so the tininess test sees the exact product.
    const exact = a * b;
    if (exact !== 0 && Math.abs(exact) < FLOAT32_TININESS_BOUND) return exact < 0 ? -0 : 0;
    return Math.fround(exact);
  }
  const product = a * b;
  if (!(Math.abs(product) <= SMALLEST_NORMAL_FLOAT64) || a === 0 || b === 0) return product;
  const [small, large] = Math.abs(a) < Math.abs(b) ? [a, b] : [b, a];
  const rescaled = small * FLOAT64_RESCALE * large;
  if (Math.abs(rescaled) < SMALLEST_NORMAL_FLOAT64 * FLOAT64_RESCALE) return (a < 0) !== (b < 0) ? -0 : 0;
  return product;
}

/** `a + b` on a flushing CPU: both operands through DAZ, the sum rounded to `precision`. */
export function flushedSum(a: number, b: number, precision: Precision): number {
  // A sum of normal numbers or zeros that lands below the smallest normal is exact, so FTZ needs no rounding test.
  const sum = flushInput(a, precision) + flushInput(b, precision);
  return flushInput(roundingFor(precision)(sum), precision);
}
