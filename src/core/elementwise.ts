/**
 * The driver the three elementwise ops share: check the arguments in one
 * order, then compute a number directly or hand arrays to the kernels.
 */
import { checkFinite } from '../base/check-finite.js';
import type { MutableNumericArray } from '../base/numeric-array.js';
import { anyValue, oneOfOption, readOptions, stringOption, type OptionRule } from '../base/options.js';
import { isSharedBuffer, typedArrayBuffer, typedArrayByteOffset, typedArrayLength } from '../base/typed-array.js';
import { uninitializedArray } from '../kernels/uninitialized-array.js';
import { conventionNamed, withSubnormals, type Convention, type SubnormalMode } from './conventions.js';
import type { ArrayKind, Precision } from './precision.js';
import { checkSlopeFor, readCompanion, readInput, readOut } from './validate.js';

/** How many arrays an op reads: `x` alone, or `gradOutput` and `x`. */
export type Arity = 1 | 2;

/** What an op of `arity` reads, in order: `[x]`, or `[gradOutput, x]`. */
export type Operands<A extends Arity, T> = A extends 1 ? readonly [x: T] : readonly [gradOutput: T, x: T];

/** The arguments an op of `arity` takes besides `x`, each with its name. */
export type Companions<A extends Arity> = A extends 1 ? readonly [] : readonly [gradOutput: readonly [value: unknown, name: string]];

/** An op as its two paths: one value, and whole arrays into `out`. */
export interface ElementwiseOp<A extends Arity> {
  /** The options it takes: `out`, and for the Leaky ReLU ops `convention` and `subnormals`. */
  readonly optionKeys: readonly ('out' | 'convention' | 'subnormals')[];
  /** Checks `alpha` once it is a finite number in the data's precision; the default checks nothing more. */
  readonly checkAlpha?: (alpha: number, precision: Precision) => void;
  /** The result at one point. */
  readonly atPoint: (convention: Convention, alpha: number, values: Operands<A, number>) => number;
  /** Writes the results for whole arrays into `out`. */
  readonly intoArray: (
    convention: Convention,
    alpha: number,
    precision: Precision,
    arrays: Operands<A, ArrayLike<number>>,
    out: MutableNumericArray,
  ) => void;
}

const OPTION_RULES: { readonly [key in 'out' | 'convention' | 'subnormals']: OptionRule<unknown> } = {
  out: anyValue,
  convention: stringOption,
  subnormals: oneOfOption(['ieee', 'flush']),
};

const opRules = new WeakMap<ElementwiseOp<Arity>, { readonly [key: string]: OptionRule<unknown> }>();

/** The option rules of an op, made once: on a short array, remaking them was a fifth of a call's time. */
function rulesOf(op: ElementwiseOp<Arity>): { readonly [key: string]: OptionRule<unknown> } {
  let rules = opRules.get(op);
  if (!rules) {
    rules = Object.fromEntries(op.optionKeys.map((key) => [key, OPTION_RULES[key]]));
    opRules.set(op, rules);
  }
  return rules;
}

/**
 * Reads the options first (their getters are the caller's code, and run
 * before any array is read), then checks `x`, then each companion against
 * `x` (same kind and length), then `out` and `alpha`, and only then
 * computes, so nothing is written when an argument is wrong. Every array is
 * read once (see `readInput`), so no code of the caller runs between the
 * checks and the writes. An `alpha` left undefined is the convention's default.
 */
export function runElementwise<A extends Arity>(
  op: ElementwiseOp<A>,
  x: unknown,
  companions: Companions<A>,
  alpha: unknown,
  options: unknown,
): number | MutableNumericArray {
  const given = readOptions(options, rulesOf(op));
  const input = readInput(x, 'x');
  const { precision } = input;
  const convention = withSubnormals(conventionNamed(given.convention ?? 'spec'), given.subnormals as SubnormalMode | undefined, precision);
  const checked = companions.map(([value, name]) => readCompanion(value, name, input, 'x'));
  const out = readOut(given.out, input, 'x');
  const slope = alpha === undefined ? convention.defaultAlpha : checkSlopeFor(checkFinite(alpha, 'alpha'), 'alpha', precision);
  op.checkAlpha?.(slope, precision);
  convention.check(slope, precision);
  // The companions come first, then x: the order of `Operands`, which `companions`' type fixes.
  const inputs = [...checked, input].map((each) => each.values);
  if (input.kind === 'number') return op.atPoint(convention, slope, inputs as unknown as Operands<A, number>);
  // A `number[]`'s copy is private to this call: it takes the results in place,
  // so reading each element once costs no more memory than a new array did.
  const target = out?.target ?? (input.kind === 'Array' ? (input.values as number[]) : newArray(input.kind, input.length, false));
  const arrays = (inputs as MutableNumericArray[]).map((values) => readableInput(values, target));
  op.intoArray(convention, slope, precision, arrays as unknown as Operands<A, ArrayLike<number>>, target);
  return out?.array ?? target;
}

/** An array of an array kind and a length, zero-filled unless `zeroed` is false (for results the op writes whole). */
export function newArray(kind: ArrayKind, length: number, zeroed = true): MutableNumericArray {
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
 *
 * Overlap is a question about memory, not buffer objects. Two ArrayBuffers
 * are two memories. Two SharedArrayBuffer objects may be one: a thread
 * pool's memory gets a new buffer object each time it grows, while views of
 * the old one stay valid, and `postMessage` or `structuredClone` gives
 * another object over the same memory. Nothing in JavaScript tells whether
 * two of them are, but both then number their bytes alike, so an input on a
 * SharedArrayBuffer whose byte range meets `out`'s at a shift is copied
 * whatever the buffer objects: exact when they are one memory, and one
 * needless copy when they are not.
 */
export function readableInput(input: ArrayLike<number>, out: MutableNumericArray): ArrayLike<number> {
  if (input === out || Array.isArray(out) || Array.isArray(input)) return input;
  const view = input as Float32Array | Float64Array;
  const buffer = typedArrayBuffer(view);
  const outBuffer = typedArrayBuffer(out);
  if (buffer !== outBuffer && !(isSharedBuffer(buffer) && isSharedBuffer(outBuffer))) return input;
  const start = typedArrayByteOffset(view);
  const outStart = typedArrayByteOffset(out);
  if (start === outStart) return input;
  const bytes = typedArrayLength(view) * view.BYTES_PER_ELEMENT;
  const outBytes = typedArrayLength(out) * out.BYTES_PER_ELEMENT;
  const overlaps = start < outStart + outBytes && outStart < start + bytes;
  return overlaps ? view.slice() : input;
}
