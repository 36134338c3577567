import type { Axis, Layout } from './figure.js';

/** What {@link plainLayout} lays out. */
export interface PlainLayoutParts {
  readonly title: string;
  readonly xTitle: string;
  readonly yTitle: string;
  /** The y axis's attributes besides its title: `type: 'log'`, `rangemode: 'tozero'`… */
  readonly yaxis?: Axis;
  readonly width: number;
  readonly height: number;
}

/**
 * The layout of a measurement figure in Plotly's own look, with no theme: a
 * title, the two axes' titles and a fixed size. The notebooks' measured
 * figures (training runs, means, slope distributions) share it, in this key
 * order, which their committed outputs hold.
 */
export function plainLayout({ title, xTitle, yTitle, yaxis = {}, width, height }: PlainLayoutParts): Layout {
  return { title: { text: title }, xaxis: { title: { text: xTitle } }, yaxis: { title: { text: yTitle }, ...yaxis }, width, height };
}
