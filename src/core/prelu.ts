import { newArrayLike } from './elementwise.js';
import { leakyReluAt, leakyReluBackwardAt } from '../kernels/js.js';
import { checkCompanion, checkInput, describeValue, isFloat32Array, type NumericArray } from './validate.js';

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

type PreluArray = number[] | Float32Array | Float64Array;

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
 * @throws {TypeError} when `x` is not one of the array kinds or `slopes` is not an array of numbers.
 * @throws {RangeError} when `slopes` is empty or holds a non-finite value, or the length of `x` does not fit the layout.
 *
 * @example
 * ```ts
 * import { prelu } from 'leaky-relu';
 *
 * prelu([-1, -1, 2, -4], [0.1, 0.5]) //=> [ -0.1, -0.5, 2, -2 ]
 * prelu([-1, -1, -1, -1], [0.1, 0.5], { layout: 'channels-first', spatialSize: 2 }) //=> [ -0.1, -0.1, -0.5, -0.5 ]
 * prelu([-1, 2, 3], [0.1, 0.5]) //=> throws RangeError: x has length 3, which is not a whole number of 2 channels
 * ```
 */
export function prelu<T extends PreluArray>(x: T | Readonly<T>, slopes: NumericArray, options: PreluOptions = {}): T {
  const channelOf = checkPrelu(x, slopes, options);
  const channelSlopes = slopesFor(x, slopes);
  const out = newArrayLike(x);
  for (let i = 0; i < x.length; i++) out[i] = leakyReluAt(x[i]!, channelSlopes[channelOf(i)]!);
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
 * @throws {TypeError} when an argument is of the wrong kind.
 * @throws {RangeError} when lengths do not fit, or a slope is not finite.
 *
 * @example
 * ```ts
 * import { preluBackward } from 'leaky-relu';
 *
 * preluBackward([1, 1, 1, 1], [-1, -1, 2, -4], [0.1, 0.5]) //=> { gradInput: [ 0.1, 0.5, 1, 0.5 ], gradSlopes: Float64Array(2) [ -1, -5 ] }
 * ```
 */
export function preluBackward<T extends PreluArray>(
  gradOutput: T | Readonly<T>,
  x: T | Readonly<T>,
  slopes: NumericArray,
  options: PreluOptions = {},
): PreluGradients<T> {
  const channelOf = checkPrelu(x, slopes, options);
  checkCompanion(gradOutput, 'gradOutput', checkInput(x, 'x'), x.length, 'x');
  const channelSlopes = slopesFor(x, slopes);
  const gradInput = newArrayLike(x);
  const gradSlopes = new Float64Array(slopes.length);
  for (let i = 0; i < x.length; i++) {
    const channel = channelOf(i);
    const value = x[i]!;
    const gradient = gradOutput[i]!;
    gradInput[i] = leakyReluBackwardAt(gradient, value, channelSlopes[channel]!);
    if (!(value >= 0)) gradSlopes[channel]! += gradient * value;
  }
  return { gradInput: gradInput as T, gradSlopes };
}

/** Checks the arguments and returns the map from element index to channel. */
function checkPrelu(x: unknown, slopes: unknown, options: PreluOptions): (index: number) => number {
  const kind = checkInput(x, 'x');
  if (kind === 'number') throw new TypeError(`x must be an array for prelu, got ${describeValue(x)}`);
  if (checkInput(slopes, 'slopes') === 'number') {
    throw new TypeError(`slopes must be an array of numbers, got ${describeValue(slopes)}`);
  }
  const channelSlopes = slopes as NumericArray;
  if (channelSlopes.length === 0) throw new RangeError('slopes must hold at least one slope, got none');
  channelSlopes.forEach((slope: number, index: number) => {
    if (!Number.isFinite(slope)) throw new RangeError(`slopes[${index}] must be a finite number, got ${describeValue(slope)}`);
  });
  const length = (x as NumericArray).length;
  const channels = channelSlopes.length;
  const { layout = 'channels-last', spatialSize } = options;
  if (layout === 'channels-last') {
    if (length % channels !== 0) {
      throw new RangeError(`x has length ${length}, which is not a whole number of ${channels} channels`);
    }
    return (index) => index % channels;
  }
  if (layout !== 'channels-first') {
    throw new RangeError(`options.layout must be 'channels-last' or 'channels-first', got ${describeValue(layout)}`);
  }
  if (spatialSize === undefined || !Number.isSafeInteger(spatialSize) || spatialSize < 1) {
    throw new RangeError(`options.spatialSize must be a positive whole number for 'channels-first', got ${describeValue(spatialSize)}`);
  }
  if (length % (channels * spatialSize) !== 0) {
    throw new RangeError(
      `x has length ${length}, which is not a whole number of ${channels} channels of ${spatialSize} elements`,
    );
  }
  return (index) => Math.floor(index / spatialSize) % channels;
}

/** The slopes in the data's precision: float32 for a Float32Array, as leakyRelu does. */
function slopesFor(x: ArrayLike<number>, slopes: NumericArray): ArrayLike<number> {
  return isFloat32Array(x) ? Float32Array.from(slopes) : slopes;
}

