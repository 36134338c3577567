import { describeValue } from '../base/describe-value.js';
import type { MutableNumericArray } from '../base/numeric-array.js';
import { booleanOption, finiteOption, readOptions } from '../base/options.js';
import { forwardInto } from '../kernels/dispatch.js';
import { leakyReluAt } from '../kernels/reference.js';
import { newArray } from './elementwise.js';
import { alphaInPrecision } from './precision.js';
import { checkedUniform, checkGenerator, checkSeed, createRandom, type Random } from './random.js';
import { checkSlopeFor, readArray, readCompanion } from './validate.js';

/** The options of {@link rrelu}. */
export interface RreluOptions {
  /** The smallest slope. Default 1/8, as in PyTorch. */
  readonly lower?: number;
  /** The largest slope. Default 1/3, as in PyTorch. */
  readonly upper?: number;
  /** Draw a slope per negative element (training) or use the mean slope (evaluation). Default false. */
  readonly training?: boolean;
  /** In training, the seed of the slopes' generator: a whole number from 0 to 2³² − 1. */
  readonly seed?: number;
  /** In training, a generator to draw the slopes from, instead of `seed`. */
  readonly random?: Random;
}

/** The result of {@link rrelu}: the output, and the slope each element was multiplied by. */
export interface RreluResult<T> {
  readonly output: T;
  /** 1 where `x >= 0`, the drawn slope elsewhere; `rreluBackward` multiplies the gradient by it. */
  readonly noise: T;
}

/**
 * RReLU, the randomized leaky ReLU (Xu et al., 2015), as PyTorch defines it.
 *
 * ```text
 * training:   rrelu(x)[i] = x[i] if x[i] >= 0, r[i] * x[i] otherwise, r[i] ~ U(lower, upper)
 * evaluation: rrelu(x)    = leakyRelu(x, (lower + upper) / 2)
 * ```
 *
 * In training, each negative element gets its own slope, drawn from a seeded
 * generator so a run replays. The branch is the spec's `x >= 0` (PyTorch's
 * `rrelu_with_noise` uses `x <= 0` for the random branch, which differs only
 * at a zero). For a `Float32Array` the slopes are rounded to float32.
 *
 * @param x - A `number[]`, `Float32Array` or `Float64Array`.
 * @param options - `lower`, `upper`, `training`, and in training `seed` or `random`.
 * @returns `{ output, noise }`, both of `x`'s kind.
 * @throws {TypeError} when `x` is not an array kind, an option is unknown or
 *   of the wrong type (`training: 'false'` included), or training has neither
 *   `seed` nor `random`, or both.
 * @throws {RangeError} when `lower` or `upper` is not finite (in float32, for
 *   a `Float32Array`), `lower > upper`, the seed is out of range, or
 *   `random.uniform()` returns a number outside [0, 1).
 *
 * @example
 * ```ts
 * import { rrelu } from 'leaky-relu';
 *
 * rrelu([-6, 2]).output //=> [ -1.375, 2 ]
 * rrelu([-6, 2], { training: true, seed: 1 }).noise //=> [ 0.25564040428920026, 1 ]
 * rrelu([-1], { lower: 0.5, upper: 0.1 }) //=> throws RangeError: options.lower must not exceed options.upper, got lower 0.5 and upper 0.1
 * rrelu([-1], { training: 'false' } as never) //=> throws TypeError: options.training must be a boolean, got "false" (string)
 * ```
 */
export function rrelu<T extends MutableNumericArray>(x: T | Readonly<T>, options?: RreluOptions): RreluResult<T> {
  const given = readOptions(options, OPTION_RULES);
  const input = readArray(x, 'x', 'rrelu');
  const lower = checkSlopeFor(given.lower ?? 1 / 8, 'options.lower', input.precision);
  const upper = checkSlopeFor(given.upper ?? 1 / 3, 'options.upper', input.precision);
  if (lower > upper) {
    throw new RangeError(`options.lower must not exceed options.upper, got lower ${describeValue(lower)} and upper ${describeValue(upper)}`);
  }
  const values = input.values;
  const output = newArray(input.kind, input.length);
  const noise = newArray(input.kind, input.length);
  if (!given.training) {
    // Halving first cannot overflow, and gives the bits of (lower + upper) / 2 wherever that is finite.
    const slope = alphaInPrecision(lower / 2 + upper / 2, input.precision);
    forwardInto(values, slope, output);
    for (let i = 0; i < input.length; i++) noise[i] = values[i]! >= 0 ? 1 : slope;
    return { output: output as T, noise: noise as T };
  }
  if (given.random !== undefined && given.seed !== undefined) {
    throw new TypeError('rrelu takes options.seed or options.random, not both');
  }
  const random = given.random ?? (given.seed === undefined ? undefined : createRandom(given.seed));
  if (random === undefined) {
    throw new TypeError('rrelu in training needs options.seed or options.random, so that its slopes replay');
  }
  for (let i = 0; i < input.length; i++) {
    const value = values[i]!;
    const slope = value >= 0 ? 1 : alphaInPrecision(lower + (upper - lower) * checkedUniform(random, 'options.random'), input.precision);
    noise[i] = slope;
    output[i] = leakyReluAt(value, slope);
  }
  return { output: output as T, noise: noise as T };
}

const OPTION_RULES = {
  lower: finiteOption,
  upper: finiteOption,
  training: booleanOption,
  seed: checkSeed,
  random: checkGenerator,
};

/**
 * The backward pass of RReLU: the gradient times the slope each element was
 * multiplied by in the forward.
 *
 * ```text
 * rreluBackward(g, noise)[i] = g[i] * noise[i]
 * ```
 *
 * @param gradOutput - The gradient with respect to the output.
 * @param noise - The `noise` that `rrelu` returned: the same kind and length.
 * @returns A new array of the same kind.
 * @throws {TypeError} when the two are not arrays of the same kind.
 * @throws {RangeError} when their lengths differ.
 *
 * @example
 * ```ts
 * import { rrelu, rreluBackward } from 'leaky-relu';
 *
 * const { noise } = rrelu([-6, 2]);
 * rreluBackward([1, 1], noise) //=> [ 0.22916666666666666, 1 ]
 * ```
 */
export function rreluBackward<T extends MutableNumericArray>(gradOutput: T | Readonly<T>, noise: T | Readonly<T>): T {
  const slopes = readArray(noise, 'noise', 'rreluBackward');
  const gradients = readCompanion(gradOutput, 'gradOutput', slopes, 'noise').values as ArrayLike<number>;
  const values = slopes.values;
  const gradInput = newArray(slopes.kind, slopes.length);
  for (let i = 0; i < slopes.length; i++) gradInput[i] = gradients[i]! * values[i]!;
  return gradInput as T;
}
