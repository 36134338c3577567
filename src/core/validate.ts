import type { ConventionName, SubnormalMode } from './conventions.js';

/**
 * Argument checks shared by every public function. Each check throws before
 * anything is written, with a message that names the argument and the value.
 */

/** The array kinds the ops accept; the result is always of the input's kind. */
export type NumericArray = readonly number[] | Float32Array | Float64Array;

/** A value the ops accept: a number or an array of numbers. */
export type NumericInput = number | NumericArray;

/** The result of an op for an input of type `T`. */
export type NumericOutput<T extends NumericInput> = T extends number
  ? number
  : T extends Float32Array
    ? Float32Array
    : T extends Float64Array
      ? Float64Array
      : number[];

/** The options an op takes for an input of type `T`: no `out` for a number. */
export type OptionsFor<T extends NumericInput> = T extends number ? ArrayOptions<never> : ArrayOptions<NumericOutput<T>>;

/** The `out` option for an input of type `T`: none for a number. */
export type OutOptionFor<T extends NumericInput> = T extends number ? OutOption<never> : OutOption<NumericOutput<T>>;

/** How an input is stored, which decides the precision it is computed in. */
export type InputKind = 'number' | 'Array' | 'Float32Array' | 'Float64Array';

const ARRAY_KINDS = 'a number, an array of numbers, a Float32Array or a Float64Array';

/**
 * Describes a value for an error message, so that `-0`, `NaN` and the type of
 * a wrong value are visible.
 */
export function describeValue(value: unknown): string {
  switch (typeof value) {
    case 'number':
      return Object.is(value, -0) ? '-0' : String(value);
    case 'string':
      return `${JSON.stringify(value)} (string)`;
    case 'bigint':
      return `${value}n (bigint)`;
    case 'boolean':
      return `${value} (boolean)`;
    case 'undefined':
      return 'undefined';
    case 'symbol':
      return value.toString();
    case 'function':
      return `function ${value.name || '(anonymous)'}`;
    default:
      break;
  }
  if (value === null) return 'null';
  if (Array.isArray(value)) return `Array(${value.length})`;
  if (ArrayBuffer.isView(value)) {
    const tag = typedArrayTag(value) ?? value.constructor.name;
    return 'length' in value ? `${tag}(${String(value.length)})` : tag;
  }
  const name = (value as { constructor?: { name?: unknown } }).constructor?.name;
  return typeof name === 'string' && name !== '' ? `an object (${name})` : 'an object';
}

/**
 * The built-in tag of a typed array. It is read from the prototype's
 * `Symbol.toStringTag` getter rather than with `instanceof`, so arrays made in
 * another realm (a worker, a `vm` context, an iframe) are recognised too.
 */
function typedArrayTag(value: ArrayBufferView): string | undefined {
  const tag: unknown = (value as unknown as { [Symbol.toStringTag]?: unknown })[Symbol.toStringTag];
  return typeof tag === 'string' ? tag : undefined;
}

/** Whether `value` is a Float32Array, from this realm or another. */
export function isFloat32Array(value: unknown): value is Float32Array {
  return ArrayBuffer.isView(value) && typedArrayTag(value) === 'Float32Array';
}

/** Whether `value` is a Float64Array, from this realm or another. */
export function isFloat64Array(value: unknown): value is Float64Array {
  return ArrayBuffer.isView(value) && typedArrayTag(value) === 'Float64Array';
}

/**
 * Checks a slope: a finite number, of any sign or size.
 *
 * @throws {TypeError} when `value` is not a number.
 * @throws {RangeError} when `value` is `NaN` or infinite.
 */
export function checkSlope(value: unknown, name: string): number {
  if (typeof value !== 'number') {
    throw new TypeError(`${name} must be a number, got ${describeValue(value)}`);
  }
  if (!Number.isFinite(value)) {
    throw new RangeError(`${name} must be a finite number, got ${describeValue(value)}`);
  }
  return value;
}

/**
 * Checks an op's data argument and tells its kind. An array is scanned in
 * full, so that a bad element is reported before anything is computed.
 *
 * @throws {TypeError} for any other type, or an array holding a non-number.
 */
