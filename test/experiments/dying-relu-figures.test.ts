import { describe, expect, it } from 'vitest';
import { lossFigure, runDyingRelu, trainingFigure, unitsFigure, type EpochReport } from 'leaky-relu/experiments';

const relu = runDyingRelu({ alpha: 0 }, 3);
const leaky = runDyingRelu({ alpha: 0.01 }, 3);
const epochs = [0, 1, 2, 3];

/** The figure as JSON text: the data, the layout and their key order, which the notebooks' outputs and the pictures' hashes hold. */
const json = (figure: unknown): string => JSON.stringify(figure);

function report(epoch: number, loss: number, deadUnits = 0): EpochReport {
  return { epoch, loss, deadUnits, deadShare: deadUnits / 32, inactiveUnits: deadUnits + 1, recoveredUnits: 0, totalUnits: 32 };
}

describe('unitsFigure(relu, leaky)', () => {
  it('is, key for key, the figure notebook 02 drew by hand', () => {
    expect(json(unitsFigure(relu, leaky))).toBe(
      json({
        data: [
          { type: 'scatter', x: epochs, y: relu.map((r) => r.deadUnits), name: 'ReLU: dead units', mode: 'lines', line: { color: '#d62728' } },
          { type: 'scatter', x: epochs, y: leaky.map((r) => r.deadUnits), name: 'Leaky ReLU: dead units', mode: 'lines', line: { color: '#1f77b4' } },
          { type: 'scatter', x: epochs, y: relu.map((r) => r.inactiveUnits), name: 'ReLU: inactive units', mode: 'lines', line: { color: '#d62728', dash: 'dot' } },
          { type: 'scatter', x: epochs, y: leaky.map((r) => r.inactiveUnits), name: 'Leaky ReLU: inactive units', mode: 'lines', line: { color: '#1f77b4', dash: 'dot' } },
        ],
        layout: {
          title: { text: 'Dead and inactive units during training (32 hidden units)' },
          xaxis: { title: { text: 'Epoch' } },
          yaxis: { title: { text: 'Units' }, rangemode: 'tozero' },
          width: 900,
          height: 450,
        },
      }),
    );
  });

  it('counts the hidden units of the runs it is given, and takes each run’s own epochs', () => {
    const wide = runDyingRelu({ alpha: 0, hiddenSizes: [4, 4, 4] }, 1);
    const figure = unitsFigure(wide, wide.slice(0, 1));
    expect(figure.layout.title).toEqual({ text: 'Dead and inactive units during training (12 hidden units)' });
    expect(figure.data.map((trace) => trace.x)).toEqual([[0, 1], [0], [0, 1], [0]]);
  });
});

describe('lossFigure(relu, leaky, { alpha })', () => {
  it('is, key for key, the figure notebook 02 drew by hand', () => {
    expect(json(lossFigure(relu, leaky, { alpha: 0.01 }))).toBe(
      json({
        data: [
          { type: 'scatter', x: epochs, y: relu.map((r) => r.loss), name: 'ReLU', mode: 'lines', line: { color: '#d62728' } },
          { type: 'scatter', x: epochs, y: leaky.map((r) => r.loss), name: 'Leaky ReLU (alpha = 0.01)', mode: 'lines', line: { color: '#1f77b4' } },
        ],
        layout: {
          title: { text: 'Training loss (mean squared error)' },
          xaxis: { title: { text: 'Epoch' } },
          yaxis: { title: { text: 'Loss' }, type: 'log' },
          width: 900,
          height: 450,
        },
      }),
    );
  });

  it('requires the Leaky ReLU run’s alpha, finite', () => {
    expect(() => lossFigure(relu, leaky, undefined as never)).toThrow(new TypeError('options.alpha must be a number, got undefined'));
    expect(() => lossFigure(relu, leaky, { alpha: Number.NaN })).toThrow(new RangeError('options.alpha must be a finite number, got NaN'));
  });
});

