import { describeValue } from '../base/describe-value.js';
import { isArray } from '../base/is-array.js';
import { finiteOption, isRecord, readOptions, required } from '../base/options.js';
import type { Figure, ScatterTrace } from '../plot/figure.js';
import { plainLayout } from '../plot/plain-layout.js';
import { displayable } from '../plot/show.js';
import { decadeTicks } from './decade-ticks.js';
import type { EpochReport } from './dying-relu.js';

/** The options of {@link lossFigure} and {@link trainingFigure}. */
export interface DyingReluFigureOptions {
  /** The slope the Leaky ReLU run was trained with, for its legend. Required. */
  readonly alpha: number;
}

const OPTION_RULES = { alpha: finiteOption };

/** The hidden units of the default network (two layers of 16), for a chart drawn before the first report. */
const DEFAULT_TOTAL_UNITS = 32;

// The notebooks' figures keep Plotly's own red and blue; the live demo the spec's named colours.
const NOTEBOOK_RELU = '#d62728';
const NOTEBOOK_LEAKY = '#1f77b4';

/**
 * Dead and inactive hidden units, epoch by epoch, for a ReLU run and a Leaky
 * ReLU run of the dying-ReLU experiment (`runDyingRelu`): dead units solid,
 * inactive units dotted, ReLU red and Leaky ReLU blue.
 *
 * ```text
 * x = report.epoch
 * y = report.deadUnits, report.inactiveUnits   for each run
 * ```
 *
 * @param relu - The ReLU run's reports (`alpha: 0`), epoch 0 first.
 * @param leaky - The Leaky ReLU run's reports, epoch 0 first.
 * @returns A new `{ data, layout }`, 900×450, with the traces `ReLU: dead units`,
 *   `Leaky ReLU: dead units`, `ReLU: inactive units` and `Leaky ReLU: inactive units`.
 * @throws {TypeError} when `relu` or `leaky` is not an array of reports, or a
 *   report's `epoch`, `loss`, `deadUnits`, `inactiveUnits` or `totalUnits` is not a number.
 *
 * @example
 * ```ts
 * import { runDyingRelu, unitsFigure } from 'leaky-relu/experiments';
 *
 * const figure = unitsFigure(runDyingRelu({ alpha: 0 }, 2), runDyingRelu({ alpha: 0.01 }, 2));
 * figure.data.map((trace) => trace.name) //=> [ 'ReLU: dead units', 'Leaky ReLU: dead units', 'ReLU: inactive units', 'Leaky ReLU: inactive units' ]
 * figure.data.map((trace) => trace.y[2]) //=> [ 15, 0, 15, 13 ]
 * figure.layout.title //=> { text: 'Dead and inactive units during training (32 hidden units)' }
 * unitsFigure([{ epoch: 0 }] as never, []) //=> throws TypeError: relu[0].loss must be a number, got undefined
 * ```
 */
export function unitsFigure(relu: readonly EpochReport[], leaky: readonly EpochReport[]): Figure {
  const reluReports = readReports(relu, 'relu');
  const leakyReports = readReports(leaky, 'leaky');
  const total = totalUnits(reluReports, leakyReports);
  return displayable({
    data: [
      notebookLine('ReLU: dead units', reluReports, 'deadUnits', { color: NOTEBOOK_RELU }),
      notebookLine('Leaky ReLU: dead units', leakyReports, 'deadUnits', { color: NOTEBOOK_LEAKY }),
      notebookLine('ReLU: inactive units', reluReports, 'inactiveUnits', { color: NOTEBOOK_RELU, dash: 'dot' }),
      notebookLine('Leaky ReLU: inactive units', leakyReports, 'inactiveUnits', { color: NOTEBOOK_LEAKY, dash: 'dot' }),
    ],
    layout: plainLayout({
      title: `Dead and inactive units during training (${total} hidden units)`,
      xTitle: 'Epoch',
      yTitle: 'Units',
      yaxis: { rangemode: 'tozero' },
      width: 900,
      height: 450,
    }),
  });
}

