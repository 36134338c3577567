import { numberOption, positiveOption, readOptions, required, type OptionRule } from '../base/options.js';
import { describeValue } from '../base/describe-value.js';
import { checkNetwork, gradientsByParameter, parametersOf, type Gradients, type Mlp } from './mlp.js';

/** The Adam optimizer's settings (Kingma and Ba, 2015). */
export interface AdamOptions {
  readonly learningRate: number;
  readonly beta1?: number;
  readonly beta2?: number;
  readonly epsilon?: number;
}

/** An optimizer bound to a network: each `step` applies one update, in place. */
export interface Optimizer {
  step(gradients: Gradients): void;
}

/** A decay rate: a number in [0, 1). */
const decayOption: OptionRule<number> = (value, name) => {
  const rate = numberOption(value, name);
  if (!(rate >= 0 && rate < 1)) throw new RangeError(`${name} must be a number in [0, 1), got ${describeValue(rate)}`);
  return rate;
};

const OPTION_RULES = { learningRate: positiveOption, beta1: decayOption, beta2: decayOption, epsilon: positiveOption };

/**
 * Creates an Adam optimizer for a network. Adam divides each parameter's step
 * by the running size of its gradient, so a gradient scaled by a small
 * `alpha` moves a parameter as far as a full one; an exactly zero gradient,
 * as a dead ReLU unit has, moves nothing.
 *
 * ```text
 * m ← β1·m + (1−β1)·g,  v ← β2·v + (1−β2)·g²,  p ← p − lr · (m / (1−β1ᵗ)) / (√(v / (1−β2ᵗ)) + ε)
 * ```
 *
 * @param network - The network whose parameters it updates.
 * @param options - The learning rate, and optionally β1 (0.9), β2 (0.999) and ε (1e-8).
 * @returns The optimizer.
 * @throws {TypeError} when `network` is not an MLP, `options` is not an
 *   object, an option is unknown or not a number, or `learningRate` is missing.
 * @throws {RangeError} when the learning rate or ε is not a positive finite number, or a β is outside [0, 1).
 *
 * @example
 * ```ts
 * import { backward, createAdam, createMlp, createRandom, forward } from 'leaky-relu/experiments';
 *
 * const network = createMlp([1, 2, 1], 0.01, createRandom(3));
 * const adam = createAdam(network, { learningRate: 0.1 });
 * adam.step(backward(network, forward(network, new Float64Array([1])), new Float64Array([1])));
 * network.layers[1]!.biases //=> Float64Array(1) [ -0.09999999900000002 ]
 * ```
 */
export function createAdam(network: Mlp, options: AdamOptions): Optimizer {
  checkNetwork(network);
  if (options === undefined) throw new TypeError('options must be an object with a learningRate, got undefined');
  const given = readOptions(options, OPTION_RULES);
  const learningRate = required(given.learningRate, 'options.learningRate', 'a positive finite number');
  const { beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8 } = given;
  const parameters = parametersOf(network);
  const firstMoments = parameters.map((values) => new Float64Array(values.length));
  const secondMoments = parameters.map((values) => new Float64Array(values.length));
  let steps = 0;
  return {
    step(gradients) {
      steps += 1;
      const firstCorrection = 1 - beta1 ** steps;
      const secondCorrection = 1 - beta2 ** steps;
      const flat = gradientsByParameter(gradients);
      parameters.forEach((values, index) => {
        const gradient = flat[index]!;
        const m = firstMoments[index]!;
        const v = secondMoments[index]!;
        for (let i = 0; i < values.length; i++) {
          const g = gradient[i]!;
          m[i] = beta1 * m[i]! + (1 - beta1) * g;
          v[i] = beta2 * v[i]! + (1 - beta2) * g * g;
          values[i]! -= (learningRate * (m[i]! / firstCorrection)) / (Math.sqrt(v[i]! / secondCorrection) + epsilon);
        }
      });
    },
  };
}
