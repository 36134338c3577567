import { describeValue, isFloat32Array, isFloat64Array } from './validate.js';

/** The arrays `formatArray` prints: any numeric array NumPy has a dtype for. */
export type PrintableArray =
  | readonly number[]
  | Float32Array
  | Float64Array
  | Int8Array
  | Uint8Array
  | Uint8ClampedArray
  | Int16Array
  | Uint16Array
  | Int32Array
  | Uint32Array
  | BigInt64Array
  | BigUint64Array;

/** NumPy's `array2string` defaults, which `str(array)` and `print` use. */
const PRECISION = 8;
const LINE_WIDTH = 75;
const THRESHOLD = 1000;
const EDGE_ITEMS = 3;

/**
 * Prints a 1-D array as NumPy prints it (`str(array)`, `print(array)`), with
 * NumPy's default options: up to 8 decimals, the shortest digits that
 * identify each value, one shared width, lines of at most 75 characters, and
 * `...` past 1000 elements.
 *
 * ```text
 * formatArray([-0.02, -0.01, 0, 1, 2]) === "[-0.02 -0.01  0.    1.    2.  ]"
 * ```
 *
 * The dtype follows the array: a `Float32Array` prints as float32 (the
 * shortest digits that identify the float32 value), a `Float64Array` as
 * float64, an integer typed array as integers, and a `number[]` as integers
 * when every element is a safe integer, otherwise as float64. So
 * `formatArray([0, 1])` is `[0 1]`, while `formatArray(new Float64Array([0, 1]))`
 * is `[0. 1.]`. Floats switch to scientific notation when NumPy does: a
 * nonzero magnitude of at least 1e8 or below 1e-4, or a ratio above 1000
 * between the largest and the smallest. Decimals cut at the 8th place are
 * rounded half to even on the exact binary value, as NumPy's Dragon4 does.
 * `NaN` prints as `nan`, infinities as `inf` and `-inf`, and `-0` as `-0.`.
 * Where NumPy 1.x and 2.x differ (the float32 test against 1e-4), this
 * follows NumPy 2.
 *
 * @param x - A `number[]` or a numeric typed array.
 * @returns The array as NumPy prints it, on one or more lines.
 * @throws {TypeError} when `x` is not an array of numbers or a numeric typed array.
 *
 * @example
 * ```ts
 * import { formatArray } from 'leaky-relu';
 *
 * formatArray([-2, -1, 0, 1, 2]) //=> '[-2 -1  0  1  2]'
 * formatArray([-0.02, -0.01, 0, 1, 2]) //=> '[-0.02 -0.01  0.    1.    2.  ]'
 * formatArray([0.5, -1.25, 3]) //=> '[ 0.5  -1.25  3.  ]'
 * formatArray([1e-5, 1, 2]) //=> '[1.e-05 1.e+00 2.e+00]'
 * formatArray(new Float32Array([0.1, NaN, -Infinity])) //=> '[ 0.1  nan -inf]'
 * formatArray('abc' as never) //=> throws TypeError: x must be an array of numbers or a numeric typed array, got "abc" (string)
 * ```
 */
export function formatArray(x: PrintableArray): string {
  const elements = checkPrintable(x);
  const summarized = elements.length > THRESHOLD;
  const shown = summarized ? [...elements.slice(0, EDGE_ITEMS), ...elements.slice(-EDGE_ITEMS)] : elements;
  const format = formatterFor(x, shown);
  const words = shown.map(format);
  if (summarized) words.splice(EDGE_ITEMS, 0, '...');
  return wrapLine(words);
}

type Element = number | bigint;

function checkPrintable(x: unknown): readonly Element[] {
  if (Array.isArray(x)) {
    x.forEach((element: unknown, index) => {
      if (typeof element !== 'number') {
        throw new TypeError(`x[${index}] must be a number, got ${describeValue(element)}`);
      }
    });
    return x as number[];
  }
  if (ArrayBuffer.isView(x) && !(x instanceof DataView) && 'length' in x) {
    return Array.from(x as unknown as ArrayLike<Element>);
  }
  throw new TypeError(
    `x must be an array of numbers or a numeric typed array, got ${describeValue(x)}`,
  );
}

function formatterFor(x: unknown, shown: readonly Element[]): (value: Element) => string {
  const float32 = isFloat32Array(x);
  const float = float32 || isFloat64Array(x) || (Array.isArray(x) && !shown.every((value) => Number.isSafeInteger(value)));
  if (!float) return integerFormatter(shown);
  const format = floatFormatter(shown as number[], float32);
  return (value) => format(value as number);
}

/** numpy/_core/arrayprint.py, IntegerFormat: right-aligned to the widest of min and max. */
function integerFormatter(values: readonly Element[]): (value: Element) => string {
  const width = Math.max(0, ...values.map((value) => String(value).length));
  return (value) => String(value).padStart(width);
}