/**
 * The training loss (mean squared error), epoch by epoch, for a ReLU run and
 * a Leaky ReLU run of the dying-ReLU experiment, on a logarithmic axis.
 *
 * ```text
 * x = report.epoch
 * y = report.loss   for each run
 * ```
 *
 * @param relu - The ReLU run's reports, epoch 0 first.
 * @param leaky - The Leaky ReLU run's reports, epoch 0 first.
 * @param options - `alpha`: the Leaky ReLU run's slope, named in its legend (required).
 * @returns A new `{ data, layout }`, 900×450, with the traces `ReLU` and `Leaky ReLU (alpha = …)`.
 * @throws {TypeError} when `relu` or `leaky` is not an array of reports, a
 *   report's `epoch`, `loss`, `deadUnits`, `inactiveUnits` or `totalUnits` is
 *   not a number, `options` is not an object, an option is unknown, or `alpha`
 *   is missing or not a number.
 * @throws {RangeError} when `alpha` is not finite.
 *
 * @example
 * ```ts
 * import { lossFigure, runDyingRelu } from 'leaky-relu/experiments';
 *
 * const figure = lossFigure(runDyingRelu({ alpha: 0 }, 2), runDyingRelu({ alpha: 0.01 }, 2), { alpha: 0.01 });
 * figure.data.map((trace) => trace.name) //=> [ 'ReLU', 'Leaky ReLU (alpha = 0.01)' ]
 * figure.layout.yaxis //=> { title: { text: 'Loss' }, type: 'log' }
 * lossFigure([], [], {} as never) //=> throws TypeError: options.alpha must be a number, got undefined
 * ```
 */
export function lossFigure(relu: readonly EpochReport[], leaky: readonly EpochReport[], options: DyingReluFigureOptions): Figure {
  const reluReports = readReports(relu, 'relu');
  const leakyReports = readReports(leaky, 'leaky');
  const alpha = readAlpha(options);
  return displayable({
    data: [
      notebookLine('ReLU', reluReports, 'loss', { color: NOTEBOOK_RELU }),
      notebookLine(`Leaky ReLU (alpha = ${alpha})`, leakyReports, 'loss', { color: NOTEBOOK_LEAKY }),
    ],
    layout: plainLayout({ title: 'Training loss (mean squared error)', xTitle: 'Epoch', yTitle: 'Loss', yaxis: { type: 'log' }, width: 900, height: 450 }),
  });
}

/**
 * Dead units (left axis) and loss (right axis, logarithmic, labelled at each
 * power of ten) on one chart, epoch by epoch, for a ReLU run and a Leaky ReLU
 * run: the live trainer demo's chart, sized by the page (no width or height)
 * and with its legend under the plot. It can be drawn before the first
 * report, from two empty runs.
 *
 * ```text
 * y  = report.deadUnits   for each run, from 0 to report.totalUnits
 * y2 = report.loss        for each run, over whole decades
 * ```
 *
 * @param relu - The ReLU run's reports, epoch 0 first; may be empty.
 * @param leaky - The Leaky ReLU run's reports, epoch 0 first; may be empty.
 * @param options - `alpha`: the Leaky ReLU run's slope, named in its legend (required).
 * @returns A new `{ data, layout }` with the traces `ReLU: dead units`,
 *   `Leaky ReLU (α = …): dead units`, `ReLU: loss` and `Leaky ReLU: loss`.
 * @throws {TypeError} when `relu` or `leaky` is not an array of reports, a
 *   report's `epoch`, `loss`, `deadUnits`, `inactiveUnits` or `totalUnits` is
 *   not a number, `options` is not an object, an option is unknown, or `alpha`
 *   is missing or not a number.
 * @throws {RangeError} when `alpha` is not finite.
 *
 * @example
 * ```ts
 * import { createDyingReluRun, trainingFigure } from 'leaky-relu/experiments';
 *
 * const relu = createDyingReluRun({ alpha: 0 });
 * const leaky = createDyingReluRun({ alpha: 0.01 });
 * const figure = trainingFigure([relu.initial, relu.step()], [leaky.initial, leaky.step()], { alpha: 0.01 });
 * figure.data.map((trace) => trace.name) //=> [ 'ReLU: dead units', 'Leaky ReLU (α = 0.01): dead units', 'ReLU: loss', 'Leaky ReLU: loss' ]
 * figure.layout.yaxis2?.tickvals //=> [ 0.1, 1, 10, 100 ]
 * trainingFigure([], [], { alpha: 0.01 }).layout.yaxis?.range //=> [ 0, 32 ]
 * ```
 */