export function checkInput(value: unknown, name: string): InputKind {
  if (typeof value === 'number') return 'number';
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      const element: unknown = value[index];
      if (typeof element !== 'number') {
        throw new TypeError(`${name}[${index}] must be a number, got ${describeValue(element)}`);
      }
    }
    return 'Array';
  }
  if (isFloat32Array(value)) return 'Float32Array';
  if (isFloat64Array(value)) return 'Float64Array';
  throw new TypeError(`${name} must be ${ARRAY_KINDS}, got ${describeValue(value)}`);
}

/** The `out` option of the ops that write arrays. */
export interface OutOption<Out> {
  /**
   * A preallocated array of the input's kind and length that receives the
   * result and is returned. It may be the input itself, for an in-place op.
   */
  readonly out?: Out | undefined;
}

/** What `leakyRelu`, `leakyReluDerivative` and `leakyReluBackward` accept in `options`. */
export interface ArrayOptions<Out> extends OutOption<Out> {
  /**
   * Whose Leaky ReLU to compute, bit for bit: `'spec'` (the default),
   * `'pytorch'`, `'tensorflow'`, `'keras'`, `'tfjs-cpu'`, `'tfjs-wasm'`,
   * `'jax'` or `'onnx'`. It also sets the default `alpha`.
   */
  readonly convention?: ConventionName | undefined;
  /**
   * `'flush'` computes as a CPU that flushes subnormals to zero (the default
   * of `'tensorflow'`, `'keras'` and `'jax'`, whose CPU kernels do); `'ieee'`
   * keeps them, as IEEE 754 and every other convention do.
   */
  readonly subnormals?: SubnormalMode | undefined;
}

/**
 * Checks an `out` option, once known to be of `kind` and `length`.
 *
 * @throws {TypeError} for an `out` given with a number, or of the wrong kind.
 * @throws {RangeError} for an `out` of the wrong length.
 */
export function checkOut(
  out: unknown,
  kind: InputKind,
  length: number,
  inputName: string,
): Exclude<NumericArray, readonly number[]> | number[] | undefined {
  if (out === undefined) return undefined;
  if (kind === 'number') {
    throw new TypeError(`options.out is only for array inputs, but ${inputName} is a number`);
  }
  const outKind = kind === 'Array' ? Array.isArray(out) : checkInputKindOf(out) === kind;
  if (!outKind) {
    const expected = kind === 'Array' ? 'an array' : `a ${kind}`;
    throw new TypeError(`options.out must be ${expected} like ${inputName}, got ${describeValue(out)}`);
  }
  return checkLength(out as number[] | Float32Array | Float64Array, length, 'options.out', inputName);
}

/**
 * Checks that `options` is undefined or an object whose keys are all among
 * `known`, so that a misspelt option is an error rather than ignored.
 *
 * @throws {TypeError} for a non-object or an unknown key.
 */
export function checkOptions(options: unknown, known: readonly string[]): Record<string, unknown> {
  if (options === undefined) return {};
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new TypeError(`options must be an object, got ${describeValue(options)}`);
  }
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) {
      throw new TypeError(`options.${key} is not an option; the options are: ${known.join(', ')}`);
    }
  }
  return options as Record<string, unknown>;
}

function checkInputKindOf(value: unknown): InputKind | undefined {
  if (isFloat32Array(value)) return 'Float32Array';
  if (isFloat64Array(value)) return 'Float64Array';
  return undefined;
}

/**
 * Checks that a second array argument has the kind and length of the first.
 *
 * @throws {TypeError} for a different kind.
 * @throws {RangeError} for a different length.
 */
export function checkCompanion(
  value: unknown,
  name: string,
  kind: InputKind,
  length: number,
  partnerName: string,
): void {
  const valueKind = checkInput(value, name);
  if (valueKind !== kind) {
    const expected = kind === 'number' ? 'a number' : kind === 'Array' ? 'an array' : `a ${kind}`;
    throw new TypeError(`${name} must be ${expected} like ${partnerName}, got ${describeValue(value)}`);
  }
  if (kind !== 'number') checkLength(value as NumericArray, length, name, partnerName);
}

function checkLength<T extends NumericArray>(value: T, length: number, name: string, partnerName: string): T {
  if (value.length !== length) {
    throw new RangeError(
      `${name} must have length ${length} like ${partnerName}, got length ${value.length}`,
    );
  }
  return value;
}
