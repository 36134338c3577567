import { describe, expect, it } from 'vitest';
import { checkFigure } from '../../src/plot/figure.js';

describe('checkFigure(value)', () => {
  it('returns a { data, layout } object as it is', () => {
    const figure = { data: [], layout: {} };
    expect(checkFigure(figure)).toBe(figure);
  });

  it('throws a TypeError naming the argument for anything else', () => {
    expect(() => checkFigure(null)).toThrow(new TypeError('figure must be a Plotly figure { data: [...], layout: {...} }, got null'));
    expect(() => checkFigure({ data: {}, layout: {} })).toThrow(
      new TypeError('figure must be a Plotly figure { data: [...], layout: {...} }, got an object (Object)'),
    );
    expect(() => checkFigure({ data: [], layout: 'wide' }, 'chart')).toThrow(
      new TypeError('chart.layout must be an object, got "wide" (string)'),
    );
  });
});
