import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { leakyRelu, leakyReluBackward, leakyReluDerivative, type ConventionName } from 'leaky-relu';
import { conventionNamed, conventions } from '../../src/core/conventions.js';

const fixture = <T>(name: string): T =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')) as T;

type Vectors = Record<string, string>;
const golden = fixture<{
  versions: Record<string, string>;
  alphas: Record<string, string>;
  inputs: { float32: { x: string; g: string }; float64: { x: string } };
  tfjs: Record<'cpu' | 'wasm', { forward: Vectors; gradOnes: Vectors; gradG: Vectors }>;
  onnxruntime: Record<string, Record<string, string | { error: string }>>;
}>('convention-golden.json');

/** Big-endian IEEE bit patterns, 8 or 16 hex digits an element, into a typed array. */
function decode(hex: string, kind: 'float32' | 'float64'): Float32Array | Float64Array {
  const width = kind === 'float32' ? 4 : 8;
  const view = new DataView(new ArrayBuffer(hex.length / 2));
  for (let i = 0; i < hex.length / 2; i++) view.setUint8(i, Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16));
  const values = kind === 'float32' ? new Float32Array(view.byteLength / width) : new Float64Array(view.byteLength / width);
  for (let i = 0; i < values.length; i++) values[i] = width === 4 ? view.getFloat32(i * 4) : view.getFloat64(i * 8);
  return values;
}

const alphaOf = (hex: string): number => decode(hex, 'float64')[0]!;
const x32 = decode(golden.inputs.float32.x, 'float32') as Float32Array;
const g32 = decode(golden.inputs.float32.g, 'float32') as Float32Array;
const x64 = decode(golden.inputs.float64.x, 'float64') as Float64Array;

/** Indexes where two arrays differ under Object.is (any NaN equals any NaN). */
function differences(actual: ArrayLike<number>, expected: ArrayLike<number>): number[] {
  const indexes: number[] = [];
  for (let i = 0; i < expected.length; i++) if (!Object.is(actual[i], expected[i])) indexes.push(i);
  return indexes;
}

describe('options.convention against the real systems', () => {
  for (const backend of ['cpu', 'wasm'] as const) {
    const convention = `tfjs-${backend}` as ConventionName;
    it(`'${convention}' matches tf.leakyRelu and its tf.grad on the ${backend} backend (tfjs ${golden.versions['@tensorflow/tfjs']})`, () => {
      const vectors = golden.tfjs[backend];
      for (const [key, hex] of Object.entries(golden.alphas)) {
        const alpha = alphaOf(hex);
        const options = { convention };
        expect(differences(leakyRelu(x32, alpha, options), decode(vectors.forward[key]!, 'float32')), `forward, alpha ${key}`).toEqual([]);
        expect(differences(leakyReluDerivative(x32, alpha, options), decode(vectors.gradOnes[key]!, 'float32')), `gradient, alpha ${key}`).toEqual([]);
        expect(differences(leakyReluBackward(g32, x32, alpha, options), decode(vectors.gradG[key]!, 'float32')), `backward, alpha ${key}`).toEqual([]);
      }
    });
  }

  it(`'onnx' matches onnxruntime ${golden.versions['onnxruntime-node']} in float32, opsets 13 and 16`, () => {
    for (const opset of ['opset13_float32', 'opset16_float32']) {
      for (const [key, hex] of Object.entries(golden.alphas)) {
        const expected = golden.onnxruntime[opset]![key] as string;
        expect(differences(leakyRelu(x32, alphaOf(hex), { convention: 'onnx' }), decode(expected, 'float32')), `${opset}, alpha ${key}`).toEqual([]);
      }
    }
  });

  it("'onnx' follows the ONNX definition in float64, where onnxruntime only turns a -0 result into +0", () => {
    for (const [key, hex] of Object.entries(golden.alphas)) {
      const expected = decode(golden.onnxruntime['opset16_float64']![key] as string, 'float64');
      const actual = leakyRelu(x64, alphaOf(hex), { convention: 'onnx' });
      for (const index of differences(actual, expected)) {
        expect([Object.is(actual[index], -0), Object.is(expected[index], 0)], `alpha ${key}, x = ${x64[index]}`).toEqual([true, true]);
      }
    }
  });
});