/**
 * numpy/_core/arrayprint.py, FloatingFormat with floatmode 'maxprec': a first
 * pass over the finite values chooses the notation and the paddings, then
 * each value is printed with them.
 */
function floatFormatter(values: readonly number[], float32: boolean): (value: number) => string {
  const finite = values.filter(Number.isFinite);
  const magnitudes = finite.filter((value) => value !== 0).map(Math.abs);
  let scientific = false;
  if (magnitudes.length > 0) {
    const max = Math.max(...magnitudes);
    const min = Math.min(...magnitudes);
    const ratio = float32 ? Math.fround(max / min) : max / min;
    // NumPy 2 compares a float32 with the Python float 1e-4 in float32 (NEP 50).
    const smallest = float32 ? Math.fround(1e-4) : 1e-4;
    scientific = max >= 1e8 || min < smallest || ratio > 1000;
  }
  const parts = finite.map((value) => (scientific ? scientificParts : positionalParts)(value, float32));
  const widest = (pick: (part: NumberParts) => string): number => Math.max(0, ...parts.map((part) => pick(part).length));
  const padLeft = widest((part) => part.integer);
  const fractionWidth = widest((part) => part.fraction);
  const exponentWidth = scientific ? Math.max(2, widest((part) => part.exponent) - 1) : 0;
  const padRight = scientific ? exponentWidth + 2 + fractionWidth : fractionWidth;
  const nonFinite = values.filter((value) => !Number.isFinite(value));
  const nonFiniteWidth = Math.max(0, ...nonFinite.map((value) => nonFiniteText(value).length));
  const integerWidth = Math.max(padLeft, nonFiniteWidth - padRight - 1);

  return (value) => {
    if (!Number.isFinite(value)) return nonFiniteText(value).padStart(integerWidth + padRight + 1);
    if (!scientific) {
      const { integer, fraction } = positionalParts(value, float32);
      return `${integer.padStart(integerWidth)}.${fraction.padEnd(padRight)}`;
    }
    // Dragon4's min_digits: past the shortest digits, the exact value's own
    // digits are printed, rounded, rather than zeros.
    const { integer, fraction, exponent } = scientificText(roundDecimal(exactDecimal(value), fractionWidth + 1));
    const sign = exponent[0];
    const digits = exponent.slice(1).padStart(exponentWidth, '0');
    return `${integer.padStart(integerWidth)}.${fraction.padEnd(fractionWidth, '0')}e${sign}${digits}`;
  };
}

function nonFiniteText(value: number): string {
  if (Number.isNaN(value)) return 'nan';
  return value < 0 ? '-inf' : 'inf';
}

interface NumberParts {
  /** The sign and the digits before the point. */
  readonly integer: string;
  /** The digits after the point, trailing zeros trimmed. */
  readonly fraction: string;
  /** For scientific notation, the exponent's sign and digits (at least two). */
  readonly exponent: string;
}

/** A decimal `d.ddd × 10^exponent`; `digits` has no leading or trailing zeros, or is "0". */
interface Decimal {
  readonly negative: boolean;
  readonly digits: string;
  readonly exponent: number;
}

function positionalParts(value: number, float32: boolean): NumberParts {
  const shortest = shortestDecimal(value, float32);
  const pointAt = shortest.exponent + 1;
  const decimal =
    shortest.digits.length - pointAt <= PRECISION ? shortest : roundDecimal(exactDecimal(value), pointAt + PRECISION);
  const point = decimal.exponent + 1;
  const { digits } = decimal;
  const integer = point <= 0 ? '0' : digits.slice(0, point).padEnd(point, '0');
  const fraction = point >= digits.length ? '' : point < 0 ? '0'.repeat(-point) + digits : digits.slice(point);
  return { integer: (decimal.negative ? '-' : '') + integer, fraction: trimZeros(fraction), exponent: '' };
}

function scientificParts(value: number, float32: boolean): NumberParts {
  const shortest = shortestDecimal(value, float32);
  return scientificText(
    shortest.digits.length <= PRECISION + 1 ? shortest : roundDecimal(exactDecimal(value), PRECISION + 1),
  );
}

function scientificText(decimal: Decimal): NumberParts {
  const exponent = `${decimal.exponent < 0 ? '-' : '+'}${String(Math.abs(decimal.exponent)).padStart(2, '0')}`;
  return {
    integer: (decimal.negative ? '-' : '') + decimal.digits.slice(0, 1),
    fraction: trimZeros(decimal.digits.slice(1)),
    exponent,
  };
}

function trimZeros(digits: string): string {
  return digits.replace(/0+$/, '');
}

function isNegative(value: number): boolean {
  return value < 0 || Object.is(value, -0);
}

/**
 * The fewest significant digits that read back as `value`, the closest such
 * digits when there is a choice, as Dragon4 prints them. For float64 that is
 * JavaScript's own shortest form. For float32 it is searched for exactly: the
 * first rounding (half to even) of the exact value that falls strictly
 * between the midpoints to the neighbouring float32 values. Parsing the text
 * back through a double instead could round twice.
 */
