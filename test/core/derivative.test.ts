import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { leakyReluDerivative } from 'leaky-relu';
import { SLOPES, SPECIAL_INPUTS, sameValues } from '../support/values.js';

describe('leakyReluDerivative(x, alpha)', () => {
  it('is 1 for x >= 0 and alpha below, as the spec defines', () => {
    expect(leakyReluDerivative([-2, -1, 0, 1, 2], 0.01)).toEqual([0.01, 0.01, 1, 1, 1]);
  });

  it.each([
    [0, 0.01, 1],
    [-0, 0.01, 1],
    [NaN, 0.01, 0.01],
    [NaN, 0, 0],
    [Infinity, 0.01, 1],
    [-Infinity, 0.01, 0.01],
    [-1, -0.5, -0.5],
    [-1, 0, 0],
    [-1, -0, -0],
    [Number.MIN_VALUE, 0.3, 1],
    [-Number.MIN_VALUE, 0.3, 0.3],
  ])('leakyReluDerivative(%s, %s) is %s, checked with Object.is', (x, alpha, expected) => {
    expect(Object.is(leakyReluDerivative(x, alpha), expected)).toBe(true);
  });

  it('holds fround(alpha) for a Float32Array and alpha itself otherwise', () => {
    expect(leakyReluDerivative(new Float32Array([-1, 1]), 0.01)).toEqual(new Float32Array([Math.fround(0.01), 1]));
    expect(leakyReluDerivative(new Float64Array([-1, 1]), 0.01)).toEqual(new Float64Array([0.01, 1]));
  });

  it('gives the same special values for every kind and slope', () => {
    for (const alpha of SLOPES) {
      const scalar = SPECIAL_INPUTS.map((v) => leakyReluDerivative(v, alpha));
      expect(sameValues(leakyReluDerivative([...SPECIAL_INPUTS], alpha), scalar)).toBeUndefined();
      expect(sameValues(leakyReluDerivative(new Float64Array(SPECIAL_INPUTS), alpha), scalar)).toBeUndefined();
      const x32 = new Float32Array(SPECIAL_INPUTS);
      const expected32 = Array.from(x32, (v) => Math.fround(leakyReluDerivative(v, alpha)));
      expect(sameValues(leakyReluDerivative(x32, alpha), expected32)).toBeUndefined();
    }
  });

  it('writes into options.out, which may be x', () => {
    const x = new Float64Array([-3, 3]);
    expect(leakyReluDerivative(x, 0.5, { out: x })).toBe(x);
    expect(x).toEqual(new Float64Array([0.5, 1]));
  });

  it('rejects bad input with the argument and value named', () => {
    expect(() => leakyReluDerivative(1, NaN)).toThrow(new RangeError('alpha must be a finite number, got NaN'));
    expect(() => leakyReluDerivative(true as never)).toThrow(TypeError);
    expect(() => leakyReluDerivative([0], 0.1, { out: [0, 0] })).toThrow(
      new RangeError('options.out must have length 1 like x, got length 2'),
    );
  });

  it('has types that follow the input kind', () => {
    expectTypeOf(leakyReluDerivative(0)).toEqualTypeOf<number>();
    expectTypeOf(leakyReluDerivative([0])).toEqualTypeOf<number[]>();
    expectTypeOf(leakyReluDerivative(new Float32Array(1))).toEqualTypeOf<Float32Array>();
    expectTypeOf(leakyReluDerivative(new Float64Array(1))).toEqualTypeOf<Float64Array>();
    expectTypeOf(leakyReluDerivative([0] as readonly number[])).toEqualTypeOf<number[]>();
    expectTypeOf(leakyReluDerivative(0 as number | Float64Array)).toEqualTypeOf<number | Float64Array>();
    const typeErrorsOnly = (): void => {
      // @ts-expect-error a number has no out
      leakyReluDerivative(0, 0.01, { out: [1] });
      // @ts-expect-error out must be of x's kind
      leakyReluDerivative(new Float64Array(1), 0.01, { out: new Float32Array(1) });
    };
    expectTypeOf(typeErrorsOnly).toBeFunction();
  });

  it('is a step function: 1 or alpha, nothing else (fast-check, seeded)', () => {
    fc.assert(
      fc.property(fc.double(), fc.double({ min: -10, max: 10, noNaN: true }), (x, alpha) => {
        const slope = leakyReluDerivative(x, alpha);
        return x >= 0 ? slope === 1 : Object.is(slope, alpha);
      }),
    );
  });
});