type Op = 'forward' | 'derivative' | 'backward';
type Dtype = 'float32' | 'float64';
const frameworks = fixture<{
  versions: Record<string, string>;
  alphas: string[];
  inputs: Record<Dtype, { x: string; g: string }>;
  modes: Record<string, Record<Dtype, Partial<Record<Op, Record<string, number>>> & { error?: Record<string, string> }>>;
  pool: string[];
}>('framework-golden.json');

/** A vector of framework-golden.json: base64 of zlib-compressed little-endian bytes. */
function inflate(base64: string, dtype: Dtype): Float32Array | Float64Array {
  const bytes = inflateSync(Buffer.from(base64, 'base64'));
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  return dtype === 'float32' ? new Float32Array(buffer) : new Float64Array(buffer);
}

const SMALLEST_NORMAL_FLOAT32 = 2 ** -126;
const SMALLEST_NORMAL_FLOAT64 = 2 ** -1022;

/** Which convention reproduces each framework mode the generator ran. */
const conventionOfMode: Record<string, ConventionName> = {
  torch: 'pytorch',
  'tensorflow-eager': 'tensorflow',
  'tensorflow-function': 'tensorflow',
  'keras-tensorflow': 'keras',
  // Keras's JAX backend calls jax.nn.leaky_relu with the layer's slope.
  'keras-jax': 'jax',
  'jax-eager': 'jax',
  'jax-grad': 'jax',
  'jax-jit': 'jax',
  'onnxruntime-opset6': 'onnx',
  'onnxruntime-opset13': 'onnx',
  'onnxruntime-opset16': 'onnx',
};

interface Mismatch {
  readonly alpha: number;
  readonly x: number;
  readonly g: number;
  readonly expected: number;
  readonly actual: number;
}

/**
 * Every difference from a framework that the conventions accept, with its
 * reason. `count` is exact over all alphas, so one more mismatch, or one fewer,
 * fails; `accepts` says which elements may differ.
 */
const knownMismatches: readonly {
  readonly modes: readonly string[];
  readonly op: Op;
  readonly dtype: Dtype;
  readonly count: number;
  readonly reason: string;
  readonly accepts: (mismatch: Mismatch) => boolean;
}[] = [
  {
    modes: ['jax-eager', 'jax-grad'],
    op: 'backward',
    dtype: 'float32',
    count: 145,
    reason: "'jax' follows jax.jit; unjitted, XLA fuses `0 + slope*g` into one FMA (the underflow keeps its sign) and adds g + slope*0 (a subnormal g is flushed), so a zero and a subnormal or the other zero swap",
    accepts: zeroOrSubnormalOnBothSides(SMALLEST_NORMAL_FLOAT32),
  },
  {
    modes: ['jax-eager', 'jax-grad'],
    op: 'backward',
    dtype: 'float64',
    count: 161,
    reason: 'the same FMA and add as in float32, below 2^-1022',
    accepts: zeroOrSubnormalOnBothSides(SMALLEST_NORMAL_FLOAT64),
  },
  {
    modes: ['keras-jax'],
    op: 'backward',
    dtype: 'float32',
    count: 55,
    reason: "Keras's layer on the JAX backend is the unjitted jax.nn.leaky_relu: the jax-eager mismatches, for the slopes Keras accepts",
    accepts: zeroOrSubnormalOnBothSides(SMALLEST_NORMAL_FLOAT32),
  },
  {
    modes: ['keras-jax'],
    op: 'backward',
    dtype: 'float64',
    count: 98,
    reason: 'the same, in float64',
    accepts: zeroOrSubnormalOnBothSides(SMALLEST_NORMAL_FLOAT64),
  },
  {
    modes: ['jax-jit'],
    op: 'backward',
    dtype: 'float64',
    count: 3,
    reason: "XLA's float64 loop fuses `0 + slope*g` into an FMA on 3 elements with slope -0.5 (an underflowing product keeps its sign -0), where its other elements add +0",
    accepts: zeroOrSubnormalOnBothSides(SMALLEST_NORMAL_FLOAT64),
  },
  {
    modes: ['onnxruntime-opset16'],
    op: 'forward',
    dtype: 'float64',
    count: 433,
    reason: "onnxruntime's float64 Where turns a -0 result into +0 (onnxruntime#32191); 'onnx' keeps the ONNX definition's -0",
    accepts: ({ actual, expected }) => Object.is(actual, -0) && Object.is(expected, 0),
  },
];

