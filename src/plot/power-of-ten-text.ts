const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/**
 * A count as a legend reads it: a power of ten from 10 up as `10` and its
 * exponent in superscript digits (10000000 is `10⁷`), any other count as its digits.
 */
export function powerOfTenText(count: number): string {
  const exponent = Math.round(Math.log10(count));
  if (exponent < 1 || 10 ** exponent !== count) return String(count);
  return `10${[...String(exponent)].map((digit) => SUPERSCRIPT_DIGITS[Number(digit)]).join('')}`;
}
