/**
 * The driver the three elementwise ops share: check the arguments in one
 * order, then compute a number directly or hand arrays to the kernels.
 */
import type { KernelArray } from '../kernels/dispatch.js';
import { uninitializedArray } from '../kernels/uninitialized-array.js';
import { conventionNamed, type Convention, type Precision } from './conventions.js';
import {
  checkCompanion,
  checkInput,
  checkOptions,
  checkOut,
  checkSlope,
  isFloat32Array,
  isFloat64Array,
  type InputKind,
} from './validate.js';

/** An op as its two paths: one value, and whole arrays into `out`. */
export interface ElementwiseOp {
  /** The options it takes: `out`, and for the Leaky ReLU ops `convention`. */
  readonly optionKeys: readonly ('out' | 'convention')[];
  /** Checks `alpha` once it is a finite number; the default checks nothing more. */
  readonly checkAlpha?: (alpha: number) => void;
  /** The result at one point. `values` are the companions' values, then `x`'s. */
  readonly atPoint: (convention: Convention, alpha: number, values: readonly number[]) => number;
  /** Writes the results for whole arrays into `out`. `arrays` are ordered like `values`. */
  readonly intoArray: (
    convention: Convention,
    alpha: number,
    precision: Precision,
    arrays: readonly ArrayLike<number>[],
    out: KernelArray,
  ) => void;
}

/**
 * Checks `x`, then each companion against `x` (same kind and length), then
 * the options and `alpha`, and only then computes, so nothing is written when
 * an argument is wrong. An `alpha` left undefined is the convention's default.
 */
export function runElementwise(
  op: ElementwiseOp,
  x: unknown,
  companions: readonly (readonly [value: unknown, name: string])[],
  alpha: unknown,
  options: unknown,
): number | KernelArray {
  const kind = checkInput(x, 'x');
  const length = typeof x === 'number' ? 0 : (x as ArrayLike<number>).length;
  for (const [value, name] of companions) checkCompanion(value, name, kind, length, 'x');
  const given = checkOptions(options, op.optionKeys);
  const convention = conventionNamed(given.convention ?? 'spec');
  const givenOut = checkOut(given.out, kind, length, 'x');
  const slope = alpha === undefined ? convention.defaultAlpha : checkSlope(alpha, 'alpha');
  const precision: Precision = kind === 'Float32Array' ? 'float32' : 'float64';
  op.checkAlpha?.(slope);
  convention.check(slope, precision);
  const inputs = [...companions.map(([value]) => value), x];
  if (kind === 'number') return op.atPoint(convention, slope, inputs as number[]);
  // The op writes every element of a new result: it need not be zeroed first.
  const out = givenOut ?? newArray(kind, length, false);
  const arrays = (inputs as ArrayLike<number>[]).map((input) => readableInput(input, out));
  op.intoArray(convention, slope, precision, arrays, out);
  return out;
}

/** A zero-filled array of the kind and length of a checked input array. */
export function newArrayLike(x: ArrayLike<number>): KernelArray {
  return newArray(isFloat32Array(x) ? 'Float32Array' : isFloat64Array(x) ? 'Float64Array' : 'Array', x.length);
}

function newArray(kind: Exclude<InputKind, 'number'>, length: number, zeroed = true): KernelArray {
  switch (kind) {
    case 'Float32Array':
      return zeroed ? new Float32Array(length) : uninitializedArray(Float32Array, length);
    case 'Float64Array':
      return zeroed ? new Float64Array(length) : uninitializedArray(Float64Array, length);
    case 'Array':
      return new Array<number>(length).fill(0);
  }
}

/**
 * The input to read from while writing `out`. An elementwise loop may write
 * over its own input (`out === input`), but an `out` that overlaps an input at
 * a shift would overwrite elements before they are read, so such an input is
 * copied first.
 */
export function readableInput(input: ArrayLike<number>, out: KernelArray): ArrayLike<number> {
  if (input === out || Array.isArray(out) || !ArrayBuffer.isView(input)) return input;
  const view = input as Float32Array | Float64Array;
  if (view.buffer !== out.buffer) return input;
  const overlaps =
    view.byteOffset < out.byteOffset + out.byteLength && out.byteOffset < view.byteOffset + view.byteLength;
  return overlaps ? view.slice() : input;
}
