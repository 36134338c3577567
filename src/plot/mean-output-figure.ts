import { checkFinite } from '../base/check-finite.js';
import { describeValue } from '../base/describe-value.js';
import { isArray } from '../base/is-array.js';
import { leakyRelu } from '../core/leaky-relu.js';
import { readArray } from '../core/validate.js';
import type { Figure } from './figure.js';
import { plainLayout } from './plain-layout.js';
import { powerOfTenText } from './power-of-ten-text.js';
import { displayable } from './show.js';

/** The points of the analytic curve, which spans [0, 1] or the alphas given, if wider. */
const CURVE_POINTS = 21;

/**
 * Leaky ReLU's mean output for standard normal input, against alpha: the
 * analytic mean as a line, and the mean of `leakyRelu(samples, alpha)` for
 * each alpha given as a dot.
 *
 * ```text
 * E[LeakyReLU(X)] = (1 − α) / √(2π)              X ~ N(0, 1), the line
 * mean(leakyRelu(samples, α))                     for each α in alphas, the dots
 * ```
 *
 * The line is drawn at α = low + (i / 20)·(high − low), i = 0 … 20, over
 * [0, 1] or the alphas' span if it is wider.
 *
 * @param samples - Draws from the standard normal distribution: a `number[]`, `Float32Array` or `Float64Array`.
 * @param alphas - The slopes to measure: one or more finite numbers.
 * @returns A new `{ data, layout }`, 800×450, with the traces `(1 − α) / √(2π)`
 *   and `empirical mean (N draws)`, N written as a power of ten when it is one (10⁷).
 * @throws {TypeError} when `samples` is not an array kind or holds a non-number,
 *   or `alphas` is not an array of numbers.
 * @throws {RangeError} when `samples` or `alphas` is empty, or an alpha is not finite.
 *
 * @example
 * ```ts
 * import { meanOutputFigure } from 'leaky-relu/plot';
 *
 * const figure = meanOutputFigure([-1, 1, -2, 2], [0, 0.5]);
 * figure.data.map((trace) => trace.name) //=> [ '(1 − α) / √(2π)', 'empirical mean (4 draws)' ]
 * figure.data[1]?.y //=> [ 0.75, 0.375 ]
 * figure.data[0]?.x.slice(0, 4) //=> [ 0, 0.05, 0.1, 0.15 ]
 * meanOutputFigure([], [0]) //=> throws RangeError: samples must hold at least one draw, got Array(0)
 * ```
 */
export function meanOutputFigure(samples: ArrayLike<number>, alphas: readonly number[]): Figure {
  const draws = readArray(samples, 'samples', 'meanOutputFigure').values;
  if (draws.length === 0) throw new RangeError(`samples must hold at least one draw, got ${describeValue(samples)}`);
  if (!isArray(alphas)) throw new TypeError(`alphas must be an array of numbers, got ${describeValue(alphas)}`);
  if (alphas.length === 0) throw new RangeError(`alphas must hold at least one alpha, got ${describeValue(alphas)}`);
  const measured = Array.from(alphas, (alpha: unknown, index) => checkFinite(alpha, `alphas[${index}]`));
  const low = Math.min(0, ...measured);
  const high = Math.max(1, ...measured);
  const grid = Array.from({ length: CURVE_POINTS }, (_, i) => low + (i / (CURVE_POINTS - 1)) * (high - low));
  return displayable({
    data: [
      {
        type: 'scatter',
        mode: 'lines',
        name: '(1 − α) / √(2π)',
        x: grid,
        y: grid.map((alpha) => (1 - alpha) / Math.sqrt(2 * Math.PI)),
        line: { color: '#1f77b4' },
      },
      {
        type: 'scatter',
        mode: 'markers',
        name: `empirical mean (${powerOfTenText(draws.length)} draws)`,
        x: measured,
        y: measured.map((alpha) => mean(leakyRelu(draws, alpha))),
        marker: { color: '#d62728', size: 9 },
      },
    ],
    layout: plainLayout({ title: 'Mean output for standard normal input', xTitle: 'alpha', yTitle: 'E[LeakyReLU(X)]', width: 800, height: 450 }),
  });
}

/** The plain left-to-right sum over the count, as the notebook's table computes it, so the two agree to the bit. */
function mean(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]!;
  return sum / values.length;
}
