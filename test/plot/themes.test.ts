import { describe, expect, it } from 'vitest';
import { plotThemes } from 'leaky-relu/plot';

describe('plotThemes', () => {
  it('light starts its palette with the spec’s blue and red', () => {
    expect(plotThemes.light.palette.slice(0, 2)).toEqual(['blue', 'red']);
  });

  it('dark sets a dark ground with light text and grid', () => {
    expect(plotThemes.dark.layout).toMatchObject({ paper_bgcolor: '#111418', plot_bgcolor: '#111418', font: { color: '#e6e6e6' } });
    expect(plotThemes.dark.layout.xaxis?.gridcolor).toBe('#3c4043');
  });

  it('both set the same layout attributes, so switching a theme changes only colours', () => {
    const shape = (value: unknown): unknown =>
      typeof value === 'object' && value !== null
        ? Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, shape(inner)]))
        : typeof value;
    expect(shape(plotThemes.dark.layout)).toEqual(shape(plotThemes.light.layout));
    expect(plotThemes.dark.palette.length).toBe(plotThemes.light.palette.length);
  });
});
