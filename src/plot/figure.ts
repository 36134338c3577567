import { describeValue } from '../base/describe-value.js';
import { isArray, isRevokedProxy } from '../base/is-array.js';

/**
 * The Plotly figure JSON the builders return and `show` displays: the subset
 * of Plotly's schema this package writes, as plain JSON-serialisable objects
 * (arrays, never typed arrays), so that a figure can be stored in a notebook,
 * sent to any Plotly front end, or edited before it is shown.
 */

/** A line's style: Plotly's `scatter.line`. */
export interface LineStyle {
  color?: string;
  dash?: 'solid' | 'dot' | 'dash' | 'longdash' | 'dashdot' | 'longdashdot';
  width?: number;
}

/** Point markers: Plotly's `scatter.marker`. */
export interface MarkerStyle {
  color?: string | string[];
  size?: number;
  symbol?: string | string[];
  line?: { color?: string | string[]; width?: number };
}

/** One curve or set of points: a Plotly `scatter` trace. */
export interface ScatterTrace {
  type: 'scatter';
  mode: 'lines' | 'markers' | 'lines+markers';
  name: string;
  x: number[];
  y: number[];
  line?: LineStyle;
  marker?: MarkerStyle;
  hovertemplate?: string;
  showlegend?: boolean;
  [attribute: string]: unknown;
}

/** A title: Plotly's `{ text }` form (the string form was removed in plotly.js 3). */
export interface Title {
  text: string;
  [attribute: string]: unknown;
}

/** An axis: Plotly's `layout.xaxis` and `layout.yaxis`. */
export interface Axis {
  title?: Title;
  showgrid?: boolean;
  gridcolor?: string;
  zeroline?: boolean;
  zerolinecolor?: string;
  linecolor?: string;
  range?: [number, number];
  [attribute: string]: unknown;
}

/** The figure's layout: Plotly's `layout`. */
export interface Layout {
  title?: Title;
  xaxis?: Axis;
  yaxis?: Axis;
  /** A second y axis, `overlaying: 'y'`, for a trace with `yaxis: 'y2'`. */
  yaxis2?: Axis;
  showlegend?: boolean;
  width?: number;
  height?: number;
  paper_bgcolor?: string;
  plot_bgcolor?: string;
  font?: { color?: string; family?: string; size?: number };
  legend?: { [attribute: string]: unknown };
  [attribute: string]: unknown;
}

/** A Plotly figure: `{ data, layout }`, as `Plotly.newPlot(element, data, layout)` takes it. */
export interface Figure {
  data: ScatterTrace[];
  layout: Layout;
}

/**
 * Checks that a value looks like a figure before it is displayed, so that a
 * mistake is reported here rather than as a blank chart in the browser.
 *
 * @throws {TypeError} when `value` is not `{ data: [...], layout: {...} }`, or its `layout.width` or `layout.height` is not a number.
 * @throws {RangeError} when `layout.width` or `layout.height` is not finite, or under plotly.js's minimum of 10 pixels.
 */
export function checkFigure(value: unknown, name = 'figure'): Figure {
  const figure = value as Partial<Figure> | null;
  if (typeof figure !== 'object' || figure === null || isRevokedProxy(figure) || !isArray(figure.data)) {
    throw new TypeError(`${name} must be a Plotly figure { data: [...], layout: {...} }, got ${describeValue(value)}`);
  }
  if (typeof figure.layout !== 'object' || figure.layout === null) {
    throw new TypeError(`${name}.layout must be an object, got ${describeValue(figure.layout)}`);
  }
  for (const side of ['width', 'height'] as const) {
    // The size reaches the live chart's HTML and script as text, so only a
    // number may; the value read, own or inherited, is the value checked.
    const size = figure.layout[side];
    if (size === undefined) continue;
    if (typeof size !== 'number') throw new TypeError(`${name}.layout.${side} must be a number of pixels, got ${describeValue(size)}`);
    if (!Number.isFinite(size) || size < 10) throw new RangeError(`${name}.layout.${side} must be a finite number of pixels, at least 10, got ${describeValue(size)}`);
  }
  return figure as Figure;
}