/** Accepts a mismatch between two values each 0 or subnormal: the two results differ by less than the smallest normal. */
function zeroOrSubnormalOnBothSides(smallestNormal: number): (mismatch: Mismatch) => boolean {
  return ({ actual, expected }) => Math.abs(actual) < smallestNormal && Math.abs(expected) < smallestNormal;
}

function mismatchesOf(mode: string, dtype: Dtype, op: Op): Mismatch[] {
  const table = frameworks.modes[mode]![dtype];
  const vectors = table[op];
  if (!vectors) return [];
  const inputs = frameworks.inputs[dtype];
  const x = inflate(inputs.x, dtype);
  const g = inflate(inputs.g, dtype);
  const options = { convention: conventionOfMode[mode]! };
  const found: Mismatch[] = [];
  for (const [key, index] of Object.entries(vectors)) {
    const alpha = Number(key);
    const expected = inflate(frameworks.pool[index]!, dtype);
    const actual =
      op === 'forward' ? leakyRelu(x, alpha, options) : op === 'derivative' ? leakyReluDerivative(x, alpha, options) : leakyReluBackward(g, x, alpha, options);
    for (const i of differences(actual, expected)) {
      found.push({ alpha, x: x[i]!, g: g[i]!, expected: expected[i]!, actual: actual[i]! });
    }
  }
  return found;
}

describe(`options.convention against the frameworks run on this CPU (${Object.entries(frameworks.versions).map(([name, version]) => `${name} ${version}`).join(', ')})`, () => {
  for (const mode of Object.keys(frameworks.modes)) {
    for (const dtype of ['float32', 'float64'] as const) {
      for (const op of ['forward', 'derivative', 'backward'] as const) {
        if (!frameworks.modes[mode]![dtype][op]) continue;
        it(`'${conventionOfMode[mode]}' reproduces ${mode}'s ${op} in ${dtype}, bit for bit, except the listed mismatches`, () => {
          const found = mismatchesOf(mode, dtype, op);
          const listed = knownMismatches.filter((row) => row.modes.includes(mode) && row.op === op && row.dtype === dtype);
          const unexplained = found.filter((mismatch) => !listed.some((row) => row.accepts(mismatch)));
          expect(unexplained.slice(0, 5), `${unexplained.length} unexplained mismatches`).toEqual([]);
          expect(found.length).toBe(listed.reduce((total, row) => total + row.count, 0));
        });
      }
    }
  }
});

