import { describe, expect, it } from 'vitest';
import { createRandom, leakyRelu, rrelu, rreluBackward } from 'leaky-relu';

describe('rrelu(x, options)', () => {
  it('uses the mean slope (lower + upper) / 2 in evaluation, 11/48 by default', () => {
    const x = [-6, -0, 3, NaN];
    const { output, noise } = rrelu(x);
    expect(output).toEqual(leakyRelu(x, (1 / 8 + 1 / 3) / 2));
    expect(noise).toEqual([11 / 48, 1, 1, 11 / 48]);
  });

  it('draws one slope per negative element in [lower, upper] in training, replayable by seed', () => {
    const x = Array.from({ length: 2000 }, (_, i) => (i % 2 === 0 ? -1 - i : i));
    const first = rrelu(x, { training: true, seed: 5 });
    expect(rrelu(x, { training: true, seed: 5 })).toEqual(first);
    expect(rrelu(x, { training: true, seed: 6 })).not.toEqual(first);
    first.noise.forEach((slope, i) => {
      if (x[i]! >= 0) expect(slope).toBe(1);
      else {
        expect(slope).toBeGreaterThanOrEqual(1 / 8);
        expect(slope).toBeLessThan(1 / 3);
        expect(first.output[i]).toBe(slope * x[i]!);
      }
    });
    const slopes = first.noise.filter((_, i) => x[i]! < 0);
    const mean = slopes.reduce((sum, s) => sum + s, 0) / slopes.length;
    // U(1/8, 1/3) has mean 11/48 and deviation 0.06; 1000 draws: standard error 0.0019.
    expect(Math.abs(mean - 11 / 48)).toBeLessThan(0.01);
  });

  it('takes a generator instead of a seed', () => {
    const a = rrelu([-1, -1], { training: true, random: createRandom(9) });
    const b = rrelu([-1, -1], { training: true, seed: 9 });
    expect(a).toEqual(b);
  });

  it('computes a Float32Array in float32, with float32 slopes', () => {
    const { output, noise } = rrelu(new Float32Array([-3, 1]), { training: true, seed: 2 });
    expect(output).toBeInstanceOf(Float32Array);
    expect(noise[0]).toBe(Math.fround(noise[0]!));
    expect(output[0]).toBe(Math.fround(noise[0]! * -3));
  });

  it('rejects lower > upper, a non-finite bound, and training without a seed', () => {
    expect(() => rrelu([-1], { lower: 0.5, upper: 0.1 })).toThrow(
      new RangeError('options.lower must not exceed options.upper, got lower 0.5 and upper 0.1'),
    );
    expect(() => rrelu([-1], { upper: Infinity })).toThrow(new RangeError('options.upper must be a finite number, got Infinity'));
    expect(() => rrelu(new Float32Array([-1]), { upper: 1e39 })).toThrow(/^options.upper must be finite in float32/);
    expect(() => rrelu([-1], { training: 'false' as never })).toThrow(
      new TypeError('options.training must be a boolean, got "false" (string)'),
    );
    expect(() => rrelu([-1], { trainig: true } as never)).toThrow(/^options.trainig is not an option/);
    expect(() => rrelu([-1], { training: true, seed: 1, random: createRandom(1) })).toThrow(TypeError);
    expect(() => rrelu([-1], { training: true })).toThrow(TypeError);
    expect(() => rrelu(-1 as never)).toThrow(new TypeError('x must be an array for rrelu, got -1'));
  });

  it('takes the mean slope without overflow, and checks each draw of a given generator', () => {
    expect(rrelu([-1], { lower: 1e308, upper: 1.5e308 }).output).toEqual([-1.25e308]);
    const broken = { uniform: () => 1, normal: () => 0, below: () => 0 };
    expect(() => rrelu([-1], { training: true, random: broken })).toThrow(
      new RangeError('options.random.uniform() must return a number in [0, 1), got 1'),
    );
  });
});

describe('rreluBackward(gradOutput, noise)', () => {
  it('multiplies the gradient by the slopes the forward used, its exact derivative', () => {
    const x = [-4, -0.5, 2, -1];
    const { output, noise } = rrelu(x, { training: true, seed: 3 });
    const gradient = rreluBackward([1, 2, 3, 4], noise);
    expect(gradient).toEqual([noise[0]!, 2 * noise[1]!, 3, 4 * noise[3]!]);
    // With the slopes fixed, the output is linear in x on each side: a central difference is exact up to rounding.
    const h = 1e-6;
    x.forEach((value, i) => {
      const slope = noise[i]!;
      const numeric = ((value + h) * slope - (value - h) * slope) / (2 * h);
      expect(numeric).toBeCloseTo(rreluBackward([1, 1, 1, 1], noise)[i]!, 6);
      expect(output[i]).toBe(value * slope);
    });
  });

  it('throws when the gradient does not match the noise', () => {
    expect(() => rreluBackward([1], [1, 1])).toThrow(new RangeError('gradOutput must have length 2 like noise, got length 1'));
  });
});
