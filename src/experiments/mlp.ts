import { checkFinite } from '../base/check-finite.js';
import { describeValue } from '../base/describe-value.js';
import { isArray } from '../base/is-array.js';
import { booleanOption, finiteOption, isRecord, readOptions } from '../base/options.js';
import { isFloat64Array } from '../base/typed-array.js';
import { leakyReluBackward } from '../core/backward.js';
import { leakyRelu } from '../core/leaky-relu.js';
import { prelu, preluBackward } from '../core/prelu.js';
import { checkedNormal, checkGenerator, type Random } from '../core/random.js';

/** One dense layer: `output = weights · input + biases`, weights stored row by row (outputs × inputs). */
export interface DenseLayer {
  readonly inputs: number;
  readonly outputs: number;
  readonly weights: Float64Array;
  readonly biases: Float64Array;
}

/**
 * A multilayer perceptron: dense layers with Leaky ReLU (slope `alpha`)
 * between them and a linear output. `alpha = 0` makes it a ReLU network.
 * With `slopes`, the hidden layers are PReLU instead: unit `j` of hidden
 * layer `l` has its own learned slope `slopes[l][j]`.
 */
export interface Mlp {
  readonly layers: readonly DenseLayer[];
  readonly alpha: number;
  readonly slopes?: readonly Float64Array[];
}

/** The options of {@link createMlp}. */
export interface MlpOptions {
  /** The initial value of every bias. Default 0. */
  readonly biasShift?: number;
  /** Learn a slope per hidden unit (PReLU), each starting at `alpha`. Default false. */
  readonly learnableSlopes?: boolean;
}

/** What a forward pass keeps for the backward pass. Matrices are row-major, one row per example. */
export interface ForwardPass {
  readonly batchSize: number;
  /** The input of each layer: the batch, then each hidden layer's activations. */
  readonly layerInputs: readonly Float64Array[];
  /** Each hidden layer's pre-activations, before Leaky ReLU. */
  readonly preActivations: readonly Float64Array[];
  readonly output: Float64Array;
}

/** The loss's gradient with respect to each layer's parameters. */
export interface Gradients {
  readonly weights: readonly Float64Array[];
  readonly biases: readonly Float64Array[];
  /** For a PReLU network, the gradient of each hidden layer's slopes. */
  readonly slopes?: readonly Float64Array[];
}

/**
 * Creates an MLP with He-normal weights, `N(0, 2 / fanIn)`, the usual
 * initialisation for ReLU networks, and every bias set to `biasShift`.
 *
 * ```text
 * W[l][i][j] ~ N(0, 2 / sizes[l]),  b[l][i] = biasShift,  slopes[l][i] = alpha (PReLU)
 * ```
 *
 * @param sizes - The width of each layer, input first and output last: at least two.
 * @param alpha - The hidden layers' negative slope: 0 for ReLU; with learnable slopes, their start.
 * @param random - The seeded generator that draws the weights.
 * @param options - `biasShift` (default 0) and `learnableSlopes` (default false).
 * @returns A new network.
 * @throws {TypeError} when `sizes` is not an array of numbers, `alpha` is not
 *   a number, `random` is not a generator, or an option is unknown or of the wrong type.
 * @throws {RangeError} when there are fewer than two sizes, a size is not a
 *   positive whole number, or `alpha` or `biasShift` is not finite.
 *
 * @example
 * ```ts
 * import { createMlp, createRandom } from 'leaky-relu/experiments';
 *
 * const network = createMlp([1, 8, 1], 0.01, createRandom(1));
 * network.layers.map((layer) => layer.weights.length) //=> [ 8, 8 ]
 * createMlp([1], 0.01, createRandom(1)) //=> throws RangeError: sizes must list at least an input and an output size, got [1]
 * ```
 */
export function createMlp(sizes: readonly number[], alpha: number, random: Random, options: MlpOptions = {}): Mlp {
  const { biasShift = 0, learnableSlopes = false } = readOptions(options, { biasShift: finiteOption, learnableSlopes: booleanOption });
  if (!isArray(sizes)) throw new TypeError(`sizes must be an array of whole numbers, got ${describeValue(sizes)}`);
  const widths = Array.from(sizes as readonly unknown[]);
  widths.forEach((size, index) => {
    if (typeof size !== 'number') throw new TypeError(`sizes[${index}] must be a number, got ${describeValue(size)}`);
  });
  if (widths.length < 2) {
    throw new RangeError(`sizes must list at least an input and an output size, got [${widths.join(', ')}]`);
  }
  for (const size of widths as number[]) {
    if (!Number.isSafeInteger(size) || size < 1) {
      throw new RangeError(`sizes must be positive whole numbers, got [${widths.join(', ')}]`);
    }
  }
  checkFinite(alpha, 'alpha');
  checkGenerator(random, 'random');
  const layers = (widths as number[]).slice(1).map((outputs, index): DenseLayer => {
    const inputs = (widths as number[])[index]!;
    const deviation = Math.sqrt(2 / inputs);
    const weights = Float64Array.from({ length: outputs * inputs }, () => checkedNormal(random, 'random') * deviation);
    return { inputs, outputs, weights, biases: new Float64Array(outputs).fill(biasShift) };
  });
  if (!learnableSlopes) return { layers, alpha };
  return { layers, alpha, slopes: layers.slice(0, -1).map((layer) => new Float64Array(layer.outputs).fill(alpha)) };
}

