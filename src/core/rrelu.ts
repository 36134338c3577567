import { leakyRelu } from './leaky-relu.js';
import { newArrayLike } from './elementwise.js';
import { leakyReluAt } from '../kernels/js.js';
import { createRandom, type Random } from './random.js';
import { checkCompanion, checkInput, checkSlope, describeValue, isFloat32Array } from './validate.js';

/** The options of {@link rrelu}. */
export interface RreluOptions {
  /** The smallest slope. Default 1/8, as in PyTorch. */
  readonly lower?: number;
  /** The largest slope. Default 1/3, as in PyTorch. */
  readonly upper?: number;
  /** Draw a slope per negative element (training) or use the mean slope (evaluation). Default false. */
  readonly training?: boolean;
  /** In training, the seed of the slopes' generator. */
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

type RreluArray = number[] | Float32Array | Float64Array;

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
 * @throws {TypeError} when `x` is not an array kind, or training has neither `seed` nor `random`.
 * @throws {RangeError} when `lower` or `upper` is not finite, or `lower > upper`.
 *
 * @example
 * ```ts
 * import { rrelu } from 'leaky-relu';
 *
 * rrelu([-6, 2]).output //=> [ -1.375, 2 ]
 * rrelu([-6, 2], { training: true, seed: 1 }).noise //=> [ 0.25564040428920026, 1 ]
 * rrelu([-1], { lower: 0.5, upper: 0.1 }) //=> throws RangeError: lower must not exceed upper, got lower 0.5 and upper 0.1
 * ```
 */
export function rrelu<T extends RreluArray>(x: T | Readonly<T>, options: RreluOptions = {}): RreluResult<T> {
  const kind = checkInput(x, 'x');
  if (kind === 'number') throw new TypeError(`x must be an array for rrelu, got ${describeValue(x)}`);
  const lower = checkSlope(options.lower ?? 1 / 8, 'lower');
  const upper = checkSlope(options.upper ?? 1 / 3, 'upper');
  if (lower > upper) throw new RangeError(`lower must not exceed upper, got lower ${lower} and upper ${upper}`);
  const output = newArrayLike(x);
  const noise = newArrayLike(x);
  if (!options.training) {
    const slope = (lower + upper) / 2;
    leakyRelu(x as RreluArray, slope, { out: output as never });
    const stored = isFloat32Array(x) ? Math.fround(slope) : slope;
    for (let i = 0; i < x.length; i++) noise[i] = x[i]! >= 0 ? 1 : stored;
    return { output: output as T, noise: noise as T };
  }
  const random = options.random ?? (options.seed === undefined ? undefined : createRandom(options.seed));
  if (random === undefined) {
    throw new TypeError('rrelu in training needs options.seed or options.random, so that its slopes replay');
  }
  for (let i = 0; i < x.length; i++) {
    const value = x[i]!;
    // The slope is stored first, so a Float32Array's output uses the float32 slope.
    noise[i] = value >= 0 ? 1 : lower + (upper - lower) * random.uniform();
    output[i] = leakyReluAt(value, noise[i]!);
  }
  return { output: output as T, noise: noise as T };
}

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
export function rreluBackward<T extends RreluArray>(gradOutput: T | Readonly<T>, noise: T | Readonly<T>): T {
  const kind = checkInput(noise, 'noise');
  if (kind === 'number') throw new TypeError(`noise must be an array, got ${describeValue(noise)}`);
  checkCompanion(gradOutput, 'gradOutput', kind, noise.length, 'noise');
  const gradInput = newArrayLike(noise);
  for (let i = 0; i < noise.length; i++) gradInput[i] = gradOutput[i]! * noise[i]!;
  return gradInput as T;
}

