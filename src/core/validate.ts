import { describeValue } from '../base/describe-value.js';
import { isArray } from '../base/is-array.js';
import { isProxy } from '../base/is-proxy.js';
import type { MutableNumericArray } from '../base/numeric-array.js';
import { plainView, typedArrayLength, typedArrayTag, type FloatArray } from '../base/typed-array.js';
import { checkKernelView } from '../kernels/kernel-views.js';
import { alphaInPrecision, precisionOf, type ArrayKind, type InputKind, type Precision } from './precision.js';

/**
 * Argument checks shared by every public function. Each check throws before
 * anything is written, with a message that names the argument and the value.
 */

const ARRAY_KINDS = 'a number, an array of numbers, a Float32Array or a Float64Array';

/**
 * Checks that a slope stays finite in the data's precision: a `Float32Array`
 * is computed with `fround(alpha)`, which is infinite from about 3.4e38 on.
 *
 * @throws {RangeError} when `fround(value)` is infinite for float32 data.
 */
export function checkSlopeFor(value: number, name: string, precision: Precision): number {
  if (!Number.isFinite(alphaInPrecision(value, precision))) {
    throw new RangeError(
      `${name} must be finite in float32 for a Float32Array (at most 3.4028234663852886e38 in size), got ${describeValue(value)}`,
    );
  }
  return value;
}

/**
 * An op's data argument once checked: its kind, its length, and values that
 * can no longer change under the op or run code when read.
 */
export interface CheckedInput {
  readonly kind: InputKind;
  readonly precision: Precision;
  readonly length: number;
  /**
   * The number itself; for a `number[]`, a copy made by reading each element
   * once (a getter or a `Proxy` is asked once, before anything is computed);
   * for a typed array, a plain view of its memory (see `plainView`).
   */
  readonly values: number | MutableNumericArray;
}

/** A checked input that is an array. */
export interface CheckedArray extends CheckedInput {
  readonly kind: ArrayKind;
  readonly values: MutableNumericArray;
}

/**
 * Checks an op's data argument and reads it once. A `number[]` is copied
 * element by element as it is checked, so a bad element is reported before
 * anything is computed and the computation reads only what was checked. A
 * typed array that views a kernel memory must lie inside one live buffer of
 * it (see `checkKernelView`): every op reads its arrays through here, so none
 * reads the kernel's scratch area or a freed buffer, on any path.
 *
 * @throws {TypeError} for any other type, or an array holding a non-number.
 * @throws {RangeError} for a view of a kernel's scratch area or freed memory.
 */
export function readInput(value: unknown, name: string): CheckedInput {
  if (typeof value === 'number') return { kind: 'number', precision: precisionOf('number'), length: 0, values: value };
  const tag = typedArrayTag(value);
  if (tag === 'Float32Array' || tag === 'Float64Array') {
    const view = plainView(value as FloatArray);
    checkKernelView(view, name);
    return { kind: tag, precision: precisionOf(tag), length: typedArrayLength(view), values: view };
  }
  if (isArray(value)) return { kind: 'Array', precision: precisionOf('Array'), ...readNumbers(value, name) };
  throw new TypeError(`${name} must be ${ARRAY_KINDS}, got ${describeValue(value)}`);
}

/**
 * Like {@link readInput}, for the ops that take arrays only.
 *
 * @throws {TypeError} for a number, any other type, or an array holding a non-number.
 */
export function readArray(value: unknown, name: string, caller: string): CheckedArray {
  if (typeof value === 'number') throw new TypeError(`${name} must be an array for ${caller}, got ${describeValue(value)}`);
  return readInput(value, name) as CheckedArray;
}

function readNumbers(array: readonly unknown[], name: string): { length: number; values: number[] } {
  // A Proxy's length trap may answer anything: only a real array length is iterated.
  const length: unknown = array.length;
  if (typeof length !== 'number' || !Number.isSafeInteger(length) || length < 0 || length >= 2 ** 32) {
    throw new TypeError(`${name} must be an array with a valid length, got length ${describeValue(length)}`);
  }
  // Sized up front: growing by push costs four times as much on a 1e6-element array.
  const values = new Array<number>(length);
  for (let index = 0; index < length; index++) {
    const element: unknown = array[index];
    if (typeof element !== 'number') {
      throw new TypeError(`${name}[${index}] must be a number, got ${describeValue(element)}`);
    }
    values[index] = element;
  }
  return { length, values };
}

