import { describe, expect, it } from 'vitest';
import { createDyingReluRun, preluSlopesFigure } from 'leaky-relu/experiments';

describe('preluSlopesFigure(slopesByEpoch)', () => {
  const run = createDyingReluRun({ alpha: 0.25, learnableSlopes: true, hiddenSizes: [2, 3] });
  const slopesByEpoch = [run.network.slopes!.map((layer) => Array.from(layer))];
  for (let epoch = 0; epoch < 2; epoch++) {
    run.step();
    slopesByEpoch.push(run.network.slopes!.map((layer) => Array.from(layer)));
  }

  it('is, key for key, the figure notebook 04 drew by hand', () => {
    const epochs = slopesByEpoch.map((_, epoch) => epoch);
    const colors = ['#1f77b4', '#d62728'];
    const byHand = {
      data: run.network.slopes!.flatMap((layer, l) =>
        Array.from(layer, (_, unit) => ({
          type: 'scatter' as const,
          mode: 'lines' as const,
          name: `layer ${l + 1}, unit ${unit + 1}`,
          x: epochs,
          y: slopesByEpoch.map((slopes) => slopes[l]![unit]),
          line: { color: colors[l], width: 1 },
          showlegend: unit === 0,
          legendgroup: `layer ${l + 1}`,
        })),
      ),
      layout: {
        title: { text: 'PReLU: the learned slope of every hidden unit' },
        xaxis: { title: { text: 'Epoch' } },
        yaxis: { title: { text: 'slope (alpha)' } },
        width: 900,
        height: 500,
      },
    };
    expect(JSON.stringify(preluSlopesFigure(slopesByEpoch))).toBe(JSON.stringify(byHand));
  });

  it('takes the network’s own Float64Arrays, and gives plain arrays', () => {
    const figure = preluSlopesFigure([run.network.slopes!]);
    expect(figure.data).toHaveLength(5);
    expect(figure.data.every((trace) => Array.isArray(trace.y) && Array.isArray(trace.x))).toBe(true);
    expect(figure.data[4]!.y).toEqual([run.network.slopes![1]![2]]);
  });

  it('gives a third layer a colour of its own', () => {
    const colors = preluSlopesFigure([[[1], [1], [1]]]).data.map((trace) => trace.line?.color);
    expect(new Set(colors).size).toBe(3);
  });

  it.each([
    [[], RangeError, 'slopesByEpoch must hold at least one epoch, got Array(0)'],
    [[[[0.1]], [[0.1], [0.2]]], RangeError, 'slopesByEpoch[1] must hold 1 layers, as the first epoch does, got 2'],
    [[[[0.1, 0.2]], [[0.1]]], RangeError, "slopesByEpoch[1][0] must hold 2 slopes, as the first epoch's layer does, got 1"],
    [[0.1], TypeError, "slopesByEpoch[0] must be an array of layers' slopes, got 0.1"],
    [[[0.1]], TypeError, 'slopesByEpoch[0][0] must be an array for preluSlopesFigure, got 0.1'],
    [[[['0.1']]], TypeError, 'slopesByEpoch[0][0][0] must be a number, got "0.1" (string)'],
  ])('refuses %j', (bad, type, message) => {
    expect(() => preluSlopesFigure(bad as never)).toThrow(new type(message));
  });
});
