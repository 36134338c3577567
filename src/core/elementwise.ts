/**
 * The driver the three elementwise ops share: check the arguments in one
 * order, then compute a number directly or hand arrays to the kernels.
 */
import type { KernelArray } from '../kernels/dispatch.js';
import { uninitializedArray } from '../kernels/uninitialized-array.js';
import { conventionNamed, withSubnormals, type Convention, type Precision, type SubnormalMode } from './conventions.js';
import { anyValue, oneOfOption, readOptions, stringOption, type OptionRule } from './options.js';
import { typedArrayBuffer, typedArrayByteOffset, typedArrayLength } from './typed-array.js';
import {
  checkSlope,
  checkSlopeFor,
  readCompanion,
  readInput,
  readOut,
  type InputKind,
} from './validate.js';

/** An op as its two paths: one value, and whole arrays into `out`. */
export interface ElementwiseOp {
  /** The options it takes: `out`, and for the Leaky ReLU ops `convention` and `subnormals`. */
  readonly optionKeys: readonly ('out' | 'convention' | 'subnormals')[];
  /** Checks `alpha` once it is a finite number in the data's precision; the default checks nothing more. */
  readonly checkAlpha?: (alpha: number, precision: Precision) => void;
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

const OPTION_RULES: { readonly [key in 'out' | 'convention' | 'subnormals']: OptionRule<unknown> } = {
  out: anyValue,
  convention: stringOption,
  subnormals: oneOfOption(['ieee', 'flush']),
};

/**
 * Reads the options first (their getters are the caller's code, and run
 * before any array is read), then checks `x`, then each companion against
 * `x` (same kind and length), then `out` and `alpha`, and only then
 * computes, so nothing is written when an argument is wrong. Every array is
 * read once (see `readInput`), so no code of the caller runs between the
 * checks and the writes. An `alpha` left undefined is the convention's default.
 */
export function runElementwise(
  op: ElementwiseOp,
  x: unknown,
  companions: readonly (readonly [value: unknown, name: string])[],
  alpha: unknown,
  options: unknown,
): number | KernelArray {
  const rules = Object.fromEntries(op.optionKeys.map((key) => [key, OPTION_RULES[key]]));
  const given = readOptions(options, rules);
  const input = readInput(x, 'x');
  const precision: Precision = input.kind === 'Float32Array' ? 'float32' : 'float64';
  const convention = withSubnormals(conventionNamed(given.convention ?? 'spec'), given.subnormals as SubnormalMode | undefined, precision);
  const checked = companions.map(([value, name]) => readCompanion(value, name, input, 'x'));
  const out = readOut(given.out, input, 'x');
  const slope = alpha === undefined ? convention.defaultAlpha : checkSlopeFor(checkSlope(alpha, 'alpha'), 'alpha', input.kind);
  op.checkAlpha?.(slope, precision);
  convention.check(slope, precision);
  const inputs = [...checked, input].map((each) => each.values);
  if (input.kind === 'number') return op.atPoint(convention, slope, inputs as number[]);
  // A `number[]`'s copy is private to this call: it takes the results in place,
  // so reading each element once costs no more memory than a new array did.
  const target = out?.target ?? (input.kind === 'Array' ? (input.values as number[]) : newArray(input.kind, input.length, false));
  const arrays = (inputs as KernelArray[]).map((values) => readableInput(values, target));
  op.intoArray(convention, slope, precision, arrays, target);
  return out?.array ?? target;
}

/** An array of an array kind and a length, zero-filled unless `zeroed` is false (for results the op writes whole). */
export function newArray(kind: Exclude<InputKind, 'number'>, length: number, zeroed = true): KernelArray {
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
 * over its own input (the same elements of the same memory), but an `out`
 * that overlaps an input at a shift would overwrite elements before they are
 * read, so such an input is copied first.
 */
export function readableInput(input: ArrayLike<number>, out: KernelArray): ArrayLike<number> {
  if (input === out || Array.isArray(out) || Array.isArray(input)) return input;
  const view = input as Float32Array | Float64Array;
  if (typedArrayBuffer(view) !== typedArrayBuffer(out)) return input;
  const start = typedArrayByteOffset(view);
  const outStart = typedArrayByteOffset(out);
  if (start === outStart) return input;
  const bytes = typedArrayLength(view) * view.BYTES_PER_ELEMENT;
  const outBytes = typedArrayLength(out) * out.BYTES_PER_ELEMENT;
  const overlaps = start < outStart + outBytes && outStart < start + bytes;
  return overlaps ? view.slice() : input;
}
