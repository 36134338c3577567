import type { EpochReport } from 'leaky-relu/experiments';
import type { PlotlyFigure } from '../plotly/figure';

/** Dead units (left axis) and loss (right axis, logarithmic) for both runs, epoch by epoch. */
export function trainingFigure(relu: readonly EpochReport[], leaky: readonly EpochReport[], alpha: number): PlotlyFigure {
  const epochs = (reports: readonly EpochReport[]) => reports.map((report) => report.epoch);
  const total = relu[0]?.totalUnits ?? 32;
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
      xaxis: { title: { text: 'Epoch' }, rangemode: 'tozero' },
      yaxis: { title: { text: `Dead units (of ${total})` }, range: [0, total], zeroline: false },
      yaxis2: { title: { text: 'Loss (mean squared error)' }, type: 'log', overlaying: 'y', side: 'right', showgrid: false },
      legend: { orientation: 'h', y: -0.2 },
      margin: { r: 70 },
    },
  };
}
