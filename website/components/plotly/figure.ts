/** A Plotly figure as the site draws it: `{ data, layout }`, plain JSON. */
export interface PlotlyFigure {
  readonly data: readonly Record<string, unknown>[];
  readonly layout: Record<string, unknown>;
  readonly frames?: readonly unknown[];
}
