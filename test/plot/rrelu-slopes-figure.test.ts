import { describe, expect, it } from 'vitest';
import { rrelu } from 'leaky-relu';
import { rreluSlopesFigure } from 'leaky-relu/plot';

describe('rreluSlopesFigure(noise, options)', () => {
  const { noise } = rrelu(new Float64Array(5000).fill(-1), { training: true, seed: 7 });

  it('is, key for key, the figure notebook 04 drew by hand', () => {
    const lower = 1 / 8,
      upper = 1 / 3,
      bins = 25;
    const counts = new Array<number>(bins).fill(0);
    for (const slope of noise) counts[Math.min(bins - 1, Math.floor(((slope - lower) / (upper - lower)) * bins))]!++;
    const width = (upper - lower) / bins;
    const byHand = {
      data: [
        {
          type: 'scatter',
          mode: 'markers',
          name: 'drawn slopes (density)',
          x: counts.map((_, i) => lower + (i + 0.5) * width),
          y: counts.map((count) => count / (noise.length * width)),
          marker: { color: '#1f77b4', size: 8 },
        },
        { type: 'scatter', mode: 'lines', name: 'uniform on [1/8, 1/3]', x: [lower, upper], y: [1 / (upper - lower), 1 / (upper - lower)], line: { color: '#d62728', dash: 'dash' } },
      ],
      layout: { title: { text: 'RReLU: the distribution of the training slopes' }, xaxis: { title: { text: 'slope' } }, yaxis: { title: { text: 'density' }, rangemode: 'tozero' }, width: 800, height: 420 },
    };
    expect(JSON.stringify(rreluSlopesFigure(noise))).toBe(JSON.stringify(byHand));
  });

  it('has densities that integrate to 1 over [lower, upper]', () => {
    const { data } = rreluSlopesFigure(noise, { bins: 10 });
    const total = data[0]!.y.reduce((sum, density) => sum + density * ((1 / 3 - 1 / 8) / 10), 0);
    expect(total).toBeCloseTo(1, 12);
  });

  it('takes another range and writes a bound that is no unit fraction by its digits', () => {
    const drawn = rrelu([-1, -2, -3], { training: true, seed: 1, lower: 0.15, upper: 0.5 }).noise;
    const figure = rreluSlopesFigure(drawn, { lower: 0.15, upper: 0.5, bins: 2 });
    expect(figure.data[1]!.name).toBe('uniform on [0.15, 1/2]');
    expect(figure.data[1]!.x).toEqual([0.15, 0.5]);
    expect(figure.data[0]!.y.reduce((sum, density) => sum + density * 0.175, 0)).toBeCloseTo(1, 12);
  });

  it('counts a Float32Array’s slopes, rounded to float32 past a bound, in the end bins', () => {
    const figure = rreluSlopesFigure(new Float32Array([1 / 8, 1 / 3]), { bins: 2 });
    expect(figure.data[0]!.y.map((density) => density * ((1 / 3 - 1 / 8) / 2))).toEqual([0.5, 0.5]);
  });

  it.each([
    [[], {}, RangeError, 'noise must hold at least one slope, got Array(0)'],
    [[0.2, 1], {}, RangeError, 'noise[1] must be a slope in [options.lower, options.upper] = [0.125, 0.3333333333333333], got 1: give the slopes of negative inputs only'],
    [[0.2], { lower: 0.3, upper: 0.2 }, RangeError, 'options.lower must be below options.upper, got lower 0.3 and upper 0.2'],
    [[0.2], { bins: 0 }, RangeError, 'options.bins must be a whole number, 1 or more, got 0'],
    [[0.2], { upper: Number.POSITIVE_INFINITY }, RangeError, 'options.upper must be a finite number, got Infinity'],
    [new Float64Array([0.3334]), {}, RangeError, 'noise[0] must be a slope in [options.lower, options.upper] = [0.125, 0.3333333333333333], got 0.3334: give the slopes of negative inputs only'],
  ])('refuses noise %o with options %o', (bad, options, type, message) => {
    expect(() => rreluSlopesFigure(bad, options)).toThrow(new type(message));
  });
});
