import { describe, expect, it } from 'vitest';
import { createAdam, createMlp, createRandom } from 'leaky-relu/experiments';

const constantGradients = (value: number) => ({ weights: [new Float64Array(2).fill(value)], biases: [new Float64Array(1).fill(value)] });

describe('createAdam(network, options)', () => {
  it('moves each parameter by about the learning rate on its first step, whatever the gradient size', () => {
    for (const size of [1e-4, 1, 1e4]) {
      const network = createMlp([2, 1], 0, createRandom(1));
      const before = network.layers[0]!.biases[0]!;
      createAdam(network, { learningRate: 0.1 }).step(constantGradients(size));
      expect(before - network.layers[0]!.biases[0]!).toBeCloseTo(0.1, 3);
    }
  });

  it('leaves a parameter whose gradient is exactly zero where it is', () => {
    const network = createMlp([2, 1], 0, createRandom(1));
    const before = Float64Array.from(network.layers[0]!.weights);
    const adam = createAdam(network, { learningRate: 0.1 });
    for (let i = 0; i < 10; i++) adam.step(constantGradients(0));
    expect(network.layers[0]!.weights).toEqual(before);
  });

  it('throws a RangeError for a learning rate that is not positive and finite', () => {
    const network = createMlp([2, 1], 0, createRandom(1));
    expect(() => createAdam(network, { learningRate: -1 })).toThrow(
      new RangeError('options.learningRate must be a positive finite number, got -1'),
    );
  });
});