/** The `out` option once checked: the caller's array, which is returned, and where to write. */
export interface CheckedOut {
  /** The array the caller passed. */
  readonly array: MutableNumericArray;
  /** The same array for a `number[]`; a plain view of its memory for a typed array. */
  readonly target: MutableNumericArray;
}

/**
 * Checks an `out` option against the checked input it is for, so that
 * writing the results can neither fail half-way nor run the caller's code:
 * a typed array of the input's kind (whose elements are always writable),
 * outside a kernel's scratch area and freed memory; or, for a `number[]`, an
 * ordinary array (no `Proxy`) whose elements are all writable data
 * properties. Each element's descriptor is read once, with no getter run.
 *
 * @throws {TypeError} for an `out` given with a number, of the wrong kind, a
 *   `Proxy`, or with a hole, a read-only element, a getter or a setter.
 * @throws {RangeError} for an `out` of the wrong length, or a view of a
 *   kernel's scratch area or freed memory.
 */
export function readOut(out: unknown, input: CheckedInput, inputName: string): CheckedOut | undefined {
  if (out === undefined) return undefined;
  const { kind, length } = input;
  if (kind === 'number') {
    throw new TypeError(`options.out is only for array inputs, but ${inputName} is a number`);
  }
  if (kind !== 'Array') {
    if (typedArrayTag(out) !== kind) throw new TypeError(`options.out must be ${kindName(kind)} like ${inputName}, got ${describeValue(out)}`);
    const target = plainView(out as FloatArray);
    checkLength(typedArrayLength(target), length, 'options.out', inputName);
    checkKernelView(target, 'options.out');
    return { array: out as FloatArray, target };
  }
  if (!isArray(out) || typedArrayTag(out) !== undefined) {
    throw new TypeError(`options.out must be ${kindName(kind)} like ${inputName}, got ${describeValue(out)}`);
  }
  // Checked before anything of it is read: a Proxy's traps are the caller's code, and would run as the results are written.
  if (isProxy(out)) throw new TypeError('options.out must be an ordinary array, got a Proxy');
  const array = out as number[];
  checkLength(array.length, length, 'options.out', inputName);
  for (let index = 0; index < length; index++) {
    const descriptor = Object.getOwnPropertyDescriptor(array, index);
    // `hasOwn`, not `descriptor.writable` alone: a polluted Object.prototype would answer for an accessor's descriptor.
    if (descriptor === undefined || !Object.hasOwn(descriptor, 'value') || descriptor.writable !== true) {
      const got = descriptor === undefined ? 'a hole' : Object.hasOwn(descriptor, 'value') ? 'a read-only element' : 'a getter or setter';
      throw new TypeError(`options.out[${index}] must be a writable element, got ${got}`);
    }
  }
  return { array, target: array };
}

/**
 * Checks and reads a second array argument, which must have the kind and
 * length of the first.
 *
 * @throws {TypeError} for a different kind, or a bad element.
 * @throws {RangeError} for a different length.
 */
export function readCompanion(value: unknown, name: string, partner: CheckedInput, partnerName: string): CheckedInput {
  const companion = readInput(value, name);
  if (companion.kind !== partner.kind) {
    throw new TypeError(`${name} must be ${kindName(partner.kind)} like ${partnerName}, got ${describeValue(value)}`);
  }
  if (partner.kind !== 'number') checkLength(companion.length, partner.length, name, partnerName);
  return companion;
}

function kindName(kind: InputKind): string {
  return kind === 'number' ? 'a number' : kind === 'Array' ? 'an array' : `a ${kind}`;
}

function checkLength(length: unknown, expected: number, name: string, partnerName: string): void {
  if (length !== expected) {
    throw new RangeError(`${name} must have length ${expected} like ${partnerName}, got length ${describeValue(length)}`);
  }
}
