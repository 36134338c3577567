import { describeValue } from '../base/describe-value.js';
import { finiteOption, readOptions, wholeOption } from '../base/options.js';
import { readArray } from '../core/validate.js';
import type { Figure } from './figure.js';
import { plainLayout } from './plain-layout.js';
import { displayable } from './show.js';

/** The options of {@link rreluSlopesFigure}: the range the slopes were drawn from, as given to `rrelu`, and the histogram's bins. */
export interface RreluSlopesFigureOptions {
  /** The smallest slope. Default 1/8, `rrelu`'s. */
  readonly lower?: number;
  /** The largest slope. Default 1/3, `rrelu`'s. */
  readonly upper?: number;
  /** How many equal bins divide [lower, upper]. Default 25. */
  readonly bins?: number;
}

const OPTION_RULES = { lower: finiteOption, upper: finiteOption, bins: wholeOption(1) };

/**
 * The distribution of the slopes RReLU drew in training: a histogram of
 * `noise`, as densities at the bins' centres, against the uniform density
 * on [lower, upper] they were drawn from.
 *
 * ```text
 * density(bin) = count(bin) / (noise.length · width)      width = (upper − lower) / bins
 * uniform      = 1 / (upper − lower)                       on [lower, upper]
 * ```
 *
 * Give the slopes of negative inputs only: `rrelu`'s `noise` is 1 where
 * `x >= 0`. A slope of `upper` itself is counted in the last bin.
 *
 * @param noise - The drawn slopes: `rrelu(x, { training: true, … }).noise` for an `x` of negative numbers.
 * @param options - `lower` (default 1/8) and `upper` (default 1/3), as given to `rrelu`, and `bins` (default 25).
 * @returns A new `{ data, layout }`, 800×420, with the traces `drawn slopes (density)`
 *   and `uniform on [lower, upper]`, a bound written `1/n` when it is one.
 * @throws {TypeError} when `noise` is not an array kind or holds a non-number,
 *   `options` is not an object, an option is unknown, or an option has the wrong type.
 * @throws {RangeError} when `noise` is empty or holds a slope outside [lower, upper]
 *   (for a `Float32Array`, outside the bounds rounded to float32), `lower` or
 *   `upper` is not finite, `lower >= upper`, or `bins` is not a whole number, 1 or more.
 *
 * @example
 * ```ts
 * import { rrelu } from 'leaky-relu';
 * import { rreluSlopesFigure } from 'leaky-relu/plot';
 *
 * const { noise } = rrelu(new Float64Array(1000).fill(-1), { training: true, seed: 7 });
 * const figure = rreluSlopesFigure(noise, { bins: 4 });
 * figure.data.map((trace) => trace.name) //=> [ 'drawn slopes (density)', 'uniform on [1/8, 1/3]' ]
 * figure.data[0]?.x //=> [ 0.15104166666666666, 0.203125, 0.2552083333333333, 0.30729166666666663 ]
 * figure.data[1]?.y //=> [ 4.800000000000001, 4.800000000000001 ]
 * rreluSlopesFigure([0.2, 1]) //=> throws RangeError: noise[1] must be a slope in [options.lower, options.upper] = [0.125, 0.3333333333333333], got 1: give the slopes of negative inputs only
 * ```
 */
export function rreluSlopesFigure(noise: ArrayLike<number>, options: RreluSlopesFigureOptions = {}): Figure {
  const given = readOptions(options, OPTION_RULES);
  const input = readArray(noise, 'noise', 'rreluSlopesFigure');
  const slopes = input.values;
  const lower = given.lower ?? 1 / 8;
  const upper = given.upper ?? 1 / 3;
  const bins = given.bins ?? 25;
  if (!(lower < upper)) throw new RangeError(`options.lower must be below options.upper, got lower ${lower} and upper ${upper}`);
  if (slopes.length === 0) throw new RangeError(`noise must hold at least one slope, got ${describeValue(noise)}`);
  // A Float32Array's slopes were drawn in [lower, upper] and then rounded to float32, which may cross a bound.
  const [least, most] = input.kind === 'Float32Array' ? [Math.fround(lower), Math.fround(upper)] : [lower, upper];
  const counts = new Array<number>(bins).fill(0);
  for (let index = 0; index < slopes.length; index++) {
    const slope = slopes[index]!;
    if (!(slope >= least && slope <= most)) {
      throw new RangeError(
        `noise[${index}] must be a slope in [options.lower, options.upper] = [${lower}, ${upper}], got ${describeValue(slope)}: give the slopes of negative inputs only`,
      );
    }
    const bin = Math.floor(((slope - lower) / (upper - lower)) * bins);
    counts[Math.max(0, Math.min(bins - 1, bin))]!++;
  }
  const width = (upper - lower) / bins;
  const uniform = 1 / (upper - lower);
  return displayable({
    data: [
      {
        type: 'scatter',
        mode: 'markers',
        name: 'drawn slopes (density)',
        x: counts.map((_, i) => lower + (i + 0.5) * width),
        y: counts.map((count) => count / (slopes.length * width)),
        marker: { color: '#1f77b4', size: 8 },
      },
      {
        type: 'scatter',
        mode: 'lines',
        name: `uniform on [${fractionText(lower)}, ${fractionText(upper)}]`,
        x: [lower, upper],
        y: [uniform, uniform],
        line: { color: '#d62728', dash: 'dash' },
      },
    ],
    layout: plainLayout({
      title: 'RReLU: the distribution of the training slopes',
      xTitle: 'slope',
      yTitle: 'density',
      yaxis: { rangemode: 'tozero' },
      width: 800,
      height: 420,
    }),
  });
}

/** A bound as the legend writes it: `1/8` for a unit fraction, as PyTorch's defaults are, else its digits. */
function fractionText(value: number): string {
  const denominator = Math.round(1 / value);
  return denominator > 1 && 1 / denominator === value ? `1/${denominator}` : String(value);
}
