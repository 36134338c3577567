import type { NumericInput, NumericOutput } from '../base/numeric-array.js';
import type { ConventionName, SubnormalMode } from './conventions.js';

/** The `out` option of the ops that write arrays. */
export interface OutOption<Out> {
  /**
   * A preallocated array of the input's kind and length that receives the
   * result and is returned. It may be the input itself, for an in-place op,
   * or overlap an input anywhere in the same memory, shared memory included:
   * the result is what the op gives on copies. It is checked whole before
   * anything is written, and a `number[]` must be an ordinary array (no
   * `Proxy`) whose elements are writable data properties;
   * [Errors](/errors) gives the whole contract.
   */
  readonly out?: Out | undefined;
}

/** What `leakyRelu`, `leakyReluDerivative` and `leakyReluBackward` accept in `options`. */
export interface ArrayOptions<Out> extends OutOption<Out> {
  /**
   * Whose Leaky ReLU to compute, bit for bit: `'spec'` (the default),
   * `'pytorch'`, `'tensorflow'`, `'keras'`, `'tfjs-cpu'`, `'tfjs-wasm'`,
   * `'jax'` or `'onnx'`. It also sets the default `alpha`.
   */
  readonly convention?: ConventionName | undefined;
  /**
   * `'flush'` computes as a CPU that flushes subnormals to zero (the default
   * of `'tensorflow'`, `'keras'` and `'jax'`, whose CPU kernels do); `'ieee'`
   * keeps them, as IEEE 754 and every other convention do.
   */
  readonly subnormals?: SubnormalMode | undefined;
}

/** The options an op takes for an input of type `T`: no `out` for a number. */
export type OptionsFor<T extends NumericInput> = T extends number ? ArrayOptions<never> : ArrayOptions<NumericOutput<T>>;

/** The `out` option for an input of type `T`: none for a number. */
export type OutOptionFor<T extends NumericInput> = T extends number ? OutOption<never> : OutOption<NumericOutput<T>>;