/**
 * Runs a batch through the network, keeping what the backward pass needs.
 *
 * ```text
 * z[l] = a[l-1] · W[l]ᵀ + b[l],  a[l] = leakyRelu(z[l], alpha) for hidden layers
 * ```
 *
 * @param network - The network.
 * @param batch - The inputs, row-major: `batchSize` rows of the input width.
 * @returns The pre-activations, the layer inputs and the output.
 * @throws {TypeError} when `network` is not an MLP or `batch` is not a Float64Array.
 * @throws {RangeError} when the batch's length is not a multiple of the input width.
 *
 * @example
 * ```ts
 * import { createMlp, createRandom, forward } from 'leaky-relu/experiments';
 *
 * const network = createMlp([2, 4, 1], 0.01, createRandom(1));
 * forward(network, new Float64Array([0, 0, 1, 1])).output.length //=> 2
 * ```
 */
export function forward(network: Mlp, batch: Float64Array): ForwardPass {
  checkNetwork(network);
  checkFloat64Array(batch, 'batch');
  const inputWidth = network.layers[0]!.inputs;
  if (batch.length % inputWidth !== 0) {
    throw new RangeError(`batch length must be a multiple of the input width ${inputWidth}, got ${batch.length}`);
  }
  const batchSize = batch.length / inputWidth;
  const layerInputs: Float64Array[] = [batch];
  const preActivations: Float64Array[] = [];
  let current = batch;
  network.layers.forEach((layer, index) => {
    const z = affine(layer, current, batchSize);
    if (index === network.layers.length - 1) {
      current = z;
      return;
    }
    preActivations.push(z);
    const slopes = network.slopes?.[index];
    current = slopes ? prelu(z, slopes) : leakyRelu(z, network.alpha);
    layerInputs.push(current);
  });
  return { batchSize, layerInputs, preActivations, output: current };
}

/**
 * Backpropagates the loss's gradient with respect to the output through the
 * network, using `leakyReluBackward` at every hidden layer.
 *
 * ```text
 * dz[L] = gradOutput;  dW[l] = dz[l]ᵀ · a[l-1];  db[l] = Σ dz[l];  dz[l-1] = leakyReluBackward(dz[l] · W[l], z[l-1])
 * ```
 *
 * @param network - The network the pass ran through.
 * @param pass - The result of `forward`.
 * @param gradOutput - The loss's gradient with respect to `pass.output`.
 * @returns The gradient for every weight and bias.
 * @throws {TypeError} when `network` is not an MLP, `pass` is not a forward pass, or `gradOutput` is not a Float64Array.
 * @throws {RangeError} when `gradOutput`'s length differs from the output's.
 *
 * @example
 * ```ts
 * import { backward, createMlp, createRandom, forward } from 'leaky-relu/experiments';
 *
 * const network = createMlp([1, 3, 1], 0, createRandom(2));
 * const pass = forward(network, new Float64Array([0.5]));
 * backward(network, pass, new Float64Array([1])).biases[1] //=> Float64Array(1) [ 1 ]
 * ```
 */
export function backward(network: Mlp, pass: ForwardPass, gradOutput: Float64Array): Gradients {
  checkNetwork(network);
  checkRecord(pass, 'pass', 'the result of forward()');
  checkFloat64Array(gradOutput, 'gradOutput');
  if (gradOutput.length !== pass.output.length) {
    throw new RangeError(`gradOutput must have length ${pass.output.length} like the output, got length ${gradOutput.length}`);
  }
  const { layers, alpha } = network;
  const weights: Float64Array[] = new Array<Float64Array>(layers.length);
  const biases: Float64Array[] = new Array<Float64Array>(layers.length);
  const slopeGradients: Float64Array[] = new Array<Float64Array>(layers.length - 1);
  let delta = gradOutput;
  for (let index = layers.length - 1; index >= 0; index--) {
    const layer = layers[index]!;
    const input = pass.layerInputs[index]!;
    weights[index] = weightGradient(layer, delta, input, pass.batchSize);
    biases[index] = biasGradient(layer, delta, pass.batchSize);
    if (index === 0) continue;
    const upstream = inputGradient(layer, delta, pass.batchSize);
    const z = pass.preActivations[index - 1]!;
    const slopes = network.slopes?.[index - 1];
    if (slopes) {
      const { gradInput, gradSlopes } = preluBackward(upstream, z, slopes);
      delta = gradInput;
      slopeGradients[index - 1] = gradSlopes;
    } else {
      delta = leakyReluBackward(upstream, z, alpha, { out: upstream });
    }
  }
  return network.slopes ? { weights, biases, slopes: slopeGradients } : { weights, biases };
}

