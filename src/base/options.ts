/**
 * The one contract every public function's options follow: `undefined` means
 * none; anything but a plain object, `null` included, is a `TypeError`; an
 * unknown key is a `TypeError` (a misspelt option is never ignored); a value
 * of the wrong type is a `TypeError` and a value out of range a `RangeError`,
 * each naming the option and the value. Each option is read once.
 */
import { checkFinite } from './check-finite.js';
import { describeValue } from './describe-value.js';

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
 * @throws {TypeError} when `options` is not undefined or an object, a key is
 *   not among the rules, or a rule rejects a value's type.
 * @throws {RangeError} when a rule rejects a value's range.
 */
export function readOptions<Rules extends OptionRules>(options: unknown, rules: Rules, name = 'options'): ReadOptions<Rules> {
  const known = Object.keys(rules);
  if (!checkOptionKeys(options, known, name)) return {};
  const read: Record<string, unknown> = {};
  for (const key of known) {
    const value: unknown = (options as Record<string, unknown>)[key];
    if (value !== undefined) read[key] = rules[key]!(value, `${name}.${key}`);
  }
  return read as ReadOptions<Rules>;
}

/**
 * Checks that `options` is undefined, or an object whose keys are all among
 * `known`, and tells whether it is an object. For functions that check each
 * option's value themselves.
 *
 * @throws {TypeError} for `null`, a non-object, an array, or an unknown key.
 */
export function checkOptionKeys(options: unknown, known: readonly string[], name = 'options'): options is object {
  if (options === undefined) return false;
  if (!isRecord(options)) throw new TypeError(`${name} must be an object, got ${describeValue(options)}`);
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) throw new TypeError(`${name}.${key} is not an option; the options are: ${known.join(', ')}`);
  }
  return true;
}

/** Whether `value` is an object with named properties: not `null`, an array or a typed array. */
export function isRecord(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !ArrayBuffer.isView(value);
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
