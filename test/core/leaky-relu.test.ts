import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { leakyRelu, leakyReluDerivative } from 'leaky-relu';
import { SLOPES, SPECIAL_INPUTS, sameValues } from '../support/values.js';

describe('leakyRelu(x, alpha)', () => {
  it('reproduces the spec usage example', () => {
    expect(leakyRelu([-2, -1, 0, 1, 2], 0.01)).toEqual([-0.02, -0.01, 0, 1, 2]);
  });

  it('uses alpha = 0.01 by default', () => {
    expect(leakyRelu(-1)).toBe(-0.01);
    expect(leakyRelu(-1, undefined)).toBe(-0.01);
  });

  it.each([
    [0, 0.01, 0],
    [-0, 0.01, -0],
    [-0, -0.5, -0],
    [0, -0.5, 0],
    [NaN, 0.01, NaN],
    [NaN, 0, NaN],
    [Infinity, 0.01, Infinity],
    [Infinity, 0, Infinity],
    [-Infinity, 0.01, -Infinity],
    [-Infinity, 0, NaN],
    [-Infinity, -0.5, Infinity],
    [-2, 0, -0],
    [-2, -0.5, 1],
    [-2, 3, -6],
    [5, -0.5, 5],
  ])('leakyRelu(%s, %s) is %s, checked with Object.is', (x, alpha, expected) => {
    expect(Object.is(leakyRelu(x, alpha), expected)).toBe(true);
  });

  it('computes a Float32Array in float32: fround(fround(alpha) * x)', () => {
    const x = new Float32Array([-1, -3, 7]);
    const y = leakyRelu(x, 0.01);
    expect(y).toBeInstanceOf(Float32Array);
    expect(y[0]).toBe(Math.fround(Math.fround(0.01) * -1));
    expect(y[0]).toBe(-0.009999999776482582);
    expect(y[1]).toBe(Math.fround(Math.fround(0.01) * -3));
    expect(y[2]).toBe(7);
  });

  it('computes a number, a number[] and a Float64Array in float64', () => {
    const x = [-3, -0.7, 1e-300, -1e-300];
    const expected = x.map((v) => (v >= 0 ? v : 0.01 * v));
    expect(sameValues(leakyRelu(x, 0.01), expected)).toBeUndefined();
    expect(sameValues(leakyRelu(new Float64Array(x), 0.01), expected)).toBeUndefined();
    expect(x.map((v) => leakyRelu(v, 0.01))).toEqual(expected);
  });

  it('gives the same special values for every kind and slope', () => {
    for (const alpha of SLOPES) {
      const scalar = SPECIAL_INPUTS.map((v) => leakyRelu(v, alpha));
      expect(sameValues(leakyRelu([...SPECIAL_INPUTS], alpha), scalar)).toBeUndefined();
      expect(sameValues(leakyRelu(new Float64Array(SPECIAL_INPUTS), alpha), scalar)).toBeUndefined();
      const float32 = new Float32Array(SPECIAL_INPUTS);
      const expected32 = Array.from(float32, (v) => (v >= 0 ? v : Math.fround(Math.fround(alpha) * v)));
      expect(sameValues(leakyRelu(float32, alpha), expected32), `alpha ${alpha}`).toBeUndefined();
    }
  });

  it('returns a new array and leaves x alone', () => {
    const x = [-1, 2];
    const y = leakyRelu(x);
    expect(y).not.toBe(x);
    expect(x).toEqual([-1, 2]);
  });

  it('writes into options.out and returns it', () => {
    const x = new Float64Array([-1, 2]);
    const out = new Float64Array(2);
    expect(leakyRelu(x, 0.5, { out })).toBe(out);
    expect(out).toEqual(new Float64Array([-0.5, 2]));
    const outArray = [0, 0];
    expect(leakyRelu([-4, 4], 0.5, { out: outArray })).toBe(outArray);
    expect(outArray).toEqual([-2, 4]);
  });

  it('runs in place when options.out is x', () => {
    const x = new Float32Array([-1, 2, -3]);
    expect(leakyRelu(x, 0.5, { out: x })).toBe(x);
    expect(x).toEqual(new Float32Array([-0.5, 2, -1.5]));
  });

  it('reads all of x before writing when options.out overlaps x at a shift', () => {
    const buffer = new Float64Array([-2, -4, -6, -8, 0]);
    const x = buffer.subarray(0, 4);
    const out = buffer.subarray(1, 5);
    leakyRelu(x, 0.5, { out });
    expect(buffer).toEqual(new Float64Array([-2, -1, -2, -3, -4]));
  });

  describe('rejects bad input before writing anything', () => {
    it('throws a TypeError for an alpha that is not a number', () => {
      expect(() => leakyRelu(1, '0.1' as never)).toThrow(new TypeError('alpha must be a number, got "0.1" (string)'));
      expect(() => leakyRelu(1, null as never)).toThrow(new TypeError('alpha must be a number, got null'));
      expect(() => leakyRelu(1, 1n as never)).toThrow(new TypeError('alpha must be a number, got 1n (bigint)'));
    });

    it('throws a RangeError for NaN or an infinite alpha', () => {
      expect(() => leakyRelu(1, NaN)).toThrow(new RangeError('alpha must be a finite number, got NaN'));
      expect(() => leakyRelu([1], Infinity)).toThrow(new RangeError('alpha must be a finite number, got Infinity'));
      expect(() => leakyRelu(new Float32Array(1), -Infinity)).toThrow(
        new RangeError('alpha must be a finite number, got -Infinity'),
      );
    });

    it('allows a negative alpha and an alpha above 1', () => {
      expect(leakyRelu(-2, -0.5)).toBe(1);
      expect(leakyRelu(-2, 3)).toBe(-6);
    });

    it('throws a TypeError for an x of another type', () => {
      const message = (got: string) =>
        new TypeError(`x must be a number, an array of numbers, a Float32Array or a Float64Array, got ${got}`);
      expect(() => leakyRelu('1' as never)).toThrow(message('"1" (string)'));
      expect(() => leakyRelu(new Int32Array(2) as never)).toThrow(message('Int32Array(2)'));
      expect(() => leakyRelu(undefined as never)).toThrow(message('undefined'));
      expect(() => leakyRelu({ length: 1, 0: 1 } as never)).toThrow(message('an object (Object)'));
      expect(() => leakyRelu(1n as never)).toThrow(message('1n (bigint)'));
    });

    it('throws a TypeError naming the first element of x that is not a number', () => {
      expect(() => leakyRelu([1, 2, '3'] as never)).toThrow(new TypeError('x[2] must be a number, got "3" (string)'));
      // eslint-disable-next-line no-sparse-arrays -- the hole is the input under test
      expect(() => leakyRelu([1, , 3] as never)).toThrow(new TypeError('x[1] must be a number, got undefined'));
    });

    it('throws for an out of the wrong kind or length, and writes nothing', () => {
      const x = new Float32Array([-1, 1]);
      const wrongKind = new Float64Array(2);
      expect(() => leakyRelu(x, 0.01, { out: wrongKind as never })).toThrow(
        new TypeError('options.out must be a Float32Array like x, got Float64Array(2)'),
      );
      const wrongLength = new Float32Array([7, 7, 7]);
      expect(() => leakyRelu(x, 0.01, { out: wrongLength })).toThrow(
        new RangeError('options.out must have length 2 like x, got length 3'),
      );
      expect(wrongLength).toEqual(new Float32Array([7, 7, 7]));
      expect(() => leakyRelu([1], 0.01, { out: new Float64Array(1) as never })).toThrow(
        new TypeError('options.out must be an array like x, got Float64Array(1)'),
      );
      expect(() => leakyRelu(1, 0.01, { out: [0] as never })).toThrow(
        new TypeError('options.out is only for array inputs, but x is a number'),
      );
    });

    it('throws a TypeError for options that are not an object or hold an unknown key', () => {
      expect(() => leakyRelu(1, 0.01, 3 as never)).toThrow(new TypeError('options must be an object, got 3'));
      expect(() => leakyRelu([1], 0.01, { otu: [0] } as never)).toThrow(
        new TypeError('options.otu is not an option; the options are: out, convention, subnormals'),
      );
    });

    it('writes nothing into out when alpha is bad', () => {
      const out = new Float64Array([9]);
      expect(() => leakyRelu(new Float64Array([1]), NaN, { out })).toThrow(RangeError);
      expect(out[0]).toBe(9);
    });
  });

  it('has types that follow the input kind', () => {
    expectTypeOf(leakyRelu(1)).toEqualTypeOf<number>();
    expectTypeOf(leakyRelu([1, 2])).toEqualTypeOf<number[]>();
    expectTypeOf(leakyRelu(new Float32Array(1))).toEqualTypeOf<Float32Array>();
    expectTypeOf(leakyRelu(new Float64Array(1))).toEqualTypeOf<Float64Array>();
    expectTypeOf(leakyRelu([1, 2] as readonly number[])).toEqualTypeOf<number[]>();
    expectTypeOf(leakyRelu(1 as number | Float32Array)).toEqualTypeOf<number | Float32Array>();
    const typeErrorsOnly = (): void => {
      // @ts-expect-error a number has no out
      leakyRelu(1, 0.01, { out: [1] });
      // @ts-expect-error out must be of x's kind
      leakyRelu(new Float32Array(1), 0.01, { out: new Float64Array(1) });
      // @ts-expect-error alpha is a number
      leakyRelu(1, '0.1');
    };
    expectTypeOf(typeErrorsOnly).toBeFunction();
  });
});