describe('options.convention, derived from the sources', () => {
  it("'spec' is the default, and 'jax' computes the same forward", () => {
    for (const alpha of [0.01, -0.5, 0, 2]) {
      expect(differences(leakyRelu(x32, alpha, { convention: 'spec' }), leakyRelu(x32, alpha))).toEqual([]);
      expect(differences(leakyRelu(x64, alpha, { convention: 'jax', subnormals: 'ieee' }), leakyRelu(x64, alpha))).toEqual([]);
    }
  });

  it("'pytorch', 'tensorflow' and 'keras' branch on x > 0: the derivative at 0 is alpha, and a zero's sign flips for alpha < 0", () => {
    for (const convention of ['pytorch', 'tensorflow', 'keras'] as const) {
      expect(leakyReluDerivative(0, 0.5, { convention })).toBe(0.5);
      expect(leakyReluDerivative(-0, 0.5, { convention })).toBe(0.5);
    }
    expect(Object.is(leakyRelu(0, -0.5, { convention: 'pytorch' }), -0)).toBe(true);
    expect(Object.is(leakyRelu(-0, -0.5, { convention: 'tensorflow' }), 0)).toBe(true);
    expect(Object.is(leakyRelu(0, -0.5), 0)).toBe(true);
  });

  it("'tensorflow', 'keras' and 'onnx' multiply float64 data by alpha rounded to float32", () => {
    for (const convention of ['tensorflow', 'keras', 'onnx'] as const) {
      expect(leakyRelu(-1, 0.1, { convention })).toBe(-Math.fround(0.1));
      expect(leakyRelu(new Float64Array([-3]), 0.1, { convention })[0]).toBe(-3 * Math.fround(0.1));
    }
    expect(leakyRelu(-1, 0.1, { convention: 'pytorch' })).toBe(-0.1);
  });

  it("uses each system's default alpha when alpha is not given", () => {
    const defaults = Object.fromEntries(Object.values(conventions).map((c) => [c.name, c.defaultAlpha]));
    expect(defaults).toEqual({ spec: 0.01, pytorch: 0.01, tensorflow: 0.2, keras: 0.3, 'tfjs-cpu': 0.2, 'tfjs-wasm': 0.2, jax: 0.01, onnx: 0.01 });
    expect(leakyRelu(-1, undefined, { convention: 'keras' })).toBe(-Math.fround(0.3));
    expect(leakyRelu(new Float32Array([-1]), undefined, { convention: 'tfjs-cpu' })[0]).toBe(Math.fround(-0.2));
  });

  it("'jax' gives the gradient of jnp.where: +0 on the branch not taken", () => {
    expect(leakyReluDerivative(0, 0.5, { convention: 'jax' })).toBe(1);
    expect(Object.is(leakyReluBackward(-0, -1, 0.5, { convention: 'jax' }), 0)).toBe(true);
    expect(Object.is(leakyReluBackward(-0, -1, 0.5), -0)).toBe(true);
    expect(Object.is(leakyReluBackward(-0, 2, -0.5, { convention: 'jax' }), -0)).toBe(true);
    expect(leakyReluBackward(Infinity, -1, 0, { convention: 'jax' })).toBeNaN();
  });

  it("'onnx' backpropagates as onnxruntime-training does, on the sign of the output", () => {
    expect(leakyReluBackward(1, 0, 0.5, { convention: 'onnx' })).toBe(0.5);
    // With a negative slope, a negative x has a positive output, so its gradient passes unscaled.
    expect(leakyReluBackward(1, -2, -0.5, { convention: 'onnx' })).toBe(1);
    expect(leakyReluBackward(1, -2, -0.5, { convention: 'pytorch' })).toBe(-0.5);
  });

  it("'tensorflow', 'keras' and 'jax' flush subnormals by default, as their CPU kernels do, and keep them with subnormals: 'ieee'", () => {
    const bits = (value: number): Float32Array => new Float32Array(new Uint32Array([value]).buffer);
    const negativeSubnormal = bits(0x806ce3ee);
    // JAX reads the subnormal as -0, which takes the identity branch: x comes back unflushed.
    expect(leakyRelu(negativeSubnormal, 0.2, { convention: 'jax' })).toEqual(negativeSubnormal);
    expect(new Uint32Array(leakyRelu(negativeSubnormal, 0.2, { convention: 'jax', subnormals: 'ieee' }).buffer)[0]).toBe(0x8015c730);
    expect(leakyReluDerivative(negativeSubnormal, 0.2, { convention: 'jax' })[0]).toBe(1);
    // TensorFlow reads a positive subnormal as +0, which fails x > 0: the slope branch.
    expect(leakyReluDerivative(new Float32Array([1e-40]), 0.2, { convention: 'tensorflow' })[0]).toBe(Math.fround(0.2));
    expect(Object.is(leakyRelu(new Float32Array([1e-40]), 0.2, { convention: 'tensorflow' })[0], 0)).toBe(true);
    expect(leakyRelu(new Float32Array([1e-40]), 0.2, { convention: 'tensorflow', subnormals: 'ieee' })[0]).toBe(Math.fround(1e-40));
    // A product below the smallest normal is flushed to a zero of its sign, in float64 too.
    expect(Object.is(leakyRelu(-1e-300, 1e-10, { convention: 'keras' }), -0)).toBe(true);
    expect(leakyRelu(-1e-300, 1e-10, { convention: 'keras', subnormals: 'ieee' })).toBe(-1e-300 * Math.fround(1e-10));
    // jax.jit adds +0 to the underflowed slope product.
    expect(Object.is(leakyReluBackward(new Float32Array([-1e-37]), new Float32Array([-1]), 0.01, { convention: 'jax' })[0], 0)).toBe(true);
  });

  it("'jax' computes the float32 backward in strict float32: an underflowing product plus +0 is +0", () => {
    const options = { convention: 'jax', subnormals: 'ieee' } as const;
    expect(Object.is(leakyReluBackward(new Float32Array([-1e-45]), new Float32Array([-1]), 0.01, options)[0], 0)).toBe(true);
    expect(Object.is(leakyReluBackward(-1e-323, -1, 0.01, options), 0)).toBe(true);
  });

  it('rejects a subnormals mode that is not a mode, and flushing for a system that keeps subnormals', () => {
    expect(() => leakyRelu(1, 0.1, { convention: 'jax', subnormals: 'ftz' as never })).toThrow(
      new RangeError(`options.subnormals must be one of 'ieee', 'flush', got "ftz" (string)`),
    );
    expect(() => leakyRelu(1, 0.1, { subnormals: 'flush' })).toThrow(
      new RangeError(
        "options.subnormals 'flush' is not defined for the 'spec' convention: the spec (NumPy: np.where(x >= 0, x, alpha * x)) computes subnormals",
      ),
    );
    expect(leakyRelu(1e-310, 0.1, { convention: 'pytorch', subnormals: 'ieee' })).toBe(1e-310);
  });

  it('rejects what the frameworks refused: a negative slope for the Keras layer, float64 for onnxruntime before opset 16', () => {
    const refused = Object.entries(frameworks.modes).flatMap(([mode, table]) =>
      (['float32', 'float64'] as const).flatMap((dtype) => Object.keys(table[dtype].error ?? {}).map((alpha) => `${mode} ${dtype} ${alpha}`)),
    );
    expect(refused).toEqual([
      'keras-tensorflow float32 -0.5',
      'keras-tensorflow float64 -0.5',
      'keras-jax float32 -0.5',
      'keras-jax float64 -0.5',
      'onnxruntime-opset6 float64 0.01',
      'onnxruntime-opset6 float64 0.2',
      'onnxruntime-opset6 float64 0.3',
      'onnxruntime-opset6 float64 0.1',
      'onnxruntime-opset6 float64 0.0',
      'onnxruntime-opset6 float64 -0.5',
      'onnxruntime-opset6 float64 2.0',
      'onnxruntime-opset6 float64 3.0',
      'onnxruntime-opset6 float64 1e-30',
      'onnxruntime-opset6 float64 1e-40',
      'onnxruntime-opset13 float64 0.01',
      'onnxruntime-opset13 float64 0.2',
      'onnxruntime-opset13 float64 0.3',
      'onnxruntime-opset13 float64 0.1',
      'onnxruntime-opset13 float64 0.0',
      'onnxruntime-opset13 float64 -0.5',
      'onnxruntime-opset13 float64 2.0',
      'onnxruntime-opset13 float64 3.0',
      'onnxruntime-opset13 float64 1e-30',
      'onnxruntime-opset13 float64 1e-40',
    ]);
    expect(() => leakyRelu(new Float32Array(1), -0.5, { convention: 'keras' })).toThrow(RangeError);
  });

  it('rejects an unknown convention, a negative alpha for keras, and float64 data for tfjs', () => {
    expect(() => leakyRelu(1, 0.1, { convention: 'torch' as never })).toThrow(
      new RangeError(
        "options.convention must be one of 'spec', 'pytorch', 'tensorflow', 'keras', 'tfjs-cpu', 'tfjs-wasm', 'jax', 'onnx', got \"torch\" (string)",
      ),
    );
    expect(() => leakyRelu(1, -0.5, { convention: 'keras' })).toThrow(RangeError);
    expect(() => leakyRelu(new Float64Array(1), 0.2, { convention: 'tfjs-cpu' })).toThrow(
      new TypeError("the 'tfjs-cpu' convention computes in float32 only (tfjs has no float64): pass a Float32Array"),
    );
    expect(() => leakyRelu(1, 0.2, { convention: 'tfjs-wasm' })).toThrow(TypeError);
    expect(conventionNamed('onnx')).toBe(conventions.onnx);
  });
});
