import { describeValue } from '../base/describe-value.js';
import { isArray } from '../base/is-array.js';
import { typedArrayLength, typedArrayTag } from '../base/typed-array.js';

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
 * Prints a 1-D array as NumPy 2.4 prints it (`str(array)`, `print(array)`),
 * with NumPy's default options: up to 8 decimals, the shortest digits that
 * identify each value, one shared width, lines of at most 75 characters, and
 * past 1000 elements only the first and last three, around `...`.
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
 * is `[0. 1.]`. Floats switch to scientific notation when NumPy 2.3 and later
 * do: a nonzero magnitude of at least 1e6 for float32 (1e8 for float64), or
 * below 1e-4, or a ratio above 1000 between the largest and the smallest;
 * float32 compares in float32. The digits are NumPy's Dragon4 output, bit for
 * bit: the shortest unique digits, the exact value's digits past them where a
 * column needs more, rounded half to even. `NaN` prints as `nan`, infinities
 * as `inf` and `-inf`, and `-0` as `-0.`.
 *
 * A summarised array is formatted from the six elements it shows, as NumPy
 * does: the widths and the notation ignore the hidden middle. A typed array
 * is read at those six indices only, so a huge one prints at once. A
 * `number[]` is read once, whole, since any element decides between the
 * integer and the float64 dtype. A hole in it is not a number.
 *
 * @param x - A `number[]` or a numeric typed array.
 * @returns The array as NumPy prints it, on one or more lines.
 * @throws {TypeError} when `x` is not an array of numbers or a numeric typed
 *   array, or when an element of a `number[]` (a hole included) is not a number.
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
 * formatArray(new Float32Array([83990112, 1])) //=> '[8.399011e+07 1.000000e+00]'
 * formatArray(new Float64Array(2000).fill(0.5)) //=> '[0.5 0.5 0.5 ... 0.5 0.5 0.5]'
 * formatArray('abc' as never) //=> throws TypeError: x must be an array of numbers or a numeric typed array, got "abc" (string)
 * formatArray([1, , 3] as number[]) //=> throws TypeError: x[1] must be a number, got undefined
 * ```
 */
export function formatArray(x: PrintableArray): string {
  const { shown, dtype, summarized } = shownElements(x);
  const words =
    dtype === 'integer'
      ? shown.map(integerFormatter(shown))
      : (shown as number[]).map(floatFormatter(shown as number[], dtype === 'float32'));
  if (summarized) words.splice(EDGE_ITEMS, 0, '...');
  return wrapLine(words);
}

type Element = number | bigint;

/** What NumPy's `_leading_trailing` keeps of an array, and the dtype NumPy would give it. */
interface Shown {
  readonly shown: readonly Element[];
  readonly dtype: 'integer' | 'float32' | 'float64';
  readonly summarized: boolean;
}

const TYPED_ARRAY_DTYPES: ReadonlyMap<unknown, Shown['dtype']> = new Map([
  ['Float32Array', 'float32'],
  ['Float64Array', 'float64'],
  ...['Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array', 'Int32Array', 'Uint32Array',
    'BigInt64Array', 'BigUint64Array'].map((name) => [name, 'integer'] as const),
]);

function shownElements(x: unknown): Shown {
  if (isArray(x)) return shownNumbers(x as unknown[]);
  const dtype = TYPED_ARRAY_DTYPES.get(typedArrayTag(x));
  if (dtype === undefined) {
    throw new TypeError(`x must be an array of numbers or a numeric typed array, got ${describeValue(x)}`);
  }
  const elements = x as ArrayLike<Element>;
  // The intrinsic getters: an instance's own `length` or `Symbol.toStringTag` changes nothing.
  const length = typedArrayLength(x as ArrayBufferView);
  const summarized = length > THRESHOLD;
  const indices = summarized
    ? [0, 1, 2, length - 3, length - 2, length - 1]
    : Array.from({ length }, (_, index) => index);
  return { shown: indices.map((index) => elements[index]!), dtype, summarized };
}

/**
 * Reads a `number[]` once, element by element (a getter or a Proxy is called
 * once per index), keeping only what will be shown.
 */
function shownNumbers(x: readonly unknown[]): Shown {
  const { length } = x;
  const summarized = length > THRESHOLD;
  const shown: number[] = [];
  let integers = true;
  for (let index = 0; index < length; index++) {
    const element: unknown = x[index];
    if (typeof element !== 'number') {
      throw new TypeError(`x[${index}] must be a number, got ${describeValue(element)}`);
    }
    integers &&= Number.isSafeInteger(element);
    if (!summarized || index < EDGE_ITEMS || index >= length - EDGE_ITEMS) shown.push(element);
  }
  return { shown, dtype: integers ? 'integer' : 'float64', summarized };
}

/** numpy/_core/arrayprint.py, IntegerFormat: right-aligned to the widest of min and max. */
function integerFormatter(values: readonly Element[]): (value: Element) => string {
  const width = Math.max(0, ...values.map((value) => String(value).length));
  return (value) => String(value).padStart(width);
}

/**
 * numpy/_core/arrayprint.py, FloatingFormat with floatmode 'maxprec' and no
 * legacy mode: a first pass prints the finite values with the shortest unique
 * digits (at most 8 decimals) to choose the paddings, then each value is
 * printed with them.
 */
function floatFormatter(values: readonly number[], float32: boolean): (value: number) => string {
  const finite = values.filter(Number.isFinite);
  const scientific = isScientific(finite, float32);
  const firstPass = finite.map((value) => {
    const binary = binaryFloat(value, float32);
    return scientific ? formatScientific(binary, PRECISION, -1, false) : formatPositional(binary, PRECISION, -1);
  });
  const [mantissas, exponents] = unzip(firstPass.map((text) => splitAt(text, 'e')));
  const [integers, fractions] = unzip(mantissas.map((text) => splitAt(text, '.')));
  const widest = (parts: readonly string[]): number => Math.max(0, ...parts.map((part) => part.length));
  const fractionWidth = widest(fractions);
  const exponentDigits = widest(exponents) - 1;
  const padRight = finite.length === 0 ? 0 : scientific ? exponentDigits + 2 + fractionWidth : fractionWidth;
  let padLeft = widest(integers);
  if (finite.length < values.length) {
    const negativeInfinity = values.includes(-Infinity) ? 1 : 0;
    padLeft = Math.max(padLeft, 'nan'.length - padRight - 1, 'inf'.length + negativeInfinity - padRight - 1);
  }

  return (value) => {
    if (!Number.isFinite(value)) {
      const text = Number.isNaN(value) ? 'nan' : value < 0 ? '-inf' : 'inf';
      return text.padStart(padLeft + padRight + 1);
    }
    const binary = binaryFloat(value, float32);
    if (scientific) return formatScientific(binary, fractionWidth, fractionWidth, true, padLeft, exponentDigits);
    return formatPositional(binary, PRECISION, 0, padLeft, padRight);
  };
}

/**
 * FloatingFormat.fillFormat's choice, from the nonzero finite magnitudes. For
 * float32 every step is in float32, as NumPy 2 compares a float32 with a
 * Python float (NEP 50). The upper cutoff is 10^min(8, finfo.precision) since
 * NumPy 2.3: 1e6 for float32, 1e8 for float64.
 */
function isScientific(finite: readonly number[], float32: boolean): boolean {
  let max = 0;
  let min = Infinity;
  for (const value of finite) {
    const magnitude = Math.abs(value);
    if (magnitude === 0) continue;
    max = Math.max(max, magnitude);
    min = Math.min(min, magnitude);
  }
  if (max === 0) return false;
  const ratio = float32 ? Math.fround(max / min) : max / min;
  return max >= (float32 ? 1e6 : 1e8) || min < (float32 ? Math.fround(1e-4) : 1e-4) || ratio > 1000;
}

function splitAt(text: string, separator: string): [string, string] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + 1)];
}

function unzip(pairs: readonly (readonly [string, string])[]): [string[], string[]] {
  return [pairs.map(([first]) => first), pairs.map(([, second]) => second)];
}

/**
 * A finite float as Dragon4 takes it: `mantissa × 2^exponent`, with the index
 * of the mantissa's highest bit, and whether the gap below is half the gap
 * above (a power of two above the smallest normal).
 */
interface BinaryFloat {
  readonly negative: boolean;
  readonly mantissa: bigint;
  readonly exponent: number;
  readonly mantissaBit: number;
  readonly unequalMargins: boolean;
}

const scratch = new DataView(new ArrayBuffer(8));

function binaryFloat(value: number, float32: boolean): BinaryFloat {
  let fraction: bigint;
  let biasedExponent: number;
  let negative: boolean;
  const [fractionBits, bias] = float32 ? [23, 127] : [52, 1023];
  if (float32) {
    scratch.setFloat32(0, value);
    const bits = scratch.getUint32(0);
    fraction = BigInt(bits & 0x7fffff);
    biasedExponent = (bits >>> 23) & 0xff;
    negative = bits >>> 31 === 1;
  } else {
    scratch.setFloat64(0, value);
    const bits = scratch.getBigUint64(0);
    fraction = bits & ((1n << 52n) - 1n);
    biasedExponent = Number((bits >> 52n) & 0x7ffn);
    negative = bits >> 63n === 1n;
  }
  if (biasedExponent === 0) {
    return {
      negative,
      mantissa: fraction,
      exponent: 1 - bias - fractionBits,
      mantissaBit: fraction.toString(2).length - 1,
      unequalMargins: false,
    };
  }
  return {
    negative,
    mantissa: fraction | (1n << BigInt(fractionBits)),
    exponent: biasedExponent - bias - fractionBits,
    mantissaBit: fractionBits,
    unequalMargins: biasedExponent !== 1 && fraction === 0n,
  };
}

/** Digits `d.ddd × 10^exponent`, as Dragon4 returns them. */
interface Digits {
  readonly digits: string;
  readonly exponent: number;
}

/** Where Dragon4's cutoffs count from: the first digit, or the decimal point. */
type CutoffMode = 'total' | 'fraction';

/** numpy's dragon4.c buffer: without a cutoff, printing stops after this many digits. */
const DRAGON4_BUFFER = 16384;
const LOG10_2 = 0.30102999566398119521373889472449;

/**
 * numpy/_core/src/multiarray/dragon4.c, Dragon4 in DigitMode_Unique
 * (Steele & White, Burger & Dybvig), with the same integer arithmetic, in
 * BigInt: digits are generated until the value is told apart from its
 * neighbours (ties to an even mantissa included, as IEEE parsing rounds) and
 * `cutoffMin` digits are out, or until `cutoffMax`; the last digit is then
 * rounded, half to even.
 */
function dragon4(float: BinaryFloat, mode: CutoffMode, cutoffMax: number, cutoffMin: number): Digits {
  const { mantissa, exponent, mantissaBit, unequalMargins } = float;
  if (mantissa === 0n) return { digits: '0', exponent: 0 };
  const isEven = (mantissa & 1n) === 0n;
  // value = scaledValue / scale; the margins are half the gaps to the
  // neighbours, scaled alike; everything doubled (quadrupled with unequal
  // margins) to stay whole.
  const doubling = BigInt(unequalMargins ? 2 : 1);
  let scaledValue = mantissa << (BigInt(Math.max(exponent, 0)) + doubling);
  let scale = 1n << (BigInt(Math.max(-exponent, 0)) + doubling);
  let marginLow = 1n << BigInt(Math.max(exponent, 0));
  const marginHigh = (): bigint => (unequalMargins ? marginLow * 2n : marginLow);

  // An estimate of floor(log10(value)) + 1 that is right or one too low.
  let digitExponent = Math.ceil((mantissaBit + exponent) * LOG10_2 - 0.69);
  if (cutoffMax >= 0 && mode === 'fraction' && digitExponent <= -cutoffMax) digitExponent = -cutoffMax + 1;
  if (digitExponent > 0) {
    scale *= 10n ** BigInt(digitExponent);
  } else if (digitExponent < 0) {
    const power = 10n ** BigInt(-digitExponent);
    scaledValue *= power;
    marginLow *= power;
  }
  if (scaledValue >= scale) {
    digitExponent += 1;
  } else {
    scaledValue *= 10n;
    marginLow *= 10n;
  }

  let cutoffMaxExponent = digitExponent - DRAGON4_BUFFER;
  if (cutoffMax >= 0) cutoffMaxExponent = Math.max(cutoffMaxExponent, mode === 'total' ? digitExponent - cutoffMax : -cutoffMax);
  let cutoffMinExponent = digitExponent;
  if (cutoffMin >= 0) cutoffMinExponent = Math.min(cutoffMinExponent, mode === 'total' ? digitExponent - cutoffMin : -cutoffMin);
  const firstExponent = digitExponent - 1;

  const digits: number[] = [];
  let digit: number;
  let low: boolean;
  let high: boolean;
  for (;;) {
    digitExponent -= 1;
    digit = Number(scaledValue / scale);
    scaledValue %= scale;
    const lowGap = scaledValue - marginLow;
    const highGap = scaledValue + marginHigh() - scale;
    low = isEven ? lowGap <= 0n : lowGap < 0n;
    high = isEven ? highGap >= 0n : highGap > 0n;
    if (((low || high) && digitExponent <= cutoffMinExponent) || digitExponent === cutoffMaxExponent) break;
    digits.push(digit);
    scaledValue *= 10n;
    marginLow *= 10n;
  }

  let roundDown = low;
  if (low === high) {
    const twice = scaledValue * 2n;
    roundDown = twice < scale || (twice === scale && digit % 2 === 0);
  }
  if (roundDown) return { digits: [...digits, digit].join(''), exponent: firstExponent };
  if (digit < 9) return { digits: [...digits, digit + 1].join(''), exponent: firstExponent };
  // Rounding a 9 up carries into the digits before it; past the first, the
  // value becomes 1 at the next power of ten.
  while (digits.length > 0 && digits.at(-1) === 9) digits.pop();
  if (digits.length === 0) return { digits: '1', exponent: firstExponent + 1 };
  digits.push(digits.pop()! + 1);
  return { digits: digits.join(''), exponent: firstExponent };
}

function signOf(float: BinaryFloat): string {
  return float.negative ? '-' : '';
}

/**
 * dragon4.c, FormatPositional for `fractional=True`, `unique=True` and
 * `trim='.'`: `precision` decimals at most, `minDigits` at least, trailing
 * zeros trimmed but the point kept; -1 for no bound, no padding.
 */
function formatPositional(float: BinaryFloat, precision: number, minDigits: number, padLeft = -1, padRight = -1): string {
  const { digits, exponent } = dragon4(float, 'fraction', precision, minDigits);
  const wholeDigits = exponent + 1;
  let whole = '0';
  let fraction = '0'.repeat(Math.max(-wholeDigits, 0)) + digits;
  if (wholeDigits > 0) {
    whole = digits.slice(0, wholeDigits).padEnd(wholeDigits, '0');
    fraction = digits.slice(wholeDigits);
  }
  fraction = trimZeros(fraction);
  const sign = signOf(float);
  return `${sign}${whole}`.padStart(padLeft) + `.${fraction}${' '.repeat(Math.max(padRight - fraction.length, 0))}`;
}

/**
 * dragon4.c, FormatScientific with `unique=True`: `precision` decimals at
 * most, `minDigits` at least; trailing zeros kept (`trim='k'`) or trimmed
 * (`trim='.'`); the exponent on `exponentDigits` digits at least (2 for -1).
 */
function formatScientific(
  float: BinaryFloat,
  precision: number,
  minDigits: number,
  keepZeros: boolean,
  padLeft = -1,
  exponentDigits = -1,
): string {
  const { digits, exponent } = dragon4(float, 'total', precision < 0 ? -1 : precision + 1, minDigits < 0 ? -1 : minDigits + 1);
  const rest = digits.slice(1);
  const fraction = keepZeros ? rest.padEnd(Math.max(minDigits, 0), '0') : trimZeros(rest);
  const exponentText = String(Math.abs(exponent)).padStart(exponentDigits < 0 ? 2 : Math.min(exponentDigits, 5), '0');
  const mantissa = `${signOf(float)}${digits[0]!}`.padStart(padLeft);
  return `${mantissa}.${fraction}e${exponent < 0 ? '-' : '+'}${exponentText}`;
}

function trimZeros(digits: string): string {
  return digits.replace(/0+$/, '');
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
