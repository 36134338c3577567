/** The array kinds the ops accept; the result is always of the input's kind. */
export type NumericArray = readonly number[] | Float32Array | Float64Array;

/**
 * The array kinds an op returns or writes into: {@link NumericArray} without
 * `readonly`. The kernels loop over these.
 */
export type MutableNumericArray = number[] | Float32Array | Float64Array;

/** A value the ops accept: a number or an array of numbers. */
export type NumericInput = number | NumericArray;

/** The result of an op for an input of type `T`. */
export type NumericOutput<T extends NumericInput> = T extends number
  ? number
  : T extends Float32Array
    ? Float32Array
    : T extends Float64Array
      ? Float64Array
      : number[];

/** An input of the same kind as `T`, of either mutability: what a companion argument such as `gradOutput` must be. */
export type SameKindAs<T extends NumericInput> = T extends number
  ? number
  : T extends Float32Array
    ? Float32Array
    : T extends Float64Array
      ? Float64Array
      : readonly number[];
