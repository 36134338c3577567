import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
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

  it('round-trips exactly in float64 when alpha is a power of two (fast-check, seeded)', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e300, max: 1e300, noNaN: true }), fc.integer({ min: -20, max: 0 }), (x, k) => {
        fc.pre(x === 0 || Math.abs(x) > 1e-290);
        const alpha = 2 ** k;
        return Object.is(leakyReluInverse(leakyRelu(x, alpha), alpha), x);
      }),
    );
  });

  it('round-trips to within one unit in the last place for any alpha > 0 (fast-check, seeded)', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e100, max: 1e100, noNaN: true }), fc.double({ min: 1e-3, max: 10, noNaN: true }), (x, alpha) => {
        fc.pre(x === 0 || Math.abs(x) > 1e-200);
        const back = leakyReluInverse(leakyRelu(x, alpha), alpha);
        const ulp = Math.abs(x) * Number.EPSILON;
        return Math.abs(back - x) <= ulp;
      }),
    );
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
});

describe('leakyReluLogAbsDetJacobian(x, alpha)', () => {
  it('is log(alpha) times the number of negative elements', () => {
    expect(leakyReluLogAbsDetJacobian([-1, -2, 0, -0, 3], 0.5)).toBe(2 * Math.log(0.5));
    expect(leakyReluLogAbsDetJacobian(new Float32Array([-1]), 0.1)).toBe(Math.log(0.1));
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
