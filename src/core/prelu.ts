import { checkFinite } from '../base/check-finite.js';
import type { MutableNumericArray, NumericArray } from '../base/numeric-array.js';
import { oneOfOption, readOptions, wholeOption } from '../base/options.js';
import { leakyReluAt, leakyReluBackwardAt } from '../kernels/reference.js';
import { newArray } from './elementwise.js';
import { alphaInPrecision } from './precision.js';
import { checkSlopeFor, readArray, readCompanion, type CheckedArray } from './validate.js';

/** How a PReLU input's elements map to channels. */
export interface PreluOptions {
  /**
   * `'channels-last'` (the default): element `i` belongs to channel `i % C`,
   * as in an `[..., C]` tensor. `'channels-first'`: element `i` belongs to
   * channel `floor(i / spatialSize) % C`, as in an `[N, C, ...]` tensor.
   */
  readonly layout?: 'channels-last' | 'channels-first';
  /** For `'channels-first'`: the number of elements per channel and sample (`H·W` for images). */
  readonly spatialSize?: number;
}

/** The result of {@link preluBackward}. */
export interface PreluGradients<T> {
  /** The gradient with respect to `x`, of `x`'s kind. */
  readonly gradInput: T;
  /** The gradient with respect to each channel's slope. */
  readonly gradSlopes: Float64Array;
}

/**
 * PReLU: Leaky ReLU with a learnable slope per channel (He et al., 2015).
 *
 * ```text
 * prelu(x)[i] = x[i]                  if x[i] >= 0
 *               slopes[c(i)] * x[i]   otherwise
 * ```
 *
 * It follows `leakyRelu` in every detail: the `x >= 0` branch, `-0` and
 * `NaN` kept, float32 arithmetic (`fround(fround(slope) * x)`) for a
 * `Float32Array`. One slope (`slopes.length === 1`) is shared by all elements.
 *
 * @param x - A `number[]`, `Float32Array` or `Float64Array`.
 * @param slopes - One finite slope per channel.
 * @param options - `layout` (default `'channels-last'`) and, for `'channels-first'`, `spatialSize`.
 * @returns A new array of `x`'s kind.
 * @throws {TypeError} when `x` is not one of the array kinds, `slopes` is not
 *   an array of numbers, or an option is unknown or of the wrong type.
 * @throws {RangeError} when `slopes` is empty or holds a non-finite value (in
 *   float32, for a `Float32Array`), an option is out of range, or the length
 *   of `x` does not fit the layout.
 *
 * @example
 * ```ts
 * import { prelu } from 'leaky-relu';
 *
 * prelu([-1, -1, 2, -4], [0.1, 0.5]) //=> [ -0.1, -0.5, 2, -2 ]
 * prelu([-1, -1, -1, -1], [0.1, 0.5], { layout: 'channels-first', spatialSize: 2 }) //=> [ -0.1, -0.1, -0.5, -0.5 ]
 * prelu([-1, 2, 3], [0.1, 0.5]) //=> throws RangeError: x has length 3, which is not a whole number of 2 channels
 * prelu([-1, 2], [0.1], { layot: 'channels-first' } as never) //=> throws TypeError: options.layot is not an option; the options are: layout, spatialSize
 * ```
 */
export function prelu<T extends MutableNumericArray>(x: T | Readonly<T>, slopes: NumericArray, options?: PreluOptions): T {
  const { input, channelSlopes, channelOf } = readPrelu(x, slopes, options, 'prelu');
  const values = input.values;
  const out = newArray(input.kind, input.length);
  for (let i = 0; i < input.length; i++) out[i] = leakyReluAt(values[i]!, channelSlopes[channelOf(i)]!);
  return out as T;
}

