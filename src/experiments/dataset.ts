import type { Random } from '../core/random.js';

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
 * @throws {RangeError} when `size` is not a positive whole number.
 *
 * @example
 * ```ts
 * import { createRandom, makeCurveDataset } from 'leaky-relu/experiments';
 *
 * makeCurveDataset(4, createRandom(7)).inputs.length //=> 4
 * makeCurveDataset(0, createRandom(7)) //=> throws RangeError: size must be a positive whole number, got 0
 * ```
 */
export function makeCurveDataset(size: number, random: Random): Dataset {
  if (!Number.isSafeInteger(size) || size < 1) {
    throw new RangeError(`size must be a positive whole number, got ${String(size)}`);
  }
  const inputs = new Float64Array(size);
  const targets = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    const x = -3 + 6 * random.uniform();
    inputs[i] = x;
    targets[i] = Math.sin(2 * x) + x / 3 + 0.05 * random.normal();
  }
  return { size, width: 1, inputs, targets };
}
