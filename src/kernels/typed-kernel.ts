/**
 * What a fast kernel provides: the three loops over typed arrays. The
 * dispatcher hands it plain views (see `plainView`) of one kind and length,
 * and the slope already in the data's precision (`fround(alpha)` for
 * float32); `out` is an input itself or overlaps none of them.
 */
import type { FloatArray } from '../base/typed-array.js';

export interface TypedKernel {
  /** `out[i] = x[i] >= 0 ? x[i] : slope * x[i]` */
  readonly forward: (x: FloatArray, slope: number, out: FloatArray) => void;
  /** `out[i] = x[i] >= 0 ? 1 : slope` */
  readonly derivative: (x: FloatArray, slope: number, out: FloatArray) => void;
  /** `out[i] = x[i] >= 0 ? gradOutput[i] : gradOutput[i] * slope` */
  readonly backward: (gradOutput: FloatArray, x: FloatArray, slope: number, out: FloatArray) => void;
}
