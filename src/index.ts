/**
 * leaky-relu: the Leaky ReLU activation, its derivative and its backward pass,
 * exact for every input, with NumPy-identical helpers. This entry point holds
 * the dependency-free core only.
 *
 * @module leaky-relu
 */
export { leakyRelu } from './core/leaky-relu.js';
export { leakyReluDerivative } from './core/derivative.js';
export { leakyReluBackward } from './core/backward.js';
export { linspace } from './core/linspace.js';
export { formatArray, type PrintableArray } from './core/format-array.js';
export type { MutableNumericArray, NumericArray, NumericInput, NumericOutput, SameKindAs } from './base/numeric-array.js';
export type { ArrayOptions, OutOption } from './core/op-options.js';
export { conventionTable, type ConventionName, type ConventionRow, type SubnormalMode } from './core/conventions.js';
export { prelu, preluBackward, type PreluGradients, type PreluOptions } from './core/prelu.js';
export { rrelu, rreluBackward, type RreluOptions, type RreluResult } from './core/rrelu.js';
export { leakyReluInverse, leakyReluLogAbsDetJacobian } from './core/inverse.js';
export { createRandom, type Random } from './core/random.js';
export { allocFloat32, allocFloat64, type KernelBuffer } from './kernels/kernel-buffer.js';
export { createPool, type Pool, type PoolOptions } from './kernels/pool.js';
