import { describeValue } from '../base/describe-value.js';
import { isArray } from '../base/is-array.js';
import { readArray } from '../core/validate.js';
import type { Figure, ScatterTrace } from '../plot/figure.js';
import { plainLayout } from '../plot/plain-layout.js';
import { displayable } from '../plot/show.js';

// Plotly's blue and red for the two hidden layers of the default network, then more of its palette.
const LAYER_COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd'];

/**
 * The learned slope of every hidden unit of a PReLU network
 * (`createDyingReluRun({ alpha, learnableSlopes: true })`), epoch by epoch:
 * one thin line per unit, one colour and one legend entry per layer.
 *
 * ```text
 * x = epoch (0, 1, 2, …)
 * y = slopesByEpoch[epoch][layer][unit]   one line per layer and unit
 * ```
 *
 * @param slopesByEpoch - The network's slopes (`run.network.slopes`, copied)
 *   before training and after each epoch: per epoch, one array per hidden
 *   layer with one slope per unit, every epoch the same shape.
 * @returns A new `{ data, layout }`, 900×500, with traces named `layer L, unit U`, counted from 1.
 * @throws {TypeError} when `slopesByEpoch` is not an array of arrays of
 *   `number[]`, `Float32Array` or `Float64Array`, or a slope is not a number.
 * @throws {RangeError} when `slopesByEpoch` is empty, or an epoch's layers
 *   differ in number or width from the first epoch's.
 *
 * @example
 * ```ts
 * import { preluSlopesFigure } from 'leaky-relu/experiments';
 *
 * const figure = preluSlopesFigure([[[0.25, 0.25], [0.25]], [[0.2, 0.3], [0.1]]]);
 * figure.data.map((trace) => trace.name) //=> [ 'layer 1, unit 1', 'layer 1, unit 2', 'layer 2, unit 1' ]
 * figure.data.map((trace) => trace.y) //=> [ [ 0.25, 0.2 ], [ 0.25, 0.3 ], [ 0.25, 0.1 ] ]
 * figure.data.map((trace) => trace.showlegend) //=> [ true, false, true ]
 * preluSlopesFigure([[[0.25]], [[0.2, 0.3]]]) //=> throws RangeError: slopesByEpoch[1][0] must hold 1 slope, as the first epoch's layer does, got 2
 * ```
 */
export function preluSlopesFigure(slopesByEpoch: readonly (readonly ArrayLike<number>[])[]): Figure {
  const epochs = readEpochs(slopesByEpoch);
  const x = epochs.map((_, epoch) => epoch);
  const data: ScatterTrace[] = epochs[0]!.flatMap((layer, l) =>
    Array.from(layer, (_, unit) => ({
      type: 'scatter' as const,
      mode: 'lines' as const,
      name: `layer ${l + 1}, unit ${unit + 1}`,
      x,
      y: epochs.map((slopes) => slopes[l]![unit]!),
      line: { color: LAYER_COLORS[l % LAYER_COLORS.length]!, width: 1 },
      showlegend: unit === 0,
      legendgroup: `layer ${l + 1}`,
    })),
  );
  return displayable({
    data,
    layout: plainLayout({ title: 'PReLU: the learned slope of every hidden unit', xTitle: 'Epoch', yTitle: 'slope (alpha)', width: 900, height: 500 }),
  });
}

/** Every epoch's layers, read once, each checked against the first epoch's shape. */
function readEpochs(value: unknown): number[][][] {
  const name = 'slopesByEpoch';
  if (!isArray(value)) throw new TypeError(`${name} must be an array of epochs, each an array of layers' slopes, got ${describeValue(value)}`);
  if (value.length === 0) throw new RangeError(`${name} must hold at least one epoch, got ${describeValue(value)}`);
  const epochs = Array.from(value, (layers: unknown, epoch) => {
    const at = `${name}[${epoch}]`;
    if (!isArray(layers)) throw new TypeError(`${at} must be an array of layers' slopes, got ${describeValue(layers)}`);
    return Array.from(layers, (slopes: unknown, layer) => Array.from(readArray(slopes, `${at}[${layer}]`, 'preluSlopesFigure').values));
  });
  const first = epochs[0]!;
  epochs.forEach((layers, epoch) => {
    if (layers.length !== first.length) {
      throw new RangeError(`${name}[${epoch}] must hold ${first.length} layers, as the first epoch does, got ${layers.length}`);
    }
    layers.forEach((slopes, layer) => {
      const width = first[layer]!.length;
      if (slopes.length !== width) {
        throw new RangeError(`${name}[${epoch}][${layer}] must hold ${width} slope${width === 1 ? '' : 's'}, as the first epoch's layer does, got ${slopes.length}`);
      }
    });
  });
  return epochs;
}
