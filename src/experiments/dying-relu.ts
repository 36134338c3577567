import { booleanOption, finiteOption, oneOfOption, positiveOption, readOptions, required, wholeOption, type OptionRule } from '../base/options.js';
import { checkSeed } from '../core/random.js';
import { describeValue } from '../base/describe-value.js';
import { isArray } from '../base/is-array.js';
import { makeCurveDataset, type Dataset } from './dataset.js';
import { createAdam, type Optimizer } from './adam.js';
import { backward, createMlp, forward, sgdStep, type Gradients, type Mlp } from './mlp.js';
import { createRandom, type Random } from '../core/random.js';

/** The settings of a dying-ReLU run. Two runs that differ only in `alpha` share data, initial weights and batch order. */
export interface DyingReluOptions {
  /** The hidden layers' negative slope: 0 for ReLU, 0.01 for the spec's Leaky ReLU. */
  readonly alpha: number;
  /** The step size. Default 0.05: large for Adam on this task, which is what kills ReLU units. */
  readonly learningRate?: number;
  /** `'adam'` (the default) or plain `'sgd'`. */
  readonly optimizer?: 'adam' | 'sgd';
  /** The hidden layers' widths. Default `[16, 16]`. */
  readonly hiddenSizes?: readonly number[];
  /** The initial value of every bias. Default -0.5: a small negative bias shift. */
  readonly biasShift?: number;
  /** Learn a slope per hidden unit (PReLU), each starting at `alpha`. Default false. */
  readonly learnableSlopes?: boolean;
  /** Examples in the training set. Default 256. */
  readonly samples?: number;
  /** Examples per gradient step. Default 16. */
  readonly batchSize?: number;
  /** Seeds the data, the weights and the batch order: a whole number from 0 to 2³² − 1. Default 1. */
  readonly seed?: number;
}

/** What one epoch of training measured. */
export interface EpochReport {
  /** The epoch just finished, from 1; 0 for the state before training. */
  readonly epoch: number;
  /** The mean squared error over the training set. */
  readonly loss: number;
  /** Hidden units whose pre-activation is negative on every training input. */
  readonly inactiveUnits: number;
  /**
   * Hidden units that cannot learn: the gradient of the loss over the whole
   * training set is exactly zero for every one of their weights and their
   * bias. Under ReLU an inactive unit is dead; under Leaky ReLU it is not.
   */
  readonly deadUnits: number;
  /** `deadUnits` over all hidden units. */
  readonly deadShare: number;
  /** Units that were inactive at the end of an earlier epoch and are active now. */
  readonly recoveredUnits: number;
  /** All hidden units. */
  readonly totalUnits: number;
}

/** A training run that advances one epoch per `step`, so a notebook or a web worker can drive it. */
export interface DyingReluRun {
  readonly options: Required<DyingReluOptions>;
  readonly network: Mlp;
  readonly dataset: Dataset;
  /** The reports of the epochs run so far. */
  readonly history: readonly EpochReport[];
  /** The state before any training: epoch 0. */
  readonly initial: EpochReport;
  /** Trains one more epoch and reports it. */
  step(): EpochReport;
}

const DEFAULTS = {
  learningRate: 0.05,
  optimizer: 'adam',
  hiddenSizes: [16, 16],
  biasShift: -0.5,
  learnableSlopes: false,
  samples: 256,
  batchSize: 16,
  seed: 1,
} as const;

/** A list of layer widths: an array of whole numbers, 1 or more. */
const widthsOption: OptionRule<readonly number[]> = (value, name) => {
  if (!isArray(value)) throw new TypeError(`${name} must be an array of whole numbers, got ${describeValue(value)}`);
  return Array.from(value as readonly unknown[], (width, index) => wholeOption(1)(width, `${name}[${index}]`));
};