export function trainingFigure(relu: readonly EpochReport[], leaky: readonly EpochReport[], options: DyingReluFigureOptions): Figure {
  const reluReports = readReports(relu, 'relu');
  const leakyReports = readReports(leaky, 'leaky');
  const alpha = readAlpha(options);
  const total = totalUnits(reluReports, leakyReports);
  const losses = [...reluReports, ...leakyReports].map((report) => report.loss);
  return displayable({
    data: [
      demoLine('ReLU: dead units', reluReports, 'deadUnits', { line: { color: 'red', width: 2 } }),
      demoLine(`Leaky ReLU (α = ${alpha}): dead units`, leakyReports, 'deadUnits', { line: { color: 'blue', width: 2 } }),
      demoLine('ReLU: loss', reluReports, 'loss', { yaxis: 'y2', line: { color: 'red', dash: 'dot' } }),
      demoLine('Leaky ReLU: loss', leakyReports, 'loss', { yaxis: 'y2', line: { color: 'blue', dash: 'dot' } }),
    ],
    layout: {
      title: { text: 'Dead units and loss during training' },
      xaxis: { title: { text: 'Epoch' }, rangemode: 'tozero', automargin: true },
      yaxis: { title: { text: `Dead units (of ${total})` }, range: [0, total], zeroline: false, automargin: true },
      yaxis2: { title: { text: 'Loss (mean squared error)' }, type: 'log', overlaying: 'y', side: 'right', showgrid: false, automargin: true, ...decadeTicks(losses) },
      legend: { orientation: 'h', x: 0, xanchor: 'left', y: -0.22, yanchor: 'top' },
      margin: { r: 70, b: 90 },
    },
  });
}

type Measure = 'loss' | 'deadUnits' | 'inactiveUnits';

/** The fields a figure reads from a report. */
type ReportValues = Pick<EpochReport, 'epoch' | Measure | 'totalUnits'>;

// The notebook's trace literal put x and y before name and mode; kept, as the committed outputs hold that key order.
function notebookLine(name: string, reports: readonly ReportValues[], measure: Measure, line: ScatterTrace['line']): ScatterTrace {
  return { type: 'scatter', x: epochsOf(reports), y: reports.map((report) => report[measure]), name, mode: 'lines', line };
}

function demoLine(name: string, reports: readonly ReportValues[], measure: Measure, style: { yaxis?: 'y2'; line: ScatterTrace['line'] }): ScatterTrace {
  return { type: 'scatter', mode: 'lines', name, x: epochsOf(reports), y: reports.map((report) => report[measure]), ...style };
}

function epochsOf(reports: readonly ReportValues[]): number[] {
  return reports.map((report) => report.epoch);
}

function totalUnits(relu: readonly ReportValues[], leaky: readonly ReportValues[]): number {
  return relu[0]?.totalUnits ?? leaky[0]?.totalUnits ?? DEFAULT_TOTAL_UNITS;
}

function readAlpha(options: DyingReluFigureOptions): number {
  return required(readOptions(options, OPTION_RULES).alpha, 'options.alpha', 'a number');
}

/** The reports' values, each read once and checked to be a number (a loss may be NaN or infinite: a diverging run is still drawn). */
function readReports(value: unknown, name: string): ReportValues[] {
  if (!isArray(value)) throw new TypeError(`${name} must be an array of epoch reports, got ${describeValue(value)}`);
  return Array.from(value, (report: unknown, index) => {
    const at = `${name}[${index}]`;
    if (!isRecord(report)) throw new TypeError(`${at} must be an epoch report, got ${describeValue(report)}`);
    const fields = report as Record<string, unknown>;
    const read = (key: keyof ReportValues): number => {
      const field = fields[key];
      if (typeof field !== 'number') throw new TypeError(`${at}.${key} must be a number, got ${describeValue(field)}`);
      return field;
    };
    return { epoch: read('epoch'), loss: read('loss'), deadUnits: read('deadUnits'), inactiveUnits: read('inactiveUnits'), totalUnits: read('totalUnits') };
  });
}
