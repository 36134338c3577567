import { describeValue } from '../base/describe-value.js';
import { leakyReluAt, leakyReluBackwardAt, leakyReluDerivativeAt } from '../kernels/reference.js';
import { alphaInPrecision, type Precision } from './precision.js';
import { flushedProduct, flushedSum, flushInput } from './subnormals.js';

/** The systems whose Leaky ReLU `options.convention` reproduces. */
export type ConventionName = 'spec' | 'pytorch' | 'tensorflow' | 'keras' | 'tfjs-cpu' | 'tfjs-wasm' | 'jax' | 'onnx';

/**
 * What `options.subnormals` selects: `'ieee'` computes subnormals as IEEE 754
 * does, `'flush'` as a CPU with flush-to-zero and denormals-are-zero does.
 */
export type SubnormalMode = 'ieee' | 'flush';

/**
 * A system's rules on a CPU that flushes subnormals (see subnormals.ts). Each
 * function receives the slope from `slope`, and returns the value the system
 * stores, in `precision`.
 */
export interface FlushedRules {
  /** The slope as the system holds it, subnormal slopes read as zero. */
  slope(alpha: number, precision: Precision): number;
  forwardAt(x: number, slope: number, precision: Precision): number;
  derivativeAt(x: number, slope: number, precision: Precision): number;
  backwardAt(gradient: number, x: number, slope: number, precision: Precision): number;
}

/**
 * One system's Leaky ReLU, as point functions. The slope a function receives
 * is already in the precision the system multiplies with (see `forwardSlope`
 * and `gradientSlope`); storing the result into a Float32Array rounds once.
 */
export interface Convention {
  readonly name: ConventionName;
  /** What the system calls it, for messages and docs. */
  readonly system: string;
  /** The system's default slope. */
  readonly defaultAlpha: number;
  /** Which inputs the identity branch takes, as the system writes it. */
  readonly forwardBranch: string;
  /** The derivative at `x = ±0`. */
  readonly derivativeAtZero: '1' | 'alpha';
  /** How a float32 product is rounded. */
  readonly float32Product: string;
  /** The slope float64 data is multiplied by. */
  readonly float64Alpha: string;
  /** The slope the forward multiplies by, for data of `precision`. */
  forwardSlope(alpha: number, precision: Precision): number;
  /** The slope the derivative and the backward multiply by. */
  gradientSlope(alpha: number, precision: Precision): number;
  forwardAt(x: number, slope: number): number;
  /** `round` is `Math.fround` for float32 data, for a rule that branches on a rounded product. */
  derivativeAt(x: number, slope: number, round: (value: number) => number): number;
  backwardAt(gradient: number, x: number, slope: number, round: (value: number) => number): number;
  /** Whether `forwardAt` gives the spec's values for this slope, so the spec's fast kernels can run it. */
  forwardMatchesSpec(slope: number): boolean;
  /** Whether the derivative and the backward are the spec's. */
  readonly gradientMatchesSpec: boolean;
  /** Throws when the system would refuse the slope or the precision. */
  check(alpha: number, precision: Precision): void;
  /** What the system does with subnormals on an x86-64 CPU: the default of `options.subnormals`. */
  readonly subnormals: SubnormalMode;
  /** The rules under flush-to-zero and denormals-are-zero, for the systems whose CPU kernels flush. */
  readonly flushed?: FlushedRules;
}

// TensorFlow and ONNX hold alpha as a float32 attribute, and cast it to the data's type.
const float32Alpha = (alpha: number): number => alphaInPrecision(alpha, 'float32');
const noCheck = (): void => {};

const specAt = {
  forwardAt: leakyReluAt,
  derivativeAt: leakyReluDerivativeAt,
  backwardAt: leakyReluBackwardAt,
};

// PyTorch aten/src/ATen/native/cpu/Activation.cpp: forward `a > scalar_t(0) ? a : a * negval`,
// backward `a > scalar_t(0) ? b : b * negval`, with negval_.to<scalar_t>().
const positiveBranchAt = {
  forwardAt: (x: number, slope: number) => (x > 0 ? x : x * slope),
  derivativeAt: (x: number, slope: number) => (x > 0 ? 1 : slope),
  backwardAt: (gradient: number, x: number, slope: number) => (x > 0 ? gradient : gradient * slope),
};

// With slope >= 0, `x > 0 ? x : x * slope` and the spec differ nowhere: a zero times
// a non-negative slope keeps its sign. A negative slope flips the sign of a zero.
const nonNegative = (slope: number): boolean => slope >= 0 && !Object.is(slope, -0);

function float32Only(name: ConventionName) {
  return (_alpha: number, precision: Precision): void => {
    if (precision !== 'float32') {
      throw new TypeError(`the '${name}' convention computes in float32 only (tfjs has no float64): pass a Float32Array`);
    }
  };
}

