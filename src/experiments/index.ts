/**
 * leaky-relu/experiments: the small, seeded training experiments the
 * notebooks and the site's live demos share, built on the core ops, with
 * their figures and the rows of the tables the notebooks print.
 *
 * @module leaky-relu/experiments
 */
export { createRandom, type Random } from '../core/random.js';
export { makeCurveDataset, type Dataset } from './dataset.js';
export { backward, createMlp, forward, sgdStep, type DenseLayer, type ForwardPass, type Gradients, type Mlp, type MlpOptions } from './mlp.js';
export { createAdam, type AdamOptions, type Optimizer } from './adam.js';
export {
  createDyingReluRun,
  runDyingRelu,
  type DyingReluOptions,
  type DyingReluRun,
  type EpochReport,
} from './dying-relu.js';
export { lossFigure, trainingFigure, unitsFigure, type DyingReluFigureOptions } from './dying-relu-figures.js';
export { preluSlopesFigure } from './prelu-slopes-figure.js';
export { formatRow, type FormatRowOptions } from './format-row.js';