function shortestDecimal(value: number, float32: boolean): Decimal {
  if (!float32) return parseExponential(value.toExponential(), isNegative(value));
  const exact = exactDecimal(value);
  if (value === 0) return exact;
  const magnitude = Math.abs(value);
  const below = nextFloat32(magnitude, -1);
  const above = nextFloat32(magnitude, 1);
  // Float32 midpoints need 25 bits, so they are exact in float64.
  const low = exactDecimal((magnitude + below) / 2);
  const high = exactDecimal(above === Infinity ? magnitude + (magnitude - below) / 2 : (magnitude + above) / 2);
  for (let keep = 1; keep < exact.digits.length; keep++) {
    const candidate = roundDecimal(exact, keep);
    if (compareDecimals(low, candidate) < 0 && compareDecimals(candidate, high) < 0) return candidate;
  }
  return exact;
}

/** The float32 next to a positive float32 `magnitude`, downwards (-1) or upwards (1). */
function nextFloat32(magnitude: number, direction: -1 | 1): number {
  const bits = new Uint32Array(new Float32Array([magnitude]).buffer);
  bits[0]! += direction;
  return new Float32Array(bits.buffer)[0]!;
}

/** Compares the magnitudes of two decimals exactly. */
function compareDecimals(a: Decimal, b: Decimal): number {
  const scaleA = a.exponent - a.digits.length + 1;
  const scaleB = b.exponent - b.digits.length + 1;
  const common = Math.min(scaleA, scaleB);
  const left = BigInt(a.digits) * 10n ** BigInt(scaleA - common);
  const right = BigInt(b.digits) * 10n ** BigInt(scaleB - common);
  return left < right ? -1 : left > right ? 1 : 0;
}

function parseExponential(text: string, negative: boolean): Decimal {
  const [mantissa = '0', exponent = '0'] = text.replace(/^-/, '').split('e');
  const digits = trimZeros(mantissa.replace('.', '')) || '0';
  return { negative, digits, exponent: digits === '0' ? 0 : Number(exponent) };
}

/** The exact decimal expansion of a double: `m × 2^e` is `m × 5^-e × 10^e`. */
function exactDecimal(value: number): Decimal {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value);
  const high = view.getUint32(0);
  const biasedExponent = (high >>> 20) & 0x7ff;
  let mantissa = (BigInt(high & 0xfffff) << 32n) | BigInt(view.getUint32(4));
  if (biasedExponent !== 0) mantissa |= 1n << 52n;
  const binaryExponent = biasedExponent === 0 ? -1074 : biasedExponent - 1075;
  const negative = isNegative(value);
  if (mantissa === 0n) return { negative, digits: '0', exponent: 0 };
  const scaled =
    binaryExponent >= 0 ? mantissa << BigInt(binaryExponent) : mantissa * 5n ** BigInt(-binaryExponent);
  const text = scaled.toString();
  const decimalExponent = text.length - 1 + Math.min(binaryExponent, 0);
  return { negative, digits: trimZeros(text), exponent: decimalExponent };
}

/** Rounds to `keep` significant digits, half to even, as Dragon4 does at its cutoff. */
function roundDecimal(decimal: Decimal, keep: number): Decimal {
  const { digits, negative } = decimal;
  if (digits.length <= keep) return decimal;
  if (keep < 0) return { negative, digits: '0', exponent: 0 };
  const kept = digits.slice(0, keep);
  const first = digits.charCodeAt(keep) - 48;
  const tie = first === 5 && digits.length === keep + 1;
  const lastKept = keep === 0 ? 0 : kept.charCodeAt(keep - 1) - 48;
  const up = first > 5 || (first === 5 && !tie) || (tie && lastKept % 2 === 1);
  if (!up) {
    const trimmed = trimZeros(kept);
    return trimmed === '' ? { negative, digits: '0', exponent: 0 } : { negative, digits: trimmed, exponent: decimal.exponent };
  }
  const incremented = (BigInt(kept || '0') + 1n).toString();
  const carried = incremented.length > kept.length;
  return { negative, digits: trimZeros(incremented), exponent: decimal.exponent + (carried ? 1 : 0) };
}

/**
 * numpy/_core/arrayprint.py, _formatArray for one axis: words joined by a
 * space, a line broken before a word that would pass the width (less one for
 * the closing bracket), continuation lines indented by one space.
 */
function wrapLine(words: readonly string[]): string {
  const indent = ' ';
  const width = LINE_WIDTH - 1;
  let text = '';
  let line = indent;
  words.forEach((word, index) => {
    if (line.length + word.length > width && line.length > indent.length) {
      text += `${line.trimEnd()}\n`;
      line = indent;
    }
    line += word;
    if (index < words.length - 1) line += ' ';
  });
  text += line;
  return `[${text.slice(indent.length)}]`;
}