// TensorFlow's CPU kernels run with FTZ and DAZ set (tensorflow/core/platform/denormal.h, in every
// thread of its pools). So the branch `features > T(0)` reads a subnormal x as a zero and takes the
// product, the product of a normal x underflows to a signed zero, and alpha itself, a float32
// attribute cast to T, is read as zero when it is a float32 subnormal. Checked against TensorFlow.
const tensorflowFlushed: FlushedRules = {
  slope: (alpha) => flushInput(float32Alpha(alpha), 'float32'),
  forwardAt: (x, slope, precision) => {
    const read = flushInput(x, precision);
    return read > 0 ? x : flushedProduct(read, slope, precision);
  },
  derivativeAt: (x, slope, precision) => (flushInput(x, precision) > 0 ? 1 : slope),
  backwardAt: (gradient, x, slope, precision) =>
    flushInput(x, precision) > 0 ? gradient : flushedProduct(flushInput(gradient, precision), slope, precision),
};

// XLA's CPU code runs with FTZ and DAZ too. The forward `where(x >= 0, x, slope * x)` reads a
// negative subnormal x as -0, which takes the identity branch and returns x unflushed. The
// gradient, as jax.jit compiles it with the slope a constant, is
// `select(x >= 0, g, 0) + slope * select(x >= 0, 0, g)`: LLVM folds `g + slope*0` to g when
// slope*0 is -0 (an exact identity), and keeps the add, which flushes g, when it is +0; the
// other branch adds +0 to the flushed product, so an underflow gives +0. Eager jax.vjp fuses
// that add into the product (an FMA) and keeps its sign: see docs/conventions.md.
const jaxFlushed: FlushedRules = {
  slope: (alpha, precision) => flushInput(alphaInPrecision(alpha, precision), precision),
  forwardAt: (x, slope, precision) => {
    const read = flushInput(x, precision);
    return read >= 0 ? x : flushedProduct(slope, read, precision);
  },
  derivativeAt: (x, slope, precision) => jaxFlushed.backwardAt(1, x, slope, precision),
  backwardAt: (gradient, x, slope, precision) => {
    if (flushInput(x, precision) >= 0) return slope < 0 || Object.is(slope, -0) ? gradient : flushedSum(gradient, 0, precision);
    return flushedSum(0, flushedProduct(slope, flushInput(gradient, precision), precision), precision);
  },
};

// What both tfjs backends share: the forward's `x < 0` branch, and tfjs-core's gradient
// (gradients/LeakyRelu_grad: `where(greater(x, 0), dy, mul(dy, alpha))`, alpha a float32 tensor).
const tfjsShared = {
  forwardBranch: 'x < 0 ? alpha*x : x',
  derivativeAtZero: 'alpha',
  float64Alpha: 'none: float32 only',
  defaultAlpha: 0.2,
  gradientSlope: float32Alpha,
  forwardAt: (x: number, slope: number) => (x < 0 ? slope * x : x),
  derivativeAt: positiveBranchAt.derivativeAt,
  backwardAt: positiveBranchAt.backwardAt,
  gradientMatchesSpec: false,
  subnormals: 'ieee',
} as const;

/**
 * Every convention, by name. Each cites the source it was read from; the
 * tests check them against vectors computed by the real systems (every one
 * but onnxruntime-training's gradient, which does not install here).
 */
