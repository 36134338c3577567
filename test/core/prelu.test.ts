import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { leakyRelu, prelu, preluBackward } from 'leaky-relu';
import { sameValues } from '../support/values.js';

const sumOf = (values: ArrayLike<number>, weights: ArrayLike<number>) =>
  Array.from(values).reduce((sum, v, i) => sum + v * weights[i]!, 0);

describe('prelu(x, slopes, options)', () => {
  it('is leakyRelu with one shared slope', () => {
    const x = new Float32Array([-3, -0, 0, NaN, 2, -Infinity]);
    expect(sameValues(prelu(x, [0.2]), leakyRelu(x, 0.2))).toBeUndefined();
    expect(sameValues(prelu([...x], [0.2]), leakyRelu([...x], 0.2))).toBeUndefined();
  });

  it('uses slopes[i % C] for channels-last and slopes[floor(i / spatial) % C] for channels-first', () => {
    expect(prelu([-1, -1, -1, -1, -1, -1], [1, 2, 3])).toEqual([-1, -2, -3, -1, -2, -3]);
    expect(prelu([-1, -1, -1, -1, -1, -1, -1, -1], [1, 2], { layout: 'channels-first', spatialSize: 2 })).toEqual([
      -1, -1, -2, -2, -1, -1, -2, -2,
    ]);
  });

  it('computes a Float32Array in float32 with each slope rounded to float32', () => {
    const y = prelu(new Float32Array([-3, -3]), [0.1, 0.3]);
    expect(y).toBeInstanceOf(Float32Array);
    expect(Array.from(y)).toEqual([Math.fround(Math.fround(0.1) * -3), Math.fround(Math.fround(0.3) * -3)]);
  });

  it('rejects bad arguments with the argument named', () => {
    expect(() => prelu(1 as never, [0.1])).toThrow(new TypeError('x must be an array for prelu, got 1'));
    expect(() => prelu([1], 0.1 as never)).toThrow(new TypeError('slopes must be an array for prelu, got 0.1'));
    expect(() => prelu([1], [])).toThrow(new RangeError('slopes must hold at least one slope, got none'));
    expect(() => prelu([1], [NaN])).toThrow(new RangeError('slopes[0] must be a finite number, got NaN'));
    expect(() => prelu([1, 2, 3], [1, 2])).toThrow(RangeError);
    expect(() => prelu([1, 2], [1, 2], { layout: 'channels-first' })).toThrow(
      new RangeError("options.spatialSize must be a positive whole number for 'channels-first', got undefined"),
    );
    expect(() => prelu([1, 2], [1], { layout: 'nhwc' as never })).toThrow(RangeError);
    expect(() => prelu([1, 2], [1], { layot: 'channels-first' } as never)).toThrow(
      new TypeError('options.layot is not an option; the options are: layout, spatialSize'),
    );
    expect(() => prelu([1, 2], [1], null as never)).toThrow(new TypeError('options must be an object, got null'));
    expect(() => prelu(new Float32Array([1]), [1e39])).toThrow(/^slopes\[0\] must be finite in float32/);
  });
});

describe('preluBackward(gradOutput, x, slopes, options)', () => {
  it('matches central finite differences for the input and every slope (fast-check, seeded)', () => {
    const away = fc.double({ min: 0.01, max: 10, noNaN: true }).chain((magnitude) => fc.constantFrom(magnitude, -magnitude));
    fc.assert(
      fc.property(
        fc.array(away, { minLength: 6, maxLength: 6 }),
        fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: 6, maxLength: 6 }),
        fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 2, maxLength: 2 }),
        fc.constantFrom('channels-last' as const, 'channels-first' as const),
        (x, g, slopes, layout) => {
          const options = { layout, spatialSize: 3 };
          const loss = (input: number[], s: number[]) => sumOf(prelu(input, s, options), g);
          const { gradInput, gradSlopes } = preluBackward(g, x, slopes, options);
          const h = 1e-6;
          const close = (analytic: number, numeric: number) => Math.abs(analytic - numeric) <= 1e-6 * Math.max(1, Math.abs(analytic));
          const inputOk = x.every((_, i) => {
            const above = x.map((v, j) => (j === i ? v + h : v));
            const below = x.map((v, j) => (j === i ? v - h : v));
            return close(gradInput[i]!, (loss(above, slopes) - loss(below, slopes)) / (2 * h));
          });
          const slopesOk = slopes.every((_, c) => {
            const above = slopes.map((s, j) => (j === c ? s + h : s));
            const below = slopes.map((s, j) => (j === c ? s - h : s));
            return close(gradSlopes[c]!, (loss(x, above) - loss(x, below)) / (2 * h));
          });
          return inputOk && slopesOk;
        },
      ),
      { numRuns: 500 },
    );
  });

  it('sums each slope gradient over its channel where x < 0 only', () => {
    const { gradSlopes } = preluBackward([1, 1, 1, 1], [-2, 3, -5, -0], [0.1, 0.1]);
    expect(Array.from(gradSlopes)).toEqual([-7, 0]);
  });

  it('returns gradInput of the input kind', () => {
    const { gradInput } = preluBackward(new Float64Array([2, 2]), new Float64Array([-1, 1]), [0.5]);
    expect(gradInput).toEqual(new Float64Array([1, 2]));
  });

  it('throws when gradOutput does not match x', () => {
    expect(() => preluBackward([1], [1, 2], [0.1])).toThrow(new RangeError('gradOutput must have length 2 like x, got length 1'));
  });
});
