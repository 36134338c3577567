import { describe, expect, it } from 'vitest';
import { createRandom } from 'leaky-relu';

describe('createRandom(seed)', () => {
  it('replays the same sequence for the same seed, and another for another seed', () => {
    const draw = (seed: number) => {
      const random = createRandom(seed);
      return Array.from({ length: 5 }, () => random.uniform());
    };
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
  });

  it('draws uniforms in [0, 1) and whole numbers below a bound', () => {
    const random = createRandom(3);
    const uniforms = Array.from({ length: 10_000 }, () => random.uniform());
    expect(uniforms.every((u) => u >= 0 && u < 1)).toBe(true);
    const wholes = Array.from({ length: 10_000 }, () => random.below(6));
    expect(new Set(wholes)).toEqual(new Set([0, 1, 2, 3, 4, 5]));
  });

  it('draws normals with mean 0 and variance 1', () => {
    const random = createRandom(11);
    const n = 200_000;
    let sum = 0;
    let squares = 0;
    for (let i = 0; i < n; i++) {
      const z = random.normal();
      sum += z;
      squares += z * z;
    }
    expect(Number.isFinite(squares)).toBe(true);
    // Five standard errors: 5/sqrt(n) for the mean, 5*sqrt(2/n) for the variance.
    expect(Math.abs(sum / n)).toBeLessThan(5 / Math.sqrt(n));
    expect(Math.abs(squares / n - 1)).toBeLessThan(5 * Math.sqrt(2 / n));
  });

  it('throws a TypeError for a seed that is not a number', () => {
    expect(() => createRandom('1' as never)).toThrow(new TypeError('seed must be a number, got "1" (string)'));
  });

  it('throws a RangeError for a seed outside its 2^32 streams, rather than folding it onto one', () => {
    for (const seed of [1.5, -1, 2 ** 32, 1e300, NaN, Infinity]) {
      expect(() => createRandom(seed)).toThrow(RangeError);
    }
    expect(() => createRandom(2 ** 32)).toThrow(new RangeError('seed must be a whole number from 0 to 4294967295, got 4294967296'));
    expect(createRandom(2 ** 32 - 1).uniform()).not.toBe(createRandom(0).uniform());
  });

  it('checks the bound of below()', () => {
    expect(() => createRandom(1).below(0)).toThrow(new RangeError('bound must be a whole number, 1 or more, got 0'));
    expect(() => createRandom(1).below('2' as never)).toThrow(TypeError);
  });
});
