import { describe, expect, it } from 'vitest';
import { createRandom, makeCurveDataset } from 'leaky-relu/experiments';

describe('makeCurveDataset(size, random)', () => {
  it('draws inputs in [-3, 3) with targets near sin(2x) + x/3', () => {
    const data = makeCurveDataset(500, createRandom(1));
    expect(data.size).toBe(500);
    expect(data.width).toBe(1);
    data.inputs.forEach((x, i) => {
      expect(x >= -3 && x < 3).toBe(true);
      // The noise has deviation 0.05: 0.3 is six of them.
      expect(Math.abs(data.targets[i]! - (Math.sin(2 * x) + x / 3))).toBeLessThan(0.3);
    });
  });

  it('is the same for the same seed', () => {
    expect(makeCurveDataset(20, createRandom(5))).toEqual(makeCurveDataset(20, createRandom(5)));
  });

  it('throws a RangeError for a size that is not a positive whole number', () => {
    expect(() => makeCurveDataset(0, createRandom(1))).toThrow(new RangeError('size must be a whole number, 1 or more, got 0'));
    expect(() => makeCurveDataset('4' as never, createRandom(1))).toThrow(new TypeError('size must be a number, got "4" (string)'));
    expect(() => makeCurveDataset(2.5, createRandom(1))).toThrow(RangeError);
  });
});
