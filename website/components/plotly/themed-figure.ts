import type { ColorMode } from '@docusaurus/theme-common';
import { plotThemes } from 'leaky-relu/plot';
import type { PlotlyFigure } from './figure.js';

/** Where and how a chart is drawn: what the browser knows, not the figure. */
export interface ChartSurface {
  /** The site's colour mode. */
  readonly colorMode: ColorMode;
  /** The chart's height in pixels, before room is made for a legend below it. */
  readonly height: number;
  /** The container's width in pixels. */
  readonly width: number;
  /** The page's font family, so a chart reads in the site's type. */
  readonly fontFamily?: string;
  /** A coarse pointer (a finger): a drag scrolls the page, it does not zoom. */
  readonly touch?: boolean;
}

/** Under this width a chart is laid out for a phone: its legend under the plot, its title wrapped. */
export const NARROW_CHART = 600;
/** The height of the mode bar (28 px of buttons, and its offset): a title sits below it. */
const MODE_BAR = 36;
const LEGEND_ROW = 22;
/** The page's own background shows through, in either colour mode. */
const TRANSPARENT = 'rgba(0,0,0,0)';
const TITLE_LINE = 20;

/**
 * The figure as drawn on the site: as wide as its container (a fixed width
 * from a notebook would overflow a phone), in the site's type and on the
 * page's own ground, and in the colour mode's theme from leaky-relu/plot. A
 * figure is made in the light theme (the spec's Matplotlib look); in dark
 * mode it takes the dark theme's text and axes, and each light palette colour
 * becomes the dark palette's colour of the same rank, so a curve keeps its
 * meaning. On a narrow container the legend moves under the plot, one entry
 * a row, and the chart grows by the legend's height rather than squeezing
 * the plot; the title wraps below the mode bar.
 */
export function themedFigure(figure: PlotlyFigure, surface: ChartSurface): PlotlyFigure {
  const { width: _width, height: _height, ...layout } = figure.layout;
  const narrow = surface.width < NARROW_CHART;
  const legendRows = narrow ? figure.data.filter((trace) => trace.showlegend !== false).length : 0;
  const title = titleText(layout.title);
  const titleLines = title === undefined ? 0 : narrow ? wrapTitle(title, surface.width).length : 1;
  const margin: { t: number; r: number; b: number; l: number } = { r: 20, b: 50, l: 60, ...(layout.margin as object), t: MODE_BAR + TITLE_LINE * titleLines + 12 };
  const sized: Record<string, unknown> = {
    ...layout,
    autosize: true,
    height: surface.height + legendRows * LEGEND_ROW,
    paper_bgcolor: TRANSPARENT,
    plot_bgcolor: TRANSPARENT,
    font: { size: narrow ? 12 : 13, ...(layout.font as object), ...(surface.fontFamily ? { family: surface.fontFamily } : {}) },
    margin: narrow ? { ...margin, r: Math.min(margin.r, 60), l: Math.min(margin.l, 55), b: margin.b + legendRows * LEGEND_ROW } : margin,
    ...(title === undefined
      ? {}
      : { title: { ...(layout.title as object), text: narrow ? wrapTitle(title, surface.width).join('<br>') : title, font: { size: narrow ? 14 : 16 }, yref: 'container', y: 1, yanchor: 'top', pad: { t: MODE_BAR } } }),
    ...(narrow && legendRows > 0
      ? { legend: { ...(layout.legend as object), orientation: 'v', x: 0, xanchor: 'left', yref: 'container', y: 0, yanchor: 'bottom', bgcolor: TRANSPARENT } }
      : {}),
    // On a phone a drag over the chart scrolls the page: no drag-to-zoom or pan takes the touch.
    ...(surface.touch ? { dragmode: false } : {}),
  };
  if (surface.colorMode === 'light') return { data: figure.data, layout: sized };
  const { xaxis, yaxis, paper_bgcolor: _paper, plot_bgcolor: _plot, ...dark } = plotThemes.dark.layout;
  const axes = Object.fromEntries(
    Object.entries(sized)
      .filter(([key]) => /^[xy]axis\d*$/.test(key))
      .map(([key, axis]) => [key, { ...(axis as object), ...(key.startsWith('x') ? xaxis : yaxis) }]),
  );
  return {
    data: figure.data.map(recolor),
    layout: { ...sized, ...axes, ...dark, font: { ...(sized.font as object), ...dark.font }, legend: { ...(sized.legend as object), bgcolor: TRANSPARENT } },
  };
}

function titleText(title: unknown): string | undefined {
  if (typeof title === 'string') return title;
  const text = (title as { text?: unknown } | undefined)?.text;
  return typeof text === 'string' ? text : undefined;
}

/**
 * A title cut into lines at spaces, each short enough for the width at 14 px
 * (about 7.5 px a character), so no line is cut off at the chart's edges.
 */
export function wrapTitle(title: string, width: number): string[] {
  const perLine = Math.max(12, Math.floor((width - 20) / 7.5));
  const lines: string[] = [];
  for (const word of title.split(' ')) {
    const last = lines.at(-1);
    if (last !== undefined && `${last} ${word}`.length <= perLine) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
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