export const conventions: { readonly [name in ConventionName]: Convention } = {
  spec: {
    name: 'spec',
    forwardBranch: 'x >= 0 ? x : alpha*x',
    derivativeAtZero: '1',
    float32Product: 'fround(fround(alpha)*x)',
    float64Alpha: 'alpha',
    system: 'the spec (NumPy: np.where(x >= 0, x, alpha * x))',
    defaultAlpha: 0.01,
    forwardSlope: alphaInPrecision,
    gradientSlope: alphaInPrecision,
    ...specAt,
    forwardMatchesSpec: () => true,
    gradientMatchesSpec: true,
    check: noCheck,
    subnormals: 'ieee',
  },
  pytorch: {
    name: 'pytorch',
    forwardBranch: 'x > 0 ? x : x*alpha',
    derivativeAtZero: 'alpha',
    float32Product: 'fround(fround(alpha)*x)',
    float64Alpha: 'alpha',
    system: 'PyTorch torch.nn.functional.leaky_relu',
    defaultAlpha: 0.01,
    forwardSlope: alphaInPrecision,
    gradientSlope: alphaInPrecision,
    ...positiveBranchAt,
    forwardMatchesSpec: nonNegative,
    gradientMatchesSpec: false,
    check: noCheck,
    subnormals: 'ieee',
  },
  // tensorflow/core/kernels/relu_op_functor.h: `(features > T(0)).select(features, features * alpha)`,
  // and the grad `(features > T(0)).select(gradients, gradients * alpha)`; relu_op.h reads
  // alpha as a float attribute and casts it: `alpha_ = T(alpha_tmp)`.
  tensorflow: {
    name: 'tensorflow',
    forwardBranch: 'x > 0 ? x : x*alpha',
    derivativeAtZero: 'alpha',
    float32Product: 'fround(fround(alpha)*x)',
    float64Alpha: 'fround(alpha)',
    system: 'TensorFlow tf.nn.leaky_relu',
    defaultAlpha: 0.2,
    forwardSlope: float32Alpha,
    gradientSlope: float32Alpha,
    ...positiveBranchAt,
    forwardMatchesSpec: nonNegative,
    gradientMatchesSpec: false,
    check: noCheck,
    subnormals: 'flush',
    flushed: tensorflowFlushed,
  },
  // keras/src/layers/activations/leaky_relu.py: `negative_slope=0.3`, and a ValueError for a
  // negative slope; on the TensorFlow backend it calls tf.nn.leaky_relu.
  keras: {
    name: 'keras',
    forwardBranch: 'x > 0 ? x : x*alpha',
    derivativeAtZero: 'alpha',
    float32Product: 'fround(fround(alpha)*x)',
    float64Alpha: 'fround(alpha)',
    system: 'Keras keras.layers.LeakyReLU (TensorFlow backend)',
    defaultAlpha: 0.3,
    forwardSlope: float32Alpha,
    gradientSlope: float32Alpha,
    ...positiveBranchAt,
    forwardMatchesSpec: nonNegative,
    gradientMatchesSpec: false,
    check: (alpha) => {
      if (alpha < 0) {
        throw new RangeError(
          `alpha must be 0 or more for the 'keras' convention (keras.layers.LeakyReLU rejects a negative slope), got ${describeValue(alpha)}`,
        );
      }
    },
    subnormals: 'flush',
    flushed: tensorflowFlushed,
  },
  // tfjs-backend-cpu LeakyRelu: `outVals[i] = xVals[i] < 0 ? alpha * xVals[i] : xVals[i]`, a
  // Float32Array times the JS number alpha, so the product is rounded once from a double alpha.
  // tfjs-core gradients/LeakyRelu_grad: `where(greater(x, 0), dy, mul(dy, alpha))`, where mul
  // makes alpha a float32 tensor.
  'tfjs-cpu': {
    ...tfjsShared,
    name: 'tfjs-cpu',
    float32Product: 'forward fround(alpha*x), gradient fround(fround(alpha)*g)',
    system: 'TensorFlow.js tf.leakyRelu on the cpu backend',
    forwardSlope: (alpha) => alpha,
    // The product uses a double slope, which the spec's float32 kernels cannot.
    forwardMatchesSpec: () => false,
    check: float32Only('tfjs-cpu'),
  },
  // tfjs-backend-wasm src/cc/leakyrelu_impl.cc: `const float leakyrelu_alpha`,
  // `x_buf[i] < 0 ? leakyrelu_alpha * x_buf[i] : x_buf[i]`; the gradient is tfjs-core's.
  'tfjs-wasm': {
    ...tfjsShared,
    name: 'tfjs-wasm',
    float32Product: 'fround(fround(alpha)*x)',
    system: 'TensorFlow.js tf.leakyRelu on the wasm backend',
    forwardSlope: float32Alpha,
    // `x < 0 ? slope * x : x` and `x >= 0 ? x : slope * x` agree on every input, NaN and zeros included.
    forwardMatchesSpec: () => true,
    check: float32Only('tfjs-wasm'),
  },
  // jax/_src/nn/functions.py: `jnp.where(x >= 0, x, negative_slope * x)`, the slope weakly typed
  // (cast to x's dtype). Its gradient is the transpose of the select: the cotangent goes to the
  // taken branch and +0 to the other, `where(x >= 0, g, 0) + slope * where(x >= 0, 0, g)`.
  jax: {
    name: 'jax',
    forwardBranch: 'x >= 0 ? x : alpha*x',
    derivativeAtZero: '1',
    float32Product: 'fround(fround(alpha)*x)',
    float64Alpha: 'alpha',
    system: 'JAX jax.nn.leaky_relu',
    defaultAlpha: 0.01,
    forwardSlope: alphaInPrecision,
    gradientSlope: alphaInPrecision,
    forwardAt: specAt.forwardAt,
    derivativeAt: (x, slope) => (x >= 0 ? 1 + slope * 0 : 0 + slope * 1),
    // The product is rounded before the add, as float32 hardware does, so an underflow gives +0.
    backwardAt: (gradient, x, slope, round) => (x >= 0 ? gradient + slope * 0 : 0 + round(slope * gradient)),
    forwardMatchesSpec: () => true,
    gradientMatchesSpec: false,
    check: noCheck,
    subnormals: 'flush',
    flushed: jaxFlushed,
  },
  // onnx/defs/math/defs.cc LeakyRelu-16: `Where(Less(X, 0), Mul(CastLike(alpha, X), X), X)`, alpha a
  // float attribute (default 0.01). ONNX has no backward op; onnxruntime's training LeakyReluGrad
  // (orttraining .../activations_grad_impl.cu) is `dy * (y > 0 ? 1 : alpha)`, on the output y.
  onnx: {
    name: 'onnx',
    forwardBranch: 'x < 0 ? alpha*x : x',
    derivativeAtZero: 'alpha',
    float32Product: 'fround(fround(alpha)*x)',
    float64Alpha: 'fround(alpha)',
    system: 'ONNX LeakyRelu (onnxruntime; the gradient of onnxruntime-training)',
    defaultAlpha: 0.01,
    forwardSlope: float32Alpha,
    gradientSlope: float32Alpha,
    forwardAt: (x, slope) => (x < 0 ? slope * x : x),
    derivativeAt: (x, slope, round) => (round(x < 0 ? slope * x : x) > 0 ? 1 : slope),
    backwardAt: (gradient, x, slope, round) => (round(x < 0 ? slope * x : x) > 0 ? gradient : gradient * slope),
    forwardMatchesSpec: () => true,
    gradientMatchesSpec: false,
    check: noCheck,
    subnormals: 'ieee',
  },
};

