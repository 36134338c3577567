import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { linspace } from 'leaky-relu';
import { fromBits } from '../support/bits.js';

interface Golden {
  numpy: string;
  linspace: { start: string; stop: string; num: number; bits: string[] }[];
}

const golden = JSON.parse(
  readFileSync(new URL('./fixtures/numpy-golden.json', import.meta.url), 'utf8'),
) as Golden;

const scalar = (hex: string): number => fromBits([hex], 'float64')[0]!;

describe('linspace(start, stop, num)', () => {
  it('includes both endpoints, like numpy.linspace', () => {
    expect(linspace(0, 1, 5)).toEqual(new Float64Array([0, 0.25, 0.5, 0.75, 1]));
    const values = linspace(-10, 10, 100);
    expect(values.length).toBe(100);
    expect(values[0]).toBe(-10);
    expect(values[99]).toBe(10);
  });

  it('has 50 points by default, as NumPy does', () => {
    expect(linspace(0, 1).length).toBe(50);
  });

  it('gives [start] for num = 1 and an empty array for num = 0', () => {
    expect(linspace(3, 7, 1)).toEqual(new Float64Array([3]));
    expect(linspace(3, 7, 0)).toEqual(new Float64Array(0));
  });

  it(`matches ${golden.linspace.length} numpy.linspace results bit for bit (NumPy ${golden.numpy})`, () => {
    for (const { start, stop, num, bits } of golden.linspace) {
      const expected = fromBits(bits, 'float64');
      const actual = linspace(scalar(start), scalar(stop), num);
      expect(actual.length).toBe(expected.length);
      actual.forEach((value, index) => {
        expect(Object.is(value, expected[index]), `linspace(${scalar(start)}, ${scalar(stop)}, ${num})[${index}]`).toBe(true);
      });
    }
  });

  it('throws a TypeError for a non-number argument', () => {
    expect(() => linspace('0' as never, 1)).toThrow(new TypeError('start must be a number, got "0" (string)'));
    expect(() => linspace(0, null as never)).toThrow(new TypeError('stop must be a number, got null'));
    expect(() => linspace(0, 1, 5n as never)).toThrow(new TypeError('num must be a number, got 5n (bigint)'));
  });

  it('throws a RangeError for a non-finite endpoint or a bad count', () => {
    expect(() => linspace(NaN, 1)).toThrow(new RangeError('start must be a finite number, got NaN'));
    expect(() => linspace(0, -Infinity)).toThrow(new RangeError('stop must be a finite number, got -Infinity'));
    expect(() => linspace(0, 1, -1)).toThrow(new RangeError('num must be a whole number, 0 or more, got -1'));
    expect(() => linspace(0, 1, 2.5)).toThrow(new RangeError('num must be a whole number, 0 or more, got 2.5'));
  });
});