const OPTION_RULES = {
  alpha: finiteOption,
  learningRate: positiveOption,
  optimizer: oneOfOption(['adam', 'sgd']),
  hiddenSizes: widthsOption,
  biasShift: finiteOption,
  learnableSlopes: booleanOption,
  samples: wholeOption(1),
  batchSize: wholeOption(1),
  seed: checkSeed,
};

/**
 * Sets up the dying-ReLU experiment: an MLP fitting a noisy curve, its biases
 * started at a small negative shift, trained with Adam at a large learning
 * rate on mini-batches. Under ReLU
 * a unit whose pre-activation is negative on every input gets no gradient and
 * stays dead; under Leaky ReLU it still gets `alpha` times the gradient, so
 * it keeps learning and can recover.
 *
 * ```text
 * inactive(unit) ⇔ z(unit, x) < 0 for every training input x
 * dead(unit)     ⇔ ∂loss/∂θ = 0 for every incoming weight and the bias θ of the unit
 * ```
 *
 * @param options - The slope, and optionally the learning rate, sizes, bias shift and seed.
 * @returns A run to `step` epoch by epoch.
 * @throws {TypeError} when `options` is not an object, an option is unknown
 *   or of the wrong type, or `alpha` is missing.
 * @throws {RangeError} when `alpha` or `biasShift` is not finite, or a size,
 *   the learning rate or the seed is out of range.
 *
 * @example
 * ```ts
 * import { createDyingReluRun } from 'leaky-relu/experiments';
 *
 * const run = createDyingReluRun({ alpha: 0.01 });
 * run.initial.totalUnits //=> 32
 * run.step().epoch //=> 1
 * createDyingReluRun({ alpha: NaN }) //=> throws RangeError: options.alpha must be a finite number, got NaN
 * createDyingReluRun({ alpha: 0, learningrate: 0.1 } as never) //=> throws TypeError: options.learningrate is not an option; the options are: alpha, learningRate, optimizer, hiddenSizes, biasShift, learnableSlopes, samples, batchSize, seed
 * ```
 */
export function createDyingReluRun(options: DyingReluOptions): DyingReluRun {
  if (options === undefined) throw new TypeError('options must be an object with an alpha, got undefined');
  const given = readOptions(options, OPTION_RULES);
  const settings: Required<DyingReluOptions> = {
    ...DEFAULTS,
    ...Object.fromEntries(Object.entries(given).filter(([, value]) => value !== undefined)),
    alpha: required(given.alpha, 'options.alpha', 'a number'),
  };
  // Separate streams, so changing one setting does not reshuffle the others.
  const stream = (offset: number): Random => createRandom((settings.seed + offset) % 2 ** 32);
  const dataset = makeCurveDataset(settings.samples, stream(0));
  const network = createMlp([1, ...settings.hiddenSizes, 1], settings.alpha, stream(1), {
    biasShift: settings.biasShift,
    learnableSlopes: settings.learnableSlopes,
  });
  const order = stream(2);
  const optimizer: Optimizer =
    settings.optimizer === 'adam'
      ? createAdam(network, { learningRate: settings.learningRate })
      : { step: (gradients) => sgdStep(network, gradients, settings.learningRate) };
  const history: EpochReport[] = [];

  const totalUnits = settings.hiddenSizes.reduce((sum, size) => sum + size, 0);
  const everInactive = new Set<number>();
  const report = (epoch: number): EpochReport => {
    const pass = forward(network, dataset.inputs);
    const gradients = backward(network, pass, lossGradient(pass.output, dataset.targets));
    const inactive = inactiveUnitIndices(pass.preActivations, dataset.size);
    let recoveredUnits = 0;
    for (const unit of everInactive) if (!inactive.has(unit)) recoveredUnits++;
    for (const unit of inactive) everInactive.add(unit);
    const deadUnits = countZeroGradientUnits(network, gradients);
    return {
      epoch,
      loss: meanSquaredError(pass.output, dataset.targets),
      inactiveUnits: inactive.size,
      deadUnits,
      deadShare: deadUnits / totalUnits,
      recoveredUnits,
      totalUnits,
    };
  };

  const initial = report(0);
  return {
    options: settings,
    network,
    dataset,
    history,
    initial,
    step() {
      trainEpoch(network, dataset, settings.batchSize, optimizer, order);
      const epochReport = report(history.length + 1);
      history.push(epochReport);
      return epochReport;
    },
  };
}

