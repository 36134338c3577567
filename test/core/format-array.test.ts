import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { formatArray } from 'leaky-relu';
import { fromBits } from '../support/bits.js';

type FloatDtype = 'float32' | 'float64';

/** Written by scripts/numpy-golden.py; bits are hex IEEE patterns, space-separated. */
interface Golden {
  numpy: string;
  format: [dtype: FloatDtype, bits: string, text: string][];
  summaries: [dtype: FloatDtype, size: number, shownBits: string, hiddenBits: string, text: string][];
  integers: { values: number[]; text: string }[];
}

const golden = JSON.parse(
  readFileSync(new URL('./fixtures/numpy-golden.json', import.meta.url), 'utf8'),
) as Golden;

/** The cases whose printed text differs from NumPy's, the first few with their input. */
function mismatches(cases: readonly { input: string; actual: () => string; expected: string }[]): string[] {
  return cases
    .map(({ input, actual, expected }) => ({ input, text: actual(), expected }))
    .filter(({ text, expected }) => text !== expected)
    .map(({ input, text, expected }) => `${input}: got ${JSON.stringify(text)}, NumPy ${JSON.stringify(expected)}`);
}

describe('formatArray(x) prints as NumPy does', () => {
  it('reproduces the spec usage example verbatim', () => {
    expect(`Input: ${formatArray([-2, -1, 0, 1, 2])}`).toBe('Input: [-2 -1  0  1  2]');
    expect(`Output: ${formatArray([-0.02, -0.01, 0, 1, 2].map((v) => v + 0.5 - 0.5))}`).toBe(
      'Output: [-0.02 -0.01  0.    1.    2.  ]',
    );
  });

  it('uses a sign column, trailing-dot padding and scientific notation like NumPy', () => {
    expect(formatArray([0.5, -1.25, 3])).toBe('[ 0.5  -1.25  3.  ]');
    expect(formatArray([1e-5, 1, 2])).toBe('[1.e-05 1.e+00 2.e+00]');
    expect(formatArray(new Float64Array([0, 1]))).toBe('[0. 1.]');
    expect(formatArray([-0.5, -0])).toBe('[-0.5 -0. ]');
  });

  it('prints nan and inf, padded to the shared width', () => {
    expect(formatArray([NaN, 1.5])).toBe('[nan 1.5]');
    expect(formatArray([Infinity, -Infinity, NaN])).toBe('[ inf -inf  nan]');
  });

  it('prints a number[] of safe integers, and integer typed arrays, as integers', () => {
    expect(formatArray([0, 1])).toBe('[0 1]');
    expect(formatArray(new Int32Array([-100, 3, 7]))).toBe('[-100    3    7]');
    expect(formatArray(new Uint8Array([1, 255]))).toBe('[  1 255]');
    expect(formatArray(new BigInt64Array([-5n, 10n]))).toBe('[-5 10]');
    expect(formatArray([2 ** 53, 1])).toBe('[9.00719925e+15 1.00000000e+00]');
  });

  it('prints an empty array as []', () => {
    expect(formatArray([])).toBe('[]');
    expect(formatArray(new Float32Array(0))).toBe('[]');
  });

  it('rounds half to even on the exact binary value at the 8th decimal', () => {
    expect(formatArray([1 / 512, 0.5])).toBe('[0.00195312 0.5       ]');
    expect(formatArray([3 / 1024, 0.5])).toBe('[0.00292969 0.5       ]');
  });

  it('compares the float32 minimum with 1e-4 in float32, as NumPy 2 does', () => {
    expect(formatArray(new Float32Array([1e-4, 0.05]))).toBe('[0.0001 0.05  ]');
    expect(formatArray(new Float64Array([Math.fround(1e-4), 0.05]))).toBe('[9.99999975e-05 5.00000000e-02]');
  });

  it('switches float32 to scientific notation from 1e6, float64 from 1e8, as NumPy 2.3+ does', () => {
    expect(formatArray(new Float32Array([999999]))).toBe('[999999.]');
    expect(formatArray(new Float32Array([1e6]))).toBe('[1.e+06]');
    expect(formatArray(new Float32Array([83990112]))).toBe('[8.399011e+07]');
    expect(formatArray(new Float64Array([83990112]))).toBe('[83990112.]');
    expect(formatArray(new Float64Array([1e8]))).toBe('[1.e+08]');
  });

  it("stops at float32's shortest unique digits, a tie with an even mantissa included", () => {
    // 113032740 is the midpoint between 113032736 (even mantissa) and the
    // next float32, and reads back as 113032736: 8 digits suffice.
    expect(formatArray(new Float32Array([113032736]))).toBe('[1.1303274e+08]');
  });

  it(`matches ${golden.format.length} float arrays printed by NumPy ${golden.numpy}`, () => {
    const cases = golden.format.map(([dtype, bits, text]) => {
      const values = fromBits(bits.split(' ').filter(Boolean), dtype);
      return { input: `${dtype} ${bits}`, actual: () => formatArray(values), expected: text };
    });
    expect(cases.length).toBeGreaterThan(6000);
    expect(mismatches(cases).slice(0, 10)).toEqual([]);
  });

  it('prints a number[] of floats as the float64 array it holds', () => {
    const cases = golden.format
      .filter(([dtype]) => dtype === 'float64')
      .map(([dtype, bits, text]) => ({ values: Array.from(fromBits(bits.split(' ').filter(Boolean), dtype)), bits, text }))
      .filter(({ values }) => !values.every((value) => Number.isSafeInteger(value)))
      .map(({ values, bits, text }) => ({ input: `number[] ${bits}`, actual: () => formatArray(values), expected: text }));
    expect(cases.length).toBeGreaterThan(2000);
    expect(mismatches(cases).slice(0, 10)).toEqual([]);
  });

  it(`matches ${golden.summaries.length} summarised arrays, formatted from the six elements shown`, () => {
    const cases = golden.summaries.map(([dtype, size, shownBits, hiddenBits, text]) => {
      const shown = fromBits(shownBits.split(' '), dtype);
      const hidden = fromBits([hiddenBits], dtype)[0]!;
      const values = dtype === 'float32' ? new Float32Array(size) : new Float64Array(size);
      values.fill(hidden);
      values.set(shown.subarray(0, 3), 0);
      values.set(shown.subarray(3), size - 3);
      return { input: `${dtype}(${size}) ${shownBits} around ${hiddenBits}`, actual: () => formatArray(values), expected: text };
    });
    expect(mismatches(cases).slice(0, 10)).toEqual([]);
  });

  it(`matches ${golden.integers.length} integer arrays printed by NumPy`, () => {
    for (const { values, text } of golden.integers) expect(formatArray(values)).toBe(text);
  });

  it('decides between integers and float64 from every element of a number[], shown or not', () => {
    const values = Array.from({ length: 2000 }, (_, index) => index);
    expect(formatArray(values)).toBe('[   0    1    2 ... 1997 1998 1999]');
    values[1000] = 0.5;
    // NumPy 2.4.6: str(np.array(values)), the float64 array of the six shown.
    expect(formatArray(values)).toBe('[0.000e+00 1.000e+00 2.000e+00 ... 1.997e+03 1.998e+03 1.999e+03]');
  });

  it('reads each element of a number[] once, getters and Proxies included', () => {
    const reads = new Map<PropertyKey, number>();
    const proxy = new Proxy([0.5, 1, 2], {
      get(target, key, receiver) {
        reads.set(key, (reads.get(key) ?? 0) + 1);
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    expect(formatArray(proxy)).toBe('[0.5 1.  2. ]');
    expect([reads.get('0'), reads.get('1'), reads.get('2')]).toEqual([1, 1, 1]);

    let calls = 0;
    const changing = [1, 2];
    Object.defineProperty(changing, 0, { get: () => (++calls === 1 ? 1 : '7') });
    expect(formatArray(changing)).toBe('[1 2]');
  });

  it('reads a typed array through the intrinsic length and tag, not the instance', () => {
    const lengthened = new Float32Array([1.5, 2]);
    Object.defineProperty(lengthened, 'length', { value: 5000 });
    expect(formatArray(lengthened)).toBe('[1.5 2. ]');
    const disguised = new Int32Array([1, 2]);
    Object.defineProperty(disguised, Symbol.toStringTag, { value: 'Float32Array' });
    expect(formatArray(disguised)).toBe('[1 2]');
  });

  it('prints typed arrays from another realm', () => {
    expect(formatArray(runInNewContext('new Float32Array([1.5, 2])') as Float32Array)).toBe('[1.5 2. ]');
    expect(formatArray(runInNewContext('[0.5, 1]') as number[])).toBe('[0.5 1. ]');
  });

  it('prints a large typed array from its six shown elements', () => {
    const values = new Float32Array(3_000_000).fill(0.25);
    values[1_500_000] = NaN;
    expect(formatArray(values)).toBe('[0.25 0.25 0.25 ... 0.25 0.25 0.25]');
  });

  it('throws a TypeError naming the bad argument or element', () => {
    expect(() => formatArray('abc' as never)).toThrow(
      new TypeError('x must be an array of numbers or a numeric typed array, got "abc" (string)'),
    );
    expect(() => formatArray([1, '2'] as never)).toThrow(new TypeError('x[1] must be a number, got "2" (string)'));
    expect(() => formatArray(new DataView(new ArrayBuffer(4)) as never)).toThrow(
      new TypeError('x must be an array of numbers or a numeric typed array, got an object (DataView)'),
    );
    expect(() => formatArray({ length: 1, 0: 1 } as never)).toThrow(TypeError);
  });

  it('throws a TypeError at a hole, never skipping it, as the ops do', () => {
    // eslint-disable-next-line no-sparse-arrays -- the hole is the input under test
    expect(() => formatArray([1, , 3] as number[])).toThrow(new TypeError('x[1] must be a number, got undefined'));
    const sparse = new Array<number>(2000);
    sparse[0] = 1;
    sparse[1999] = 2;
    expect(() => formatArray(sparse)).toThrow(new TypeError('x[1] must be a number, got undefined'));
  });
});
