import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { leakyRelu, leakyReluInverse, leakyReluLogAbsDetJacobian } from 'leaky-relu';

describe('leakyReluInverse(y, alpha)', () => {
  it.each([
    [-0, 0.5, -0],
    [0, 0.5, 0],
    [NaN, 0.5, NaN],
    [-Infinity, 0.5, -Infinity],
    [Infinity, 0.5, Infinity],
    [-1, 0.25, -4],
  ])('leakyReluInverse(%s, %s) is %s, checked with Object.is', (y, alpha, expected) => {
    expect(Object.is(leakyReluInverse(y, alpha), expected)).toBe(true);
  });

  // The contract in leakyReluInverse's TSDoc, tested as stated: every double x,
  // every alpha > 0 (subnormal and huge ones included), in float64 and in float32.
  const SMALLEST_NORMAL = { float64: 2 ** -1022, float32: 2 ** -126 } as const;
  const anyDouble = fc.double({ noNaN: true });
  const anySlope = fc.oneof(
    fc.double({ min: Number.MIN_VALUE, max: Number.MAX_VALUE, noNaN: true }),
    fc.integer({ min: -1074, max: 1023 }).map((k) => 2 ** k),
  );
  const float32Slope = anySlope.filter((alpha) => Math.fround(alpha) > 0 && Number.isFinite(Math.fround(alpha)));
  const isPowerOfTwo = (value: number): boolean => Math.log2(value) % 1 === 0 && 2 ** Math.log2(value) === value;
  /** The spacing of the doubles (or floats) at |x|'s binade. */
  const ulpOf = (x: number, precision: 'float32' | 'float64'): number => {
    const [mantissa, minimum] = precision === 'float64' ? [52, -1074] : [23, -149];
    const exponent = Math.floor(Math.log2(Math.abs(x)));
    return 2 ** Math.max(exponent - mantissa, minimum);
  };

  function roundTripHolds(x: number, alpha: number, precision: 'float32' | 'float64'): boolean {
    const array = precision === 'float32' ? new Float32Array([x]) : new Float64Array([x]);
    const value = array[0]!;
    const y = leakyRelu(array, alpha)[0]!;
    const back = leakyReluInverse(leakyRelu(array, alpha), alpha)[0]!;
    const slope = precision === 'float32' ? Math.fround(alpha) : alpha;
    if (!(value < 0) || value === -Infinity) return Object.is(back, value);
    if (!(Math.abs(y) >= SMALLEST_NORMAL[precision] && Number.isFinite(y))) {
      // The product left the normal range: the inverse is still the division, rounded once.
      const divided = y / slope;
      return Object.is(back, precision === 'float32' ? Math.fround(divided) : divided);
    }
    if (isPowerOfTwo(slope)) return Object.is(back, value);
    return Math.abs(back - value) <= ulpOf(value, precision);
  }

  it('round-trips as the contract says, in float64, for every x and alpha > 0 (fast-check, seeded)', () => {
    fc.assert(fc.property(anyDouble, anySlope, (x, alpha) => roundTripHolds(x, alpha, 'float64')));
  });

  it('round-trips as the contract says, in float32, for every x and alpha > 0 (fast-check, seeded)', () => {
    const float32 = fc.integer({ min: 0, max: 0xffffffff }).map((bits) => new Float32Array(new Uint32Array([bits]).buffer)[0]!);
    fc.assert(fc.property(float32.filter((x) => !Number.isNaN(x)), float32Slope, (x, alpha) => roundTripHolds(x, alpha, 'float32')));
  });

  it('is exact for power-of-two alphas wherever the product stays normal, subnormal alphas included', () => {
    fc.assert(
      fc.property(anyDouble, fc.integer({ min: -1074, max: 1023 }), (x, k) => {
        const alpha = 2 ** k;
        const y = leakyRelu(x, alpha);
        fc.pre(x >= 0 || (Math.abs(y) >= SMALLEST_NORMAL.float64 && Number.isFinite(y)));
        return Object.is(leakyReluInverse(y, alpha), x);
      }),
    );
  });

  it.each([
    ['alpha = 2^-1074 underflows -0.5 to -0', -0.5, 2 ** -1074, 'float64'],
    ['alpha = 2^1000 overflows -2^100 to -Infinity', -(2 ** 100), 2 ** 1000, 'float64'],
    ['float32 alpha = 0.1 on a subnormal', -1e-40, 0.1, 'float32'],
  ] as const)('leaves the round trip when the product leaves the normal range: %s', (_case, x, alpha, precision) => {
    expect(roundTripHolds(x, alpha, precision)).toBe(true);
    const array = precision === 'float32' ? new Float32Array([x]) : new Float64Array([x]);
    const y = leakyRelu(array, alpha)[0]!;
    expect(Math.abs(y) >= SMALLEST_NORMAL[precision] && Number.isFinite(y)).toBe(false);
  });

  it('rejects, for a Float32Array, an alpha that rounds to 0 or to infinity in float32', () => {
    expect(() => leakyReluInverse(new Float32Array([-1]), 1e-46)).toThrow(
      new RangeError('alpha must be above 0 in float32 to invert a Float32Array, got 1e-46, which rounds to 0'),
    );
    expect(() => leakyReluLogAbsDetJacobian(new Float32Array([-1]), 1e-46)).toThrow(RangeError);
    expect(() => leakyReluInverse(new Float32Array([-1]), 1e300)).toThrow(/^alpha must be finite in float32/);
    expect(() => leakyReluLogAbsDetJacobian(new Float32Array([-1]), 1e300)).toThrow(RangeError);
    expect(leakyReluInverse(-1, 1e-46)).toBe(-1e46);
    expect(Array.from(leakyReluInverse(new Float32Array([-1]), 2 ** -149))).toEqual([-Infinity]);
  });

  it('computes a Float32Array in float32', () => {
    const y = leakyReluInverse(new Float32Array([-1, 2]), 0.1);
    expect(Array.from(y)).toEqual([Math.fround(-1 / Math.fround(0.1)), 2]);
  });

  it('throws a RangeError for alpha <= 0, where Leaky ReLU is not invertible', () => {
    expect(() => leakyReluInverse(1, 0)).toThrow(new RangeError('alpha must be above 0 for Leaky ReLU to be invertible, got 0'));
    expect(() => leakyReluInverse(1, -0.5)).toThrow(RangeError);
    expect(() => leakyReluInverse(1, NaN)).toThrow(new RangeError('alpha must be a finite number, got NaN'));
  });

  it('has types that follow the input kind', () => {
    expectTypeOf(leakyReluInverse(-1)).toEqualTypeOf<number>();
    expectTypeOf(leakyReluInverse([-1])).toEqualTypeOf<number[]>();
    expectTypeOf(leakyReluInverse([-1] as readonly number[])).toEqualTypeOf<number[]>();
    expectTypeOf(leakyReluInverse(new Float32Array(1))).toEqualTypeOf<Float32Array>();
    expectTypeOf(leakyReluInverse(new Float64Array(1))).toEqualTypeOf<Float64Array>();
    const typeErrorsOnly = (): void => {
      // @ts-expect-error a number has no out
      leakyReluInverse(-1, 0.5, { out: [1] });
      // @ts-expect-error the inverse takes no convention
      leakyReluInverse([-1], 0.5, { convention: 'pytorch' });
    };
    expectTypeOf(typeErrorsOnly).toBeFunction();
  });
});

