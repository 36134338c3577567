/**
 * The one authority on precision: which precision data is computed in, and
 * the slope as that precision holds it. Every op and every convention asks
 * here; the kernels receive the slope already converted, and only loop.
 */

/** How an input is stored, which decides the precision it is computed in. */
export type InputKind = 'number' | 'Array' | 'Float32Array' | 'Float64Array';

/** The kinds of the array inputs. */
export type ArrayKind = Exclude<InputKind, 'number'>;

/** The precision data is computed in: float32 for a Float32Array, float64 otherwise. */
export type Precision = 'float32' | 'float64';

/** The precision an input of `kind` is computed in. */
export function precisionOf(kind: InputKind): Precision {
  return kind === 'Float32Array' ? 'float32' : 'float64';
}

/**
 * The slope as data of `precision` holds it: `fround(alpha)` for float32. The
 * product of two float32 values is exact in float64, so storing
 * `fround(alpha) * x` into a Float32Array rounds once, which is
 * `fround(fround(alpha) * x)`, as PyTorch and NumPy compute it.
 */
export function alphaInPrecision(alpha: number, precision: Precision): number {
  return precision === 'float32' ? Math.fround(alpha) : alpha;
}

const identity = (value: number): number => value;

/** How a result of `precision` is rounded: `Math.fround` for float32. */
export function roundingFor(precision: Precision): (value: number) => number {
  return precision === 'float32' ? Math.fround : identity;
}
