import type { ColorMode } from '@docusaurus/theme-common';
import { plotThemes } from 'leaky-relu/plot';
import type { PlotlyFigure } from './figure';

/**
 * The figure as drawn on the site: as wide as its container (a fixed width
 * from a notebook would overflow a phone), and in the colour mode's theme
 * from leaky-relu/plot. A figure is made in the light theme (the spec's
 * Matplotlib look); in dark mode it takes the dark theme's ground, text and
 * axes, and each light palette colour becomes the dark palette's colour of
 * the same rank, so a curve keeps its meaning.
 */
export function themedFigure(figure: PlotlyFigure, colorMode: ColorMode, height: number): PlotlyFigure {
  const { width: _width, height: _height, ...layout } = figure.layout;
  const sized: Record<string, unknown> = {
    ...layout,
    autosize: true,
    height,
    margin: { t: 60, r: 20, b: 50, l: 60, ...(layout.margin as object) },
  };
  if (colorMode === 'light') return { data: figure.data, layout: sized };
  const { xaxis, yaxis, ...dark } = plotThemes.dark.layout;
  const axes = Object.fromEntries(
    Object.entries(sized)
      .filter(([key]) => /^[xy]axis\d*$/.test(key))
      .map(([key, axis]) => [key, { ...(axis as object), ...(key.startsWith('x') ? xaxis : yaxis) }]),
  );
  return {
    data: figure.data.map(recolor),
    layout: { ...sized, ...axes, ...dark, font: { ...(sized.font as object), ...dark.font }, legend: { ...(sized.legend as object), bgcolor: 'rgba(0,0,0,0)' } },
  };
}

const DARK_COLORS = new Map<string, string>([
  ...plotThemes.light.palette.map((color, rank) => [color, plotThemes.dark.palette[rank]!] as const),
  [plotThemes.light.layout.plot_bgcolor!, plotThemes.dark.layout.plot_bgcolor!],
]);

function recolor(trace: Record<string, unknown>): Record<string, unknown> {
  const swap = (value: unknown): unknown =>
    typeof value === 'string' ? (DARK_COLORS.get(value) ?? value) : Array.isArray(value) ? value.map(swap) : value;
  const style = (part: unknown): unknown => {
    if (typeof part !== 'object' || part === null) return part;
    const entries: [string, unknown][] = Object.entries(part).map(([key, value]) => [key, key === 'line' ? style(value) : key === 'color' ? swap(value) : value]);
    return Object.fromEntries(entries);
  };
  // Only the styles a trace has: Plotly fails on a `marker` key that holds undefined.
  const restyled = Object.fromEntries(['line', 'marker'].filter((key) => trace[key] !== undefined).map((key) => [key, style(trace[key])]));
  return { ...trace, ...restyled };
}