describe('trainingFigure(relu, leaky, { alpha })', () => {
  it('is, key for key, the figure the trainer demo drew by hand', () => {
    const reluRun = [report(0, 0.3, 2), report(1, 0.05, 5)];
    const leakyRun = [report(0, 0.2), report(1, 0.004)];
    expect(json(trainingFigure(reluRun, leakyRun, { alpha: 0.2 }))).toBe(
      json({
        data: [
          { type: 'scatter', mode: 'lines', name: 'ReLU: dead units', x: [0, 1], y: [2, 5], line: { color: 'red', width: 2 } },
          { type: 'scatter', mode: 'lines', name: 'Leaky ReLU (α = 0.2): dead units', x: [0, 1], y: [0, 0], line: { color: 'blue', width: 2 } },
          { type: 'scatter', mode: 'lines', name: 'ReLU: loss', x: [0, 1], y: [0.3, 0.05], yaxis: 'y2', line: { color: 'red', dash: 'dot' } },
          { type: 'scatter', mode: 'lines', name: 'Leaky ReLU: loss', x: [0, 1], y: [0.2, 0.004], yaxis: 'y2', line: { color: 'blue', dash: 'dot' } },
        ],
        layout: {
          title: { text: 'Dead units and loss during training' },
          xaxis: { title: { text: 'Epoch' }, rangemode: 'tozero', automargin: true },
          yaxis: { title: { text: 'Dead units (of 32)' }, range: [0, 32], zeroline: false, automargin: true },
          yaxis2: {
            title: { text: 'Loss (mean squared error)' },
            type: 'log',
            overlaying: 'y',
            side: 'right',
            showgrid: false,
            automargin: true,
            range: [-3, 0],
            tickvals: [0.001, 0.01, 0.1, 1],
            ticktext: ['10<sup>-3</sup>', '10<sup>-2</sup>', '10<sup>-1</sup>', '1'],
          },
          legend: { orientation: 'h', x: 0, xanchor: 'left', y: -0.22, yanchor: 'top' },
          margin: { r: 70, b: 90 },
        },
      }),
    );
  });

  it('draws before the first report, on the default network’s 32 units and two decades', () => {
    const figure = trainingFigure([], [], { alpha: 0.01 });
    expect(figure.data.map((trace) => trace.x)).toEqual([[], [], [], []]);
    expect(figure.layout.yaxis).toMatchObject({ range: [0, 32] });
    expect(figure.layout.yaxis2).toMatchObject({ range: [-2, 0] });
  });

  it('draws a diverged run, whose loss is not finite, leaving it off the loss axis’s range', () => {
    const figure = trainingFigure([report(0, Number.POSITIVE_INFINITY)], [report(0, 0.5)], { alpha: 0.01 });
    expect(figure.data[2]!.y).toEqual([Number.POSITIVE_INFINITY]);
    expect(figure.layout.yaxis2).toMatchObject({ range: [-1, 0] });
  });
});

describe('the dying-ReLU figures check their runs', () => {
  it.each([
    [null, 'relu must be an array of epoch reports, got null'],
    [[1], 'relu[0] must be an epoch report, got 1'],
    [[{ ...report(0, 1), deadUnits: '3' }], 'relu[0].deadUnits must be a number, got "3" (string)'],
  ])('refuses relu = %o', (bad, message) => {
    expect(() => unitsFigure(bad as never, [])).toThrow(new TypeError(message));
    expect(() => lossFigure(bad as never, [], { alpha: 0 })).toThrow(new TypeError(message));
    expect(() => trainingFigure(bad as never, [], { alpha: 0 })).toThrow(new TypeError(message));
  });

  it('names the leaky run’s bad report too', () => {
    expect(() => unitsFigure([], [report(0, 1), {}] as never)).toThrow(new TypeError('leaky[1].epoch must be a number, got undefined'));
  });
});