/**
 * The backward pass of PReLU: the gradients with respect to the input and to
 * every channel's slope.
 *
 * ```text
 * gradInput[i]  = g[i]            if x[i] >= 0,  slopes[c(i)] * g[i] otherwise
 * gradSlopes[c] = Σ g[i] * x[i]   over the elements i of channel c where x[i] < 0
 * ```
 *
 * `gradSlopes` is summed in float64 whatever the kind of `x`, so it is as
 * accurate as a float64 sum can be.
 *
 * @param gradOutput - The gradient with respect to the output: `x`'s kind and length.
 * @param x - The forward's input.
 * @param slopes - The forward's slopes.
 * @param options - The forward's layout.
 * @returns `{ gradInput, gradSlopes }`.
 * @throws {TypeError} when an argument is of the wrong kind, or an option is unknown or of the wrong type.
 * @throws {RangeError} when lengths do not fit, a slope is not finite, or an option is out of range.
 *
 * @example
 * ```ts
 * import { preluBackward } from 'leaky-relu';
 *
 * preluBackward([1, 1, 1, 1], [-1, -1, 2, -4], [0.1, 0.5]) //=> { gradInput: [ 0.1, 0.5, 1, 0.5 ], gradSlopes: Float64Array(2) [ -1, -5 ] }
 * ```
 */
export function preluBackward<T extends MutableNumericArray>(
  gradOutput: T | Readonly<T>,
  x: T | Readonly<T>,
  slopes: NumericArray,
  options?: PreluOptions,
): PreluGradients<T> {
  const { input, channelSlopes, channelOf } = readPrelu(x, slopes, options, 'preluBackward');
  const gradients = readCompanion(gradOutput, 'gradOutput', input, 'x').values as ArrayLike<number>;
  const values = input.values;
  const gradInput = newArray(input.kind, input.length);
  const gradSlopes = new Float64Array(channelSlopes.length);
  for (let i = 0; i < input.length; i++) {
    const channel = channelOf(i);
    const value = values[i]!;
    const gradient = gradients[i]!;
    gradInput[i] = leakyReluBackwardAt(gradient, value, channelSlopes[channel]!);
    if (!(value >= 0)) gradSlopes[channel]! += gradient * value;
  }
  return { gradInput: gradInput as T, gradSlopes };
}

const OPTION_RULES = {
  layout: oneOfOption(['channels-last', 'channels-first']),
  spatialSize: wholeOption(1),
};

interface PreluArguments {
  readonly input: CheckedArray;
  /** The slopes in the data's precision: float32 for a Float32Array, as leakyRelu does. */
  readonly channelSlopes: ArrayLike<number>;
  /** The map from element index to channel. */
  readonly channelOf: (index: number) => number;
}

/** Checks and reads the arguments: the options first, since their getters are the caller's code. */
function readPrelu(x: unknown, slopes: unknown, options: unknown, caller: string): PreluArguments {
  const { layout = 'channels-last', spatialSize } = readOptions(options, OPTION_RULES);
  const input = readArray(x, 'x', caller);
  const read = readArray(slopes, 'slopes', caller);
  if (read.length === 0) throw new RangeError('slopes must hold at least one slope, got none');
  const channelSlopes = Array.from(read.values, (slope, index) => {
    const name = `slopes[${index}]`;
    return alphaInPrecision(checkSlopeFor(checkFinite(slope, name), name, input.precision), input.precision);
  });
  const { length } = input;
  const channels = read.length;
  if (layout === 'channels-last') {
    if (length % channels !== 0) {
      throw new RangeError(`x has length ${length}, which is not a whole number of ${channels} channels`);
    }
    return { input, channelSlopes, channelOf: (index) => index % channels };
  }
  if (spatialSize === undefined) {
    throw new RangeError("options.spatialSize must be a positive whole number for 'channels-first', got undefined");
  }
  if (length % (channels * spatialSize) !== 0) {
    throw new RangeError(
      `x has length ${length}, which is not a whole number of ${channels} channels of ${spatialSize} elements`,
    );
  }
  return { input, channelSlopes, channelOf: (index) => Math.floor(index / spatialSize) % channels };
}