describe('leakyReluLogAbsDetJacobian(x, alpha)', () => {
  it('is log(alpha) times the number of negative elements', () => {
    expect(leakyReluLogAbsDetJacobian([-1, -2, 0, -0, 3], 0.5)).toBe(2 * Math.log(0.5));
    expect(leakyReluLogAbsDetJacobian(new Float32Array([-1]), 0.1)).toBe(Math.log(Math.fround(0.1)));
    expect(leakyReluLogAbsDetJacobian(-3, 0.01)).toBe(Math.log(0.01));
    expect(leakyReluLogAbsDetJacobian([1, 2])).toBe(0);
  });

  it('equals the sum of log |derivative|, the log-determinant of the diagonal Jacobian', () => {
    const x = [-3, 1, -0.5, 2, -7];
    const alpha = 0.2;
    const expected = x.reduce((sum, v) => sum + Math.log(v >= 0 ? 1 : alpha), 0);
    expect(leakyReluLogAbsDetJacobian(x, alpha)).toBeCloseTo(expected, 14);
  });

  it('is NaN when an element is NaN, and rejects alpha <= 0', () => {
    expect(leakyReluLogAbsDetJacobian([1, NaN], 0.5)).toBeNaN();
    expect(() => leakyReluLogAbsDetJacobian([1], 0)).toThrow(RangeError);
  });
});
