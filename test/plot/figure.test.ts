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

  it('takes a layout width and height only as numbers of pixels, since they reach HTML and script text', () => {
    expect(checkFigure({ data: [], layout: { width: 1000, height: 600 } }).layout).toEqual({ width: 1000, height: 600 });
    expect(() => checkFigure({ data: [], layout: { width: '100px;background:url(https://evil.example/)' } })).toThrow(
      new TypeError('figure.layout.width must be a number of pixels, got "100px;background:url(https://evil.example/)" (string)'),
    );
    expect(() => checkFigure({ data: [], layout: { height: "1';alert(1);'" } })).toThrow(
      new TypeError(`figure.layout.height must be a number of pixels, got "1';alert(1);'" (string)`),
    );
    expect(() => checkFigure({ data: [], layout: { width: 10n } })).toThrow(TypeError);
    expect(() => checkFigure({ data: [], layout: { height: Number.NaN } })).toThrow(new RangeError('figure.layout.height must be a finite number of pixels, at least 10, got NaN'));
    expect(() => checkFigure({ data: [], layout: { width: Infinity } })).toThrow(RangeError);
    expect(() => checkFigure({ data: [], layout: { width: 9 } })).toThrow(RangeError);
  });

  it('checks an inherited width too, as it is the one read', () => {
    const layout = Object.create({ width: '"><script>alert(1)</script>' }) as Record<string, unknown>;
    expect(() => checkFigure({ data: [], layout })).toThrow(TypeError);
  });
});