/**
 * One step of plain gradient descent, in place.
 *
 * ```text
 * W ← W − learningRate · dW,  b ← b − learningRate · db
 * ```
 *
 * @param network - The network to update.
 * @param gradients - The result of `backward`.
 * @param learningRate - The step size.
 * @returns The same network, updated.
 * @throws {TypeError} when `network` is not an MLP, `gradients` is not the result of `backward`, or `learningRate` is not a number.
 * @throws {RangeError} when `learningRate` is not a positive finite number.
 *
 * @example
 * ```ts
 * import { backward, createMlp, createRandom, forward, sgdStep } from 'leaky-relu/experiments';
 *
 * const network = createMlp([1, 2, 1], 0.01, createRandom(3));
 * const pass = forward(network, new Float64Array([1]));
 * sgdStep(network, backward(network, pass, new Float64Array([1])), 0.5).layers[1]!.biases //=> Float64Array(1) [ -0.5 ]
 * ```
 */
export function sgdStep(network: Mlp, gradients: Gradients, learningRate: number): Mlp {
  checkNetwork(network);
  checkRecord(gradients, 'gradients', 'the result of backward()');
  checkLearningRate(learningRate);
  const steps = gradientsByParameter(gradients);
  parametersOf(network).forEach((values, index) => {
    const step = steps[index]!;
    for (let i = 0; i < values.length; i++) values[i]! -= learningRate * step[i]!;
  });
  return network;
}

/** Every trainable array of a network: each layer's weights and biases, then the slopes of a PReLU network. */
export function parametersOf(network: Mlp): Float64Array[] {
  return [...network.layers.flatMap((layer) => [layer.weights, layer.biases]), ...(network.slopes ?? [])];
}

/** The gradients in the order of {@link parametersOf}. */
export function gradientsByParameter(gradients: Gradients): Float64Array[] {
  return [...gradients.weights.flatMap((weights, index) => [weights, gradients.biases[index]!]), ...(gradients.slopes ?? [])];
}

/** Checks a step size: positive and finite. */
export function checkLearningRate(learningRate: unknown, name = 'learningRate'): number {
  if (typeof learningRate !== 'number') throw new TypeError(`${name} must be a number, got ${describeValue(learningRate)}`);
  if (!(learningRate > 0 && Number.isFinite(learningRate))) {
    throw new RangeError(`${name} must be a positive finite number, got ${describeValue(learningRate)}`);
  }
  return learningRate;
}

/** Checks a network argument: an object with its layers, as `createMlp` returns. */
export function checkNetwork(network: unknown): void {
  checkRecord(network, 'network', 'a network from createMlp()');
  const { layers } = network as Partial<Mlp>;
  if (!isArray(layers) || layers.length === 0) {
    throw new TypeError(`network must be a network from createMlp(), got one whose layers are ${describeValue(layers)}`);
  }
}

function checkRecord(value: unknown, name: string, what: string): void {
  if (!isRecord(value)) {
    throw new TypeError(`${name} must be ${what}, got ${describeValue(value)}`);
  }
}

function checkFloat64Array(value: unknown, name: string): void {
  if (!isFloat64Array(value)) throw new TypeError(`${name} must be a Float64Array, got ${describeValue(value)}`);
}

function affine(layer: DenseLayer, input: Float64Array, batchSize: number): Float64Array {
  const { inputs, outputs, weights, biases } = layer;
  const result = new Float64Array(batchSize * outputs);
  for (let row = 0; row < batchSize; row++) {
    for (let unit = 0; unit < outputs; unit++) {
      let sum = biases[unit]!;
      for (let k = 0; k < inputs; k++) sum += weights[unit * inputs + k]! * input[row * inputs + k]!;
      result[row * outputs + unit] = sum;
    }
  }
  return result;
}

function weightGradient(layer: DenseLayer, delta: Float64Array, input: Float64Array, batchSize: number): Float64Array {
  const { inputs, outputs } = layer;
  const gradient = new Float64Array(outputs * inputs);
  for (let row = 0; row < batchSize; row++) {
    for (let unit = 0; unit < outputs; unit++) {
      const d = delta[row * outputs + unit]!;
      if (d === 0) continue;
      for (let k = 0; k < inputs; k++) gradient[unit * inputs + k]! += d * input[row * inputs + k]!;
    }
  }
  return gradient;
}

function biasGradient(layer: DenseLayer, delta: Float64Array, batchSize: number): Float64Array {
  const gradient = new Float64Array(layer.outputs);
  for (let row = 0; row < batchSize; row++) {
    for (let unit = 0; unit < layer.outputs; unit++) gradient[unit]! += delta[row * layer.outputs + unit]!;
  }
  return gradient;
}

function inputGradient(layer: DenseLayer, delta: Float64Array, batchSize: number): Float64Array {
  const { inputs, outputs, weights } = layer;
  const gradient = new Float64Array(batchSize * inputs);
  for (let row = 0; row < batchSize; row++) {
    for (let unit = 0; unit < outputs; unit++) {
      const d = delta[row * outputs + unit]!;
      if (d === 0) continue;
      for (let k = 0; k < inputs; k++) gradient[row * inputs + k]! += d * weights[unit * inputs + k]!;
    }
  }
  return gradient;
}
