import { readFileSync } from 'node:fs';
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
const torch = fixture<{ torch: string } & Record<'forward32' | 'grad32_ones' | 'grad32_g' | 'forward64' | 'grad64_ones', Vectors>>(
  'pytorch-golden.json',
);

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
const ones32 = new Float32Array(x32.length).fill(1);
const ones64 = new Float64Array(x64.length).fill(1);

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

  it(`'pytorch' matches torch.nn.functional.leaky_relu, its autograd gradient and backward (PyTorch ${torch.torch})`, () => {
    for (const key of Object.keys(torch.forward32)) {
      const alpha = Number(key);
      const options = { convention: 'pytorch' as const };
      expect(differences(leakyRelu(x32, alpha, options), decode(torch.forward32[key]!, 'float32')), `forward32, alpha ${key}`).toEqual([]);
      expect(differences(leakyReluDerivative(x32, alpha, options), decode(torch.grad32_ones[key]!, 'float32')), `grad32, alpha ${key}`).toEqual([]);
      expect(differences(leakyReluBackward(g32, x32, alpha, options), decode(torch.grad32_g[key]!, 'float32')), `backward32, alpha ${key}`).toEqual([]);
      expect(differences(leakyRelu(x64, alpha, options), decode(torch.forward64[key]!, 'float64')), `forward64, alpha ${key}`).toEqual([]);
      expect(differences(leakyReluBackward(ones64, x64, alpha, options), decode(torch.grad64_ones[key]!, 'float64')), `grad64, alpha ${key}`).toEqual([]);
    }
    expect(ones32.length).toBe(x32.length);
  });
});

describe('options.convention, derived from the sources', () => {
  it("'spec' is the default, and 'jax' computes the same forward", () => {
    for (const alpha of [0.01, -0.5, 0, 2]) {
      expect(differences(leakyRelu(x32, alpha, { convention: 'spec' }), leakyRelu(x32, alpha))).toEqual([]);
      expect(differences(leakyRelu(x64, alpha, { convention: 'jax' }), leakyRelu(x64, alpha))).toEqual([]);
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
