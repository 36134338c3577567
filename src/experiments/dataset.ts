import { checkedNormal, checkedUniform, checkGenerator, type Random } from '../core/random.js';
import { wholeOption } from '../base/options.js';

/** A regression data set: `inputs` row-major (`size` rows of `width`), one target per row. */
export interface Dataset {
  readonly size: number;
  readonly width: number;
  readonly inputs: Float64Array;
  readonly targets: Float64Array;
}

/**
 * A seeded 1-D regression task: noisy samples of a smooth curve, small
 * enough to train in a browser tab in milliseconds.
 *
 * ```text
 * x ~ U(-3, 3),  y = sin(2x) + x / 3 + 0.05·N(0, 1)
 * ```
 *
 * @param size - How many examples: a positive whole number.
 * @param random - The seeded generator that draws them.
 * @returns The inputs and targets.
 * @throws {TypeError} when `size` is not a number, or `random` is not a generator.
 * @throws {RangeError} when `size` is not a positive whole number, or a draw of `random` is outside [0, 1).
 *
 * @example
 * ```ts
 * import { createRandom, makeCurveDataset } from 'leaky-relu/experiments';
 *
 * makeCurveDataset(4, createRandom(7)).inputs.length //=> 4
 * makeCurveDataset(0, createRandom(7)) //=> throws RangeError: size must be a whole number, 1 or more, got 0
 * makeCurveDataset('4' as never, createRandom(7)) //=> throws TypeError: size must be a number, got "4" (string)
 * ```
 */
export function makeCurveDataset(size: number, random: Random): Dataset {
  wholeOption(1)(size, 'size');
  checkGenerator(random, 'random');
  const inputs = new Float64Array(size);
  const targets = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    const x = -3 + 6 * checkedUniform(random, 'random');
    inputs[i] = x;
    targets[i] = Math.sin(2 * x) + x / 3 + 0.05 * checkedNormal(random, 'random');
  }
  return { size, width: 1, inputs, targets };
}

