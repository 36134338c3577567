import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { leakyReluBackward, leakyReluDerivative } from 'leaky-relu';
import { SLOPES, SPECIAL_INPUTS, sameValues } from '../support/values.js';

describe('leakyReluBackward(gradOutput, x, alpha)', () => {
  it('passes the gradient through for x >= 0 and scales it by alpha below', () => {
    expect(leakyReluBackward([1, 2, 3, 4, 5], [-2, -1, 0, 1, 2], 0.5)).toEqual([0.5, 1, 3, 4, 5]);
  });

  it.each([
    [1, 0, 0.01, 1],
    [1, -0, 0.01, 1],
    [-0, 5, 0.01, -0],
    [2, NaN, 0.5, 1],
    [NaN, 1, 0.5, NaN],
    [Infinity, -1, 0, NaN],
    [3, -1, -0.5, -1.5],
  ])('leakyReluBackward(%s, %s, %s) is %s, checked with Object.is', (gradOutput, x, alpha, expected) => {
    expect(Object.is(leakyReluBackward(gradOutput, x, alpha), expected)).toBe(true);
  });

  it('equals gradOutput * leakyReluDerivative(x) elementwise, for every kind (fast-check, seeded)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.float(), fc.float())),
        fc.double({ min: -10, max: 10, noNaN: true }),
        (pairs, alpha) => {
          const gradOutput = pairs.map(([g]) => g);
          const x = pairs.map(([, v]) => v);
          const expected = x.map((v, i) => gradOutput[i]! * leakyReluDerivative(v, alpha));
          const expected32 = Array.from(new Float32Array(expected.length), (_, i) =>
            x[i]! >= 0 ? Math.fround(gradOutput[i]!) : Math.fround(Math.fround(alpha) * gradOutput[i]!),
          );
          return (
            sameValues(leakyReluBackward(gradOutput, x, alpha), expected) === undefined &&
            sameValues(leakyReluBackward(new Float64Array(gradOutput), new Float64Array(x), alpha), expected) ===
              undefined &&
            sameValues(leakyReluBackward(new Float32Array(gradOutput), new Float32Array(x), alpha), expected32) ===
              undefined
          );
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('gives the same special values for every kind and slope', () => {
    for (const alpha of SLOPES) {
      const gradOutput = SPECIAL_INPUTS.map((_, i) => (i % 2 === 0 ? 3 : -0.25));
      const scalar = SPECIAL_INPUTS.map((v, i) => leakyReluBackward(gradOutput[i]!, v, alpha));
      expect(sameValues(leakyReluBackward(gradOutput, [...SPECIAL_INPUTS], alpha), scalar)).toBeUndefined();
      expect(
        sameValues(leakyReluBackward(new Float64Array(gradOutput), new Float64Array(SPECIAL_INPUTS), alpha), scalar),
      ).toBeUndefined();
    }
  });

  it('writes into options.out, which may be gradOutput or x', () => {
    const gradOutput = new Float32Array([2, 2]);
    const x = new Float32Array([-1, 1]);
    expect(leakyReluBackward(gradOutput, x, 0.5, { out: gradOutput })).toBe(gradOutput);
    expect(gradOutput).toEqual(new Float32Array([1, 2]));
    const x2 = new Float32Array([-1, 1]);
    expect(leakyReluBackward(new Float32Array([4, 4]), x2, 0.5, { out: x2 })).toBe(x2);
    expect(x2).toEqual(new Float32Array([2, 4]));
  });

  it('throws when gradOutput differs from x in kind or length, and writes nothing', () => {
    const out = new Float32Array([7, 7]);
    expect(() => leakyReluBackward(new Float64Array(2) as never, new Float32Array(2), 0.01, { out })).toThrow(
      new TypeError('gradOutput must be a Float32Array like x, got Float64Array(2)'),
    );
    expect(() => leakyReluBackward(new Float32Array(3), new Float32Array(2), 0.01, { out })).toThrow(
      new RangeError('gradOutput must have length 2 like x, got length 3'),
    );
    expect(() => leakyReluBackward([1] as never, 1)).toThrow(new TypeError('gradOutput must be a number like x, got Array(1)'));
    expect(() => leakyReluBackward(['1'] as never, [1])).toThrow(new TypeError('gradOutput[0] must be a number, got "1" (string)'));
    expect(out).toEqual(new Float32Array([7, 7]));
  });

  it('has types that follow the input kind', () => {
    expectTypeOf(leakyReluBackward(1, 0)).toEqualTypeOf<number>();
    expectTypeOf(leakyReluBackward([1], [0])).toEqualTypeOf<number[]>();
    expectTypeOf(leakyReluBackward(new Float32Array(1), new Float32Array(1))).toEqualTypeOf<Float32Array>();
    expectTypeOf(leakyReluBackward(new Float64Array(1), new Float64Array(1))).toEqualTypeOf<Float64Array>();
    expectTypeOf(leakyReluBackward([1] as readonly number[], [0] as readonly number[])).toEqualTypeOf<number[]>();
    expectTypeOf(leakyReluBackward([1], [0] as readonly number[])).toEqualTypeOf<number[]>();
    const typeErrorsOnly = (): void => {
      // @ts-expect-error gradOutput must be of x's kind
      leakyReluBackward(new Float64Array(1), new Float32Array(1));
      // @ts-expect-error gradOutput must be of x's kind
      leakyReluBackward(1, [0]);
      // @ts-expect-error a number has no out
      leakyReluBackward(1, 0, 0.01, { out: [1] });
      // @ts-expect-error out must be of x's kind
      leakyReluBackward([1], [0], 0.01, { out: new Float32Array(1) });
    };
    expectTypeOf(typeErrorsOnly).toBeFunction();
  });
});