/** One row of {@link conventionTable}: a convention's description, without its functions. */
export type ConventionRow = { readonly convention: ConventionName } & Pick<
  Convention,
  'system' | 'defaultAlpha' | 'forwardBranch' | 'derivativeAtZero' | 'float32Product' | 'float64Alpha' | 'subnormals'
>;

/**
 * What every `options.convention` computes, one row per system: the default
 * slope, the branch, the derivative at 0, and the rounding of the slope.
 *
 * ```text
 * convention | default alpha | forward branch | f'(0) | float32 product | float64 alpha | subnormals
 * ```
 *
 * @returns The rows, `'spec'` first.
 * @throws Nothing.
 *
 * @example
 * ```ts
 * import { conventionTable } from 'leaky-relu';
 *
 * conventionTable().map((row) => row.convention) //=> [ 'spec', 'pytorch', 'tensorflow', 'keras', 'tfjs-cpu', 'tfjs-wasm', 'jax', 'onnx' ]
 * conventionTable()[1]!.derivativeAtZero //=> 'alpha'
 * conventionTable()[2]!.subnormals //=> 'flush'
 * ```
 */
export function conventionTable(): ConventionRow[] {
  return Object.values(conventions).map(
    ({ name, system, defaultAlpha, forwardBranch, derivativeAtZero, float32Product, float64Alpha, subnormals }) => ({
      convention: name,
      system,
      defaultAlpha,
      forwardBranch,
      derivativeAtZero,
      float32Product,
      float64Alpha,
      subnormals,
    }),
  );
}

/**
 * Looks a convention up by name, checking it.
 *
 * @throws {RangeError} for a name that is not a convention.
 */
export function conventionNamed(name: unknown): Convention {
  if (typeof name === 'string' && Object.prototype.hasOwnProperty.call(conventions, name)) {
    return conventions[name as ConventionName];
  }
  const names = Object.keys(conventions).map((known) => `'${known}'`).join(', ');
  throw new RangeError(`options.convention must be one of ${names}, got ${describeValue(name)}`);
}

/**
 * The convention as it computes under `options.subnormals`: itself for
 * `'ieee'`, or its flushed rules for data of `precision`, which no fast kernel
 * implements, so they run on the reference loop.
 *
 * @throws {RangeError} for `'flush'` with a system that computes subnormals.
 */
export function withSubnormals(convention: Convention, mode: SubnormalMode | undefined, precision: Precision): Convention {
  if ((mode ?? convention.subnormals) === 'ieee') return convention;
  const rules = convention.flushed;
  if (!rules) {
    throw new RangeError(
      `options.subnormals 'flush' is not defined for the '${convention.name}' convention: ${convention.system} computes subnormals`,
    );
  }
  return {
    ...convention,
    forwardSlope: (alpha) => rules.slope(alpha, precision),
    gradientSlope: (alpha) => rules.slope(alpha, precision),
    forwardAt: (x, slope) => rules.forwardAt(x, slope, precision),
    derivativeAt: (x, slope) => rules.derivativeAt(x, slope, precision),
    backwardAt: (gradient, x, slope) => rules.backwardAt(gradient, x, slope, precision),
    forwardMatchesSpec: () => false,
    gradientMatchesSpec: false,
  };
}
