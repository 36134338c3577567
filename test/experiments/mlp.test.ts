import { describe, expect, it } from 'vitest';
import { backward, createMlp, createRandom, forward, sgdStep, type Mlp } from 'leaky-relu/experiments';

const loss = (network: Mlp, inputs: Float64Array, targets: Float64Array): number => {
  const { output } = forward(network, inputs);
  return output.reduce((sum, y, i) => sum + (y - targets[i]!) ** 2, 0) / targets.length;
};

/** The derivative of `evaluate` with respect to `values[index]`, by a central difference. */
const centralDifference = (values: Float64Array, index: number, evaluate: () => number, h = 1e-6): number => {
  const saved = values[index]!;
  values[index] = saved + h;
  const above = evaluate();
  values[index] = saved - h;
  const below = evaluate();
  values[index] = saved;
  return (above - below) / (2 * h);
};

describe('createMlp(sizes, alpha, random, options)', () => {
  it('makes one dense layer per pair of sizes, with He-normal weights and shifted biases', () => {
    const network = createMlp([2, 400, 3], 0.01, createRandom(1), { biasShift: -0.5 });
    expect(network.layers.map((layer) => [layer.inputs, layer.outputs])).toEqual([
      [2, 400],
      [400, 3],
    ]);
    const first = network.layers[0]!.weights;
    const variance = first.reduce((sum, w) => sum + w * w, 0) / first.length;
    expect(variance).toBeGreaterThan(0.8); // 2 / fanIn = 1
    expect(variance).toBeLessThan(1.2);
    expect(new Set(network.layers[1]!.biases)).toEqual(new Set([-0.5]));
  });

  it('throws a RangeError for fewer than two sizes or a size that is not a positive whole number', () => {
    expect(() => createMlp([3], 0, createRandom(1))).toThrow(RangeError);
    expect(() => createMlp([3, 0, 1], 0, createRandom(1))).toThrow(
      new RangeError('sizes must be positive whole numbers, got [3, 0, 1]'),
    );
  });
});

describe('forward(network, batch) and backward(network, pass, gradOutput)', () => {
  it.each([0.01, 0.3, 0])('backward matches central finite differences of the loss (alpha %s)', (alpha) => {
    const network = createMlp([2, 5, 4, 1], alpha, createRandom(4), { biasShift: 0.1 });
    const random = createRandom(9);
    const inputs = Float64Array.from({ length: 12 }, () => random.normal());
    const targets = Float64Array.from({ length: 6 }, () => random.normal());
    const pass = forward(network, inputs);
    const gradOutput = pass.output.map((y, i) => (2 * (y - targets[i]!)) / targets.length);
    const gradients = backward(network, pass, gradOutput);
    network.layers.forEach((layer, index) => {
      const pairs = [
        [layer.weights, gradients.weights[index]!],
        [layer.biases, gradients.biases[index]!],
      ] as const;
      for (const [values, analytic] of pairs) {
        for (let i = 0; i < values.length; i++) {
          expect(analytic[i]!).toBeCloseTo(centralDifference(values, i, () => loss(network, inputs, targets)), 5);
        }
      }
    });
  });

  it('backward matches central finite differences for the learned slopes of a PReLU network', () => {
    const network = createMlp([2, 4, 3, 1], 0.2, createRandom(6), { biasShift: 0.1, learnableSlopes: true });
    network.slopes!.forEach((slopes, layer) => slopes.forEach((_, unit) => (slopes[unit] = 0.05 + 0.1 * unit + 0.3 * layer)));
    const random = createRandom(8);
    const inputs = Float64Array.from({ length: 16 }, () => random.normal());
    const targets = Float64Array.from({ length: 8 }, () => random.normal());
    const pass = forward(network, inputs);
    const gradients = backward(network, pass, pass.output.map((y, i) => (2 * (y - targets[i]!)) / targets.length));
    expect(gradients.slopes).toHaveLength(2);
    network.slopes!.forEach((slopes, layer) => {
      for (let unit = 0; unit < slopes.length; unit++) {
        const numeric = centralDifference(slopes, unit, () => loss(network, inputs, targets));
        expect(gradients.slopes![layer]![unit]!).toBeCloseTo(numeric, 5);
      }
    });
  });

  it('starts every learned slope at alpha, one per hidden unit', () => {
    const network = createMlp([1, 3, 2, 1], 0.25, createRandom(1), { learnableSlopes: true });
    expect(network.slopes!.map((slopes) => Array.from(slopes))).toEqual([
      [0.25, 0.25, 0.25],
      [0.25, 0.25],
    ]);
    expect(createMlp([1, 3, 1], 0.25, createRandom(1)).slopes).toBeUndefined();
  });

  it('applies leakyRelu between layers and leaves the output linear', () => {
    const network = createMlp([1, 1, 1], 0.5, createRandom(1));
    network.layers[0]!.weights[0] = 1;
    network.layers[0]!.biases[0] = 0;
    network.layers[1]!.weights[0] = -2;
    network.layers[1]!.biases[0] = 0;
    expect(Array.from(forward(network, new Float64Array([-4, 3])).output)).toEqual([4, -6]);
  });

  it('throws a RangeError for a batch or gradient of the wrong length', () => {
    const network = createMlp([2, 3, 1], 0, createRandom(1));
    expect(() => forward(network, new Float64Array(3))).toThrow(
      new RangeError('batch length must be a multiple of the input width 2, got 3'),
    );
    const pass = forward(network, new Float64Array(4));
    expect(() => backward(network, pass, new Float64Array(1))).toThrow(
      new RangeError('gradOutput must have length 2 like the output, got length 1'),
    );
  });
});

describe('sgdStep(network, gradients, learningRate)', () => {
  it('moves every parameter against its gradient', () => {
    const network = createMlp([1, 3, 1], 0.01, createRandom(2));
    const before = network.layers.map((layer) => Float64Array.from(layer.weights));
    const gradients = {
      weights: network.layers.map((layer) => new Float64Array(layer.weights.length).fill(1)),
      biases: network.layers.map((layer) => new Float64Array(layer.biases.length).fill(-2)),
    };
    sgdStep(network, gradients, 0.25);
    network.layers.forEach((layer, index) => {
      layer.weights.forEach((w, i) => expect(w).toBeCloseTo(before[index]![i]! - 0.25, 12));
      layer.biases.forEach((b) => expect(b).toBe(0.5));
    });
  });

  it('throws a RangeError for a learning rate that is not positive and finite', () => {
    const network = createMlp([1, 1], 0, createRandom(1));
    const zero = { weights: [new Float64Array(1)], biases: [new Float64Array(1)] };
    expect(() => sgdStep(network, zero, 0)).toThrow(new RangeError('learningRate must be a positive finite number, got 0'));
    expect(() => sgdStep(network, zero, NaN)).toThrow(RangeError);
  });
});
