import type { ColorMode } from '@docusaurus/theme-common';
import type { PlotlyFigure } from './figure';

// The site's two grounds. Light figures are drawn as they were made (the
// spec's Matplotlib look); dark mode changes the ground, the text and the
// axes, and lightens the standard colours, so curves keep their meaning.
const DARK_LAYOUT = {
  paper_bgcolor: '#1b1b1d',
  plot_bgcolor: '#1b1b1d',
  font: { color: '#e3e3e3' },
  axis: { linecolor: '#9aa0a6', gridcolor: '#3c4043', zerolinecolor: '#5f6368' },
  legend: { bgcolor: 'rgba(0,0,0,0)' },
};
const DARK_COLORS: Record<string, string> = {
  blue: '#6ea8fe',
  red: '#ff6b6b',
  green: '#63e6be',
  darkorange: '#ffc078',
  purple: '#da77f2',
  '#1f77b4': '#6ea8fe',
  '#d62728': '#ff6b6b',
  black: '#e3e3e3',
  white: '#1b1b1d',
};

/**
 * The figure as drawn on the site: as wide as its container (a fixed width
 * from a notebook would overflow a phone), and in the colour mode's colours.
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
  const axes = Object.fromEntries(
    Object.entries(sized)
      .filter(([key]) => /^[xy]axis\d*$/.test(key))
      .map(([key, axis]) => [key, { ...(axis as object), ...DARK_LAYOUT.axis }]),
  );
  return {
    data: figure.data.map(recolor),
    layout: {
      ...sized,
      ...axes,
      paper_bgcolor: DARK_LAYOUT.paper_bgcolor,
      plot_bgcolor: DARK_LAYOUT.plot_bgcolor,
      font: { ...(sized.font as object), ...DARK_LAYOUT.font },
      legend: { ...(sized.legend as object), ...DARK_LAYOUT.legend },
    },
  };
}

function recolor(trace: Record<string, unknown>): Record<string, unknown> {
  const swap = (value: unknown): unknown =>
    typeof value === 'string' ? (DARK_COLORS[value] ?? value) : Array.isArray(value) ? value.map(swap) : value;
  const style = (part: unknown): unknown => {
    if (typeof part !== 'object' || part === null) return part;
    const entries: [string, unknown][] = Object.entries(part).map(([key, value]) => [key, key === 'line' ? style(value) : key === 'color' ? swap(value) : value]);
    return Object.fromEntries(entries);
  };
  // Only the styles a trace has: Plotly fails on a `marker` key that holds undefined.
  const restyled = Object.fromEntries(['line', 'marker'].filter((key) => trace[key] !== undefined).map((key) => [key, style(trace[key])]));
  return { ...trace, ...restyled };
}