/**
 * Runs the experiment for a number of epochs and returns every report, epoch 0 first.
 *
 * ```text
 * [initial, step(), step(), …]  (epochs + 1 reports)
 * ```
 *
 * @param options - As for `createDyingReluRun`.
 * @param epochs - How many epochs to train: a whole number, 0 or more.
 * @returns The reports, from epoch 0 to `epochs`.
 * @throws {TypeError} when `epochs` is not a number, or as for `createDyingReluRun`.
 * @throws {RangeError} when `epochs` is not a whole number, 0 or more, or as for `createDyingReluRun`.
 *
 * @example
 * ```ts
 * import { runDyingRelu } from 'leaky-relu/experiments';
 *
 * runDyingRelu({ alpha: 0 }, 2).map((report) => report.epoch) //=> [ 0, 1, 2 ]
 * ```
 */
export function runDyingRelu(options: DyingReluOptions, epochs: number): EpochReport[] {
  wholeOption(0)(epochs, 'epochs');
  const run = createDyingReluRun(options);
  for (let epoch = 0; epoch < epochs; epoch++) run.step();
  return [run.initial, ...run.history];
}

function trainEpoch(network: Mlp, dataset: Dataset, batchSize: number, optimizer: Optimizer, random: Random): void {
  const order = Array.from({ length: dataset.size }, (_, index) => index);
  // Fisher–Yates, seeded: every run sees the same batches.
  for (let i = order.length - 1; i > 0; i--) {
    const j = random.below(i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  for (let start = 0; start < order.length; start += batchSize) {
    const rows = order.slice(start, start + batchSize);
    const inputs = Float64Array.from(rows, (row) => dataset.inputs[row]!);
    const pass = forward(network, inputs);
    const targets = Float64Array.from(rows, (row) => dataset.targets[row]!);
    optimizer.step(backward(network, pass, lossGradient(pass.output, targets)));
  }
}

/** The gradient of the mean squared error with respect to the predictions. */
function lossGradient(predictions: Float64Array, targets: Float64Array): Float64Array {
  return predictions.map((prediction, i) => (2 * (prediction - targets[i]!)) / targets.length);
}

/** The hidden units, numbered across layers, whose pre-activation is negative on every example. */
function inactiveUnitIndices(preActivations: readonly Float64Array[], examples: number): Set<number> {
  const inactive = new Set<number>();
  let offset = 0;
  for (const z of preActivations) {
    const width = z.length / examples;
    for (let unit = 0; unit < width; unit++) {
      let active = false;
      for (let row = 0; row < examples && !active; row++) active = z[row * width + unit]! >= 0;
      if (!active) inactive.add(offset + unit);
    }
    offset += width;
  }
  return inactive;
}

/** Hidden units whose incoming weights and bias all have an exactly zero gradient. */
function countZeroGradientUnits(network: Mlp, gradients: Gradients): number {
  let count = 0;
  network.layers.slice(0, -1).forEach((layer, index) => {
    const weights = gradients.weights[index]!;
    const biases = gradients.biases[index]!;
    for (let unit = 0; unit < layer.outputs; unit++) {
      let zero = biases[unit] === 0;
      for (let k = 0; k < layer.inputs && zero; k++) zero = weights[unit * layer.inputs + k] === 0;
      if (zero) count++;
    }
  });
  return count;
}

function meanSquaredError(predictions: Float64Array, targets: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < targets.length; i++) sum += (predictions[i]! - targets[i]!) ** 2;
  return sum / targets.length;
}
