import { describe, expect, it } from 'vitest';
import { leakyRelu } from 'leaky-relu';
import { createRandom } from 'leaky-relu/experiments';
import { meanOutputFigure } from 'leaky-relu/plot';

const random = createRandom(2024);
const samples = Float64Array.from({ length: 10_000 }, () => random.normal());
const alphas = [0, 0.01, 0.1, 0.3, 0.5, 1];

describe('meanOutputFigure(samples, alphas)', () => {
  it('is, key for key, the figure notebook 03 drew by hand', () => {
    const mean = (values: ArrayLike<number>) => {
      let sum = 0;
      for (let i = 0; i < values.length; i++) sum += values[i]!;
      return sum / values.length;
    };
    const alphaGrid = Array.from({ length: 21 }, (_, i) => i / 20);
    const byHand = {
      data: [
        { type: 'scatter', mode: 'lines', name: '(1 − α) / √(2π)', x: alphaGrid, y: alphaGrid.map((a) => (1 - a) / Math.sqrt(2 * Math.PI)), line: { color: '#1f77b4' } },
        {
          type: 'scatter',
          mode: 'markers',
          name: 'empirical mean (10⁴ draws)',
          x: alphas,
          y: alphas.map((alpha) => mean(leakyRelu(samples, alpha))),
          marker: { color: '#d62728', size: 9 },
        },
      ],
      layout: { title: { text: 'Mean output for standard normal input' }, xaxis: { title: { text: 'alpha' } }, yaxis: { title: { text: 'E[LeakyReLU(X)]' } }, width: 800, height: 450 },
    };
    expect(JSON.stringify(meanOutputFigure(samples, alphas))).toBe(JSON.stringify(byHand));
  });

  it('widens the analytic line to the alphas given, and names a count that is no power of ten by its digits', () => {
    const figure = meanOutputFigure([1, -1, 2], [-1, 3]);
    const line = figure.data[0]!;
    expect(line.x[0]).toBe(-1);
    expect(line.x[20]).toBe(3);
    expect(line.y[0]).toBe(2 / Math.sqrt(2 * Math.PI));
    expect(figure.data[1]!.name).toBe('empirical mean (3 draws)');
    expect(figure.data[1]!.y).toEqual([4 / 3, 0]);
  });

  it('reads a number[] and a Float32Array as leakyRelu does', () => {
    expect(meanOutputFigure([-2, 4], [0.5]).data[1]!.y).toEqual([1.5]);
    const float32 = new Float32Array([-0.1, 0.3]);
    expect(meanOutputFigure(float32, [0.1]).data[1]!.y).toEqual([(leakyRelu(float32, 0.1)[0]! + leakyRelu(float32, 0.1)[1]!) / 2]);
    expect(meanOutputFigure(new Float64Array(10), [0]).data[1]!.name).toBe('empirical mean (10¹ draws)');
  });

  it.each([
    [[], [0], RangeError, 'samples must hold at least one draw, got Array(0)'],
    [['1'], [0], TypeError, 'samples[0] must be a number, got "1" (string)'],
    [[1], [], RangeError, 'alphas must hold at least one alpha, got Array(0)'],
    [[1], [Number.NaN], RangeError, 'alphas[0] must be a finite number, got NaN'],
    [[1], 0.1, TypeError, 'alphas must be an array of numbers, got 0.1'],
  ])('refuses samples %j and alphas %j', (bad, badAlphas, type, message) => {
    expect(() => meanOutputFigure(bad as never, badAlphas as never)).toThrow(new type(message));
  });
});
