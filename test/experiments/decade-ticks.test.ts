import { describe, expect, it } from 'vitest';
import { decadeTicks } from '../../src/experiments/decade-ticks.js';

describe('decadeTicks', () => {
  it('labels a loss axis at the powers of ten only, in order, over whole decades', () => {
    expect(decadeTicks([0.0117121, 0.5, 1.000351])).toEqual({
      range: [-2, 1],
      tickvals: [0.01, 0.1, 1, 10],
      ticktext: ['10<sup>-2</sup>', '10<sup>-1</sup>', '1', '10<sup>1</sup>'],
    });
  });

  it('spans at least one decade, so a flat loss still gets two labels', () => {
    expect(decadeTicks([0.02, 0.03])).toEqual({ range: [-2, -1], tickvals: [0.01, 0.1], ticktext: ['10<sup>-2</sup>', '10<sup>-1</sup>'] });
  });

  it('leaves out values a log axis cannot show, and has a range before any epoch', () => {
    expect(decadeTicks([0, -1, Number.NaN, Number.POSITIVE_INFINITY, 0.5]).range).toEqual([-1, 0]);
    expect(decadeTicks([]).range).toEqual([-2, 0]);
  });

  it('never gives a signed zero, which JSON would write as 0 and Object.is tells apart', () => {
    expect(Object.is(decadeTicks([0.5]).range[1], 0)).toBe(true);
  });
});
