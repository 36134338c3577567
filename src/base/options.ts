/**
 * The one contract every public function's options follow: `undefined` means
 * none; anything but a plain object, `null` included, is a `TypeError`; an
 * unknown key is a `TypeError` (a misspelt option is never ignored); a value
 * of the wrong type is a `TypeError` and a value out of range a `RangeError`,
 * each naming the option and the value.
 *
 * Options are the object's own enumerable data properties, each read once
 * from its property descriptor, so no code of the caller's runs while they are
 * read: an option given by a getter or a setter is a `TypeError`, and nothing
 * is read through the prototype chain, so `Object.prototype.out = sink` or an
 * options object made with `Object.create({ out })` gives no option. What the
 * function is not given is absent from what it reads (an object with no
 * prototype), so a default is never read from `Object.prototype` either.
 */
import { checkFinite } from './check-finite.js';
import { describeValue } from './describe-value.js';
import { isArray, isRevokedProxy } from './is-array.js';

/** Checks one option's value (never `undefined`) and returns it as the function will use it. */
export type OptionRule<T> = (value: unknown, name: string) => T;

/** The rules of a function's options, by key. */
export type OptionRules = { readonly [key: string]: OptionRule<unknown> };

/** The options once read: each checked value, or `undefined` where the option was not given. */
export type ReadOptions<Rules extends OptionRules> = {
  readonly [Key in keyof Rules]?: Rules[Key] extends OptionRule<infer T> ? T : never;
};

/**
 * Checks an options argument against its rules and reads each option once.
 *
 * @param options - The argument as the caller passed it.
 * @param rules - The options the function knows, each with its check.
 * @param name - The argument's name in messages.
 * @returns The checked values, in an object with no prototype.
 * @throws {TypeError} when `options` is not undefined or an object, a key is
 *   not among the rules, an option is an accessor, or a rule rejects a value's type.
 * @throws {RangeError} when a rule rejects a value's range.
 */
export function readOptions<Rules extends OptionRules>(options: unknown, rules: Rules, name = 'options'): ReadOptions<Rules> {
  const read = Object.create(null) as Record<string, unknown>;
  const known = Object.keys(rules);
  const values = ownOptionValues(options, known, name);
  // In the rules' order, so that which of two bad options is reported does not depend on the caller's key order.
  for (const key of known) {
    const value = values[key];
    if (value !== undefined) read[key] = rules[key]!(value, `${name}.${key}`);
  }
  return read as ReadOptions<Rules>;
}

/**
 * The own options of `options`, once checked for unknown keys and accessors:
 * the values, not yet checked, in an object with no prototype. `undefined`
 * gives none.
 *
 * @throws {TypeError} for `null`, a non-object, an array, an unknown key, or an accessor.
 */
function ownOptionValues(options: unknown, known: readonly string[], name: string): Record<string, unknown> {
  const values = Object.create(null) as Record<string, unknown>;
  if (options === undefined) return values;
  if (!isRecord(options)) throw new TypeError(`${name} must be an object, got ${describeValue(options)}`);
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) throw new TypeError(`${name}.${key} is not an option; the options are: ${known.join(', ')}`);
    const descriptor = Object.getOwnPropertyDescriptor(options, key);
    // A Proxy may list a key it then has no property for: that option is not given.
    if (descriptor === undefined) continue;
    // `hasOwn`, not `in` or `descriptor.get`: either would read a polluted Object.prototype.
    if (!Object.hasOwn(descriptor, 'value')) {
      throw new TypeError(`${name}.${key} must be a data property, got a getter or setter`);
    }
    values[key] = descriptor.value;
  }
  return values;
}

/**
 * The options a function was given, for a function that checks each value
 * itself: `options`' own data properties, once its keys are all among `known`
 * and none is an accessor, in an object with no prototype. It reads what
 * {@link readOptions} reads, so a default can be given with `??` without
 * reaching `Object.prototype`. `undefined` gives none.
 *
 * @throws {TypeError} for `null`, a non-object, an array, an unknown key, or an accessor.
 */
export function ownOptions<Options extends object>(
  options: Options | undefined,
  known: readonly (keyof Options & string)[],
  name = 'options',
): Partial<Options> {
  return ownOptionValues(options, known, name) as Partial<Options>;
}

/** Whether `value` is an object with named properties: not `null`, an array, a typed array or a revoked Proxy. */
export function isRecord(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !isArray(value) && !isRevokedProxy(value) && !ArrayBuffer.isView(value);
}

/**
 * A required option's value, once read.
 *
 * @throws {TypeError} when it was not given.
 */
export function required<T>(value: T | undefined, name: string, what: string): T {
  if (value === undefined) throw new TypeError(`${name} must be ${what}, got undefined`);
  return value;
}

/** Any value: for an option checked later, against other arguments. */
export const anyValue: OptionRule<unknown> = (value) => value;

/** `true` or `false`, and nothing that merely converts to one (`'false'` trains). */
export const booleanOption: OptionRule<boolean> = (value, name) => {
  if (typeof value !== 'boolean') throw new TypeError(`${name} must be a boolean, got ${describeValue(value)}`);
  return value;
};

/** A number, checked for type only: the function decides its range. */
export const numberOption: OptionRule<number> = (value, name) => {
  if (typeof value !== 'number') throw new TypeError(`${name} must be a number, got ${describeValue(value)}`);
  return value;
};

/** A finite number of any sign. */
export const finiteOption: OptionRule<number> = checkFinite;

/** A finite number above 0. */
export const positiveOption: OptionRule<number> = (value, name) => {
  const number = numberOption(value, name);
  if (!(number > 0 && Number.isFinite(number))) {
    throw new RangeError(`${name} must be a positive finite number, got ${describeValue(number)}`);
  }
  return number;
};

/** A whole number, `minimum` or more. */
export function wholeOption(minimum: number): OptionRule<number> {
  return (value, name) => {
    const number = numberOption(value, name);
    if (!Number.isSafeInteger(number) || number < minimum) {
      throw new RangeError(`${name} must be a whole number, ${minimum} or more, got ${describeValue(number)}`);
    }
    return number;
  };
}

/** A string. */
export const stringOption: OptionRule<string> = (value, name) => {
  if (typeof value !== 'string') throw new TypeError(`${name} must be a string, got ${describeValue(value)}`);
  return value;
};

/** One of a few strings. */
export function oneOfOption<const Choice extends string>(choices: readonly Choice[]): OptionRule<Choice> {
  const listed = choices.map((choice) => `'${choice}'`).join(', ');
  return (value, name) => {
    if (typeof value !== 'string') throw new TypeError(`${name} must be one of ${listed}, got ${describeValue(value)}`);
    if (!(choices as readonly string[]).includes(value)) {
      throw new RangeError(`${name} must be one of ${listed}, got ${describeValue(value)}`);
    }
    return value as Choice;
  };
}