describe('leakyRelu(x, alpha) properties (fast-check, seeded)', () => {
  const finiteDouble = fc.double({ noNaN: true, noDefaultInfinity: true });
  const slope = fc.double({ noNaN: true, noDefaultInfinity: true, min: -10, max: 10 });
  // Every double whose float32 rounding is finite: the slopes a Float32Array accepts.
  const float32Slope = finiteDouble.filter((alpha) => Number.isFinite(Math.fround(alpha)));

  it('is x on [0, ∞) and alpha·x below 0: piecewise linear', () => {
    fc.assert(
      fc.property(fc.double(), slope, (x, alpha) => {
        const y = leakyRelu(x, alpha);
        return Object.is(y, x >= 0 ? x : alpha * x);
      }),
    );
  });

  it('commutes with scaling by a power of two on each side: leakyRelu(2^k·x) = 2^k·leakyRelu(x)', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e100, max: 1e100, noNaN: true }), slope, fc.integer({ min: -60, max: 60 }), (x, alpha, k) => {
        // Below the normal range a product loses precision, and scaling no longer commutes.
        fc.pre((x === 0 || Math.abs(x) >= 1e-200) && (alpha === 0 || Math.abs(alpha) >= 1e-6));
        const scale = 2 ** k;
        const expected = scale * leakyRelu(x, alpha);
        return Object.is(leakyRelu(scale * x, alpha), expected);
      }),
    );
  });

  it('is continuous at 0: |leakyRelu(x)| <= max(1, |alpha|)·|x|', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e-6, max: 1e-6, noNaN: true }), slope, (x, alpha) => {
        return Math.abs(leakyRelu(x, alpha)) <= Math.max(1, Math.abs(alpha)) * Math.abs(x);
      }),
    );
  });

  it('has leakyReluDerivative as its central finite difference away from 0', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), slope, (x, alpha) => {
        const h = 1e-6 * Math.max(1, Math.abs(x));
        fc.pre(Math.abs(x) > 2 * h);
        const difference = (leakyRelu(x + h, alpha) - leakyRelu(x - h, alpha)) / (2 * h);
        const derivative = leakyReluDerivative(x, alpha);
        return Math.abs(difference - derivative) <= 1e-6 * Math.max(1, Math.abs(derivative));
      }),
    );
  });

  it('is monotonic for alpha >= 0', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true }), fc.double({ noNaN: true }), fc.double({ min: 0, max: 10, noNaN: true }), (a, b, alpha) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        return leakyRelu(low, alpha) <= leakyRelu(high, alpha);
      }),
    );
  });

  it('gives the same result in place as out of place', () => {
    fc.assert(
      fc.property(fc.array(fc.float()), slope, (values, alpha) => {
        const x = new Float32Array(values);
        const expected = leakyRelu(x, alpha);
        const inPlace = leakyRelu(x, alpha, { out: x });
        return inPlace === x && sameValues(x, expected) === undefined;
      }),
      { numRuns: 1000 },
    );
  });

  it('computes float32 bit patterns as fround(fround(alpha)·x)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 0xffffffff }), { minLength: 1 }), float32Slope, (bits, alpha) => {
        const x = new Float32Array(new Uint32Array(bits).buffer);
        const expected = Array.from(x, (v) => (v >= 0 ? v : Math.fround(Math.fround(alpha) * v)));
        return sameValues(leakyRelu(x, alpha), expected) === undefined;
      }),
      { numRuns: 2000 },
    );
  });

  it('rejects, for a Float32Array, every alpha whose float32 rounding is infinite', () => {
    fc.assert(
      fc.property(finiteDouble.filter((alpha) => !Number.isFinite(Math.fround(alpha))), (alpha) => {
        expect(() => leakyRelu(new Float32Array([-1]), alpha)).toThrow(RangeError);
        expect(() => leakyRelu(new Float32Array([-1]), alpha)).toThrow(/^alpha must be finite in float32/);
        return Number.isFinite(leakyRelu(-1, alpha));
      }),
      { numRuns: 500 },
    );
  });
});
