import type { EpochReport } from 'leaky-relu/experiments';
import type { PlotlyFigure } from '../plotly/figure.js';

/** Dead units (left axis) and loss (right axis, logarithmic) for both runs, epoch by epoch. */
export function trainingFigure(relu: readonly EpochReport[], leaky: readonly EpochReport[], alpha: number): PlotlyFigure {
  const epochs = (reports: readonly EpochReport[]) => reports.map((report) => report.epoch);
  const total = relu[0]?.totalUnits ?? 32;
  const losses = [...relu, ...leaky].map((report) => report.loss);
  return {
    data: [
      { type: 'scatter', mode: 'lines', name: 'ReLU: dead units', x: epochs(relu), y: relu.map((r) => r.deadUnits), line: { color: 'red', width: 2 } },
      {
        type: 'scatter',
        mode: 'lines',
        name: `Leaky ReLU (α = ${alpha}): dead units`,
        x: epochs(leaky),
        y: leaky.map((r) => r.deadUnits),
        line: { color: 'blue', width: 2 },
      },
      { type: 'scatter', mode: 'lines', name: 'ReLU: loss', x: epochs(relu), y: relu.map((r) => r.loss), yaxis: 'y2', line: { color: 'red', dash: 'dot' } },
      {
        type: 'scatter',
        mode: 'lines',
        name: 'Leaky ReLU: loss',
        x: epochs(leaky),
        y: leaky.map((r) => r.loss),
        yaxis: 'y2',
        line: { color: 'blue', dash: 'dot' },
      },
    ],
    layout: {
      title: { text: 'Dead units and loss during training' },
      xaxis: { title: { text: 'Epoch' }, rangemode: 'tozero', automargin: true },
      yaxis: { title: { text: `Dead units (of ${total})` }, range: [0, total], zeroline: false, automargin: true },
      yaxis2: { title: { text: 'Loss (mean squared error)' }, type: 'log', overlaying: 'y', side: 'right', showgrid: false, automargin: true, ...decadeTicks(losses) },
      legend: { orientation: 'h', x: 0, xanchor: 'left', y: -0.22, yanchor: 'top' },
      margin: { r: 70, b: 90 },
    },
  };
}

/**
 * A log axis that spans whole decades and is labelled at each power of ten
 * only (10⁻², 10⁻¹, …): Plotly's own log ticks, on a range of less than a
 * decade or two, label the 2s, 3s and 5s between in no readable order.
 *
 * @param values the positive values the axis shows; the others are left out
 * @returns the axis attributes: `range` (in decades, as Plotly's log axes take it), `tickvals` and `ticktext`
 */
export function decadeTicks(values: readonly number[]): { range: [number, number]; tickvals: number[]; ticktext: string[] } {
  const positive = values.filter((value) => value > 0 && Number.isFinite(value));
  const low = positive.length === 0 ? -2 : Math.floor(Math.log10(Math.min(...positive)));
  // `+ 0`: Math.ceil(-0.5) is -0, and an axis range is no place for a signed zero.
  const high = positive.length === 0 ? 0 : Math.max(low + 1, Math.ceil(Math.log10(Math.max(...positive)))) + 0;
  const powers = Array.from({ length: high - low + 1 }, (_, index) => low + index);
  return {
    range: [low, high],
    tickvals: powers.map((power) => 10 ** power),
    ticktext: powers.map((power) => (power === 0 ? '1' : `10<sup>${power}</sup>`)),
  };
}
