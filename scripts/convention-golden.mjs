#!/usr/bin/env node
/**
 * Writes golden vectors for Leaky ReLU as real frameworks compute it, so that
 * `options.convention` can be checked bit for bit against them.
 *
 * Systems (all installable from npm; nothing is fetched at run time):
 *   - tfjs-cpu:  @tensorflow/tfjs, backend 'cpu'   (forward, tf.grad)
 *   - tfjs-wasm: @tensorflow/tfjs-backend-wasm     (forward, tf.grad; threads off)
 *   - onnxruntime-node: one LeakyRelu node, opsets 13 (LeakyRelu-6) and 16 (LeakyRelu-16), float and double
 *
 * Usage:  node scripts/convention-golden.mjs [out.json]
 *   needs: npm i --no-save @tensorflow/tfjs @tensorflow/tfjs-backend-wasm onnxruntime-node
 *   (onnxruntime-node's install script downloads CUDA files; install it with
 *   scripts disabled: its CPU binary ships inside the package.)
 *
 * Format: every vector is ONE lowercase hex string, the concatenation of the
 * elements' IEEE bit patterns, big-endian per element: 8 hex digits per
 * float32, 16 per float64. So -0, NaN payloads and subnormals survive JSON.
 * `alpha` is stored as the float64 bits of the JS number passed to the API.
 */
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

// ---------- bit helpers ----------
const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);
const f64 = new Float64Array(1);
const u64 = new BigUint64Array(f64.buffer);

function hex32(arr) {
  const u = new Uint32Array(arr.buffer, arr.byteOffset, arr.length);
  let s = '';
  for (const w of u) s += w.toString(16).padStart(8, '0');
  return s;
}
function hex64(arr) {
  const u = new BigUint64Array(arr.buffer, arr.byteOffset, arr.length);
  let s = '';
  for (const w of u) s += w.toString(16).padStart(16, '0');
  return s;
}
function bitsToF32(bits) {
  u32[0] = bits >>> 0;
  return f32[0];
}
function numHex64(x) {
  f64[0] = x;
  return u64[0].toString(16).padStart(16, '0');
}

// ---------- seeded PRNG (mulberry32) ----------
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}
const SEED = 20261128;
const rand = mulberry32(SEED);

// ---------- inputs ----------
// Special float32 values, as bit patterns so that NaN payloads are exact.
const SPECIAL32 = [
  0x00000000, // +0
  0x80000000, // -0
  0x7fc00000, // NaN (quiet, +)
  0xffc00000, // NaN (quiet, -)
  0x7fa00000, // NaN (signalling pattern, +)
  0x7fc00001, // NaN with payload
  0x7f800000, // +Inf
  0xff800000, // -Inf
  0x00000001, // +1e-45 (smallest subnormal)
  0x80000001, // -1e-45
  0x00000002, // +2.8e-45
  0x80000003, // -4.2e-45
  0x007fffff, // largest subnormal
  0x807fffff, // -largest subnormal
  0x00800000, // smallest normal 2^-126
  0x80800000, // -2^-126
  0x3f800000, // 1
  0xbf800000, // -1
  0x40400000, // 3
  0xc0400000, // -3
  0x3f000000, // 0.5
  0xbf000000, // -0.5
  0x7f7fffff, // max float
  0xff7fffff, // -max float
  0xc2c80000, // -100
  0xbdcccccd, // -0.1f
  0x3dcccccd, // 0.1f
  0xbc23d70a, // -0.01f
  0x80e00000, // -2.06e-38 (normal; alpha*x subnormal for small alpha)
  0x8d800000, // -7.9e-31 (alpha=1e-30 gives a subnormal product)
  0x9e3779b9, // -9.7e-21
  0xc69c4000, // -20000
  0xcb800000, // -16777216
  0x7effffff, // big positive
  0xfeffffff, // big negative (alpha=2 overflows to -Inf)
];
const N_RANDOM32 = 200;
const x32bits = [...SPECIAL32];
for (let i = 0; i < N_RANDOM32; i++) x32bits.push(rand());
// Bias half of the random ones to moderate magnitudes (exponent 100..150) so
// rounding differences between product forms are exercised, not only extremes.
for (let i = SPECIAL32.length; i < x32bits.length; i += 2) {
  const b = x32bits[i];
  const exp = 100 + (b % 51);
  x32bits[i] = ((b & 0x807fffff) | (exp << 23)) >>> 0;
}
const X32 = new Float32Array(Uint32Array.from(x32bits).buffer);

// A non-unit upstream gradient, with its own specials.
const G_SPECIAL32 = [0x3f800000, 0x80000000, 0x00000000, 0x7fc00000, 0x7f800000, 0xff800000,
  0x00000001, 0x80000001, 0x40400000, 0xc0400000, 0x3dcccccd, 0xbf000000];
const g32bits = [];
for (let i = 0; i < X32.length; i++) {
  if (i < G_SPECIAL32.length * 3) g32bits.push(G_SPECIAL32[i % G_SPECIAL32.length]);
  else {
    const b = rand();
    const exp = 110 + (b % 31);
    g32bits.push(((b & 0x807fffff) | (exp << 23)) >>> 0);
  }
}
const G32 = new Float32Array(Uint32Array.from(g32bits).buffer);
const ONES32 = new Float32Array(X32.length).fill(1);

// float64 inputs: float64 specials, the float32 specials widened, random 64-bit patterns.
const SPECIAL64 = [0, -0, NaN, -NaN, Infinity, -Infinity, 5e-324, -5e-324, 2.2250738585072014e-308,
  -2.2250738585072014e-308, 1, -1, 3, -3, 0.5, -0.5, Number.MAX_VALUE, -Number.MAX_VALUE, -0.1, -0.01,
  -1e-300, -1e-310, -2.5e-308, 1e-320, -1e-320, -Math.PI, -1e300, -(2 ** 53)];
const X64list = [...SPECIAL64];
for (const v of SPECIAL32) X64list.push(bitsToF32(v));
const N_RANDOM64 = 120;
{
  const u = new BigUint64Array(1);
  const d = new Float64Array(u.buffer);
  for (let i = 0; i < N_RANDOM64; i++) {
    let hi = rand();
    const lo = rand();
    if (i % 2 === 0) {
      // moderate magnitude: exponent 900..1150
      const exp = 900 + (hi % 251);
      hi = ((hi & 0x800fffff) | (exp << 20)) >>> 0;
    }
    u[0] = (BigInt(hi) << 32n) | BigInt(lo);
    X64list.push(d[0]);
  }
}
// Index 3 is -NaN: set its sign bit explicitly (JS does not keep NaN signs reliably).
const X64 = new Float64Array(X64list.length);
X64.set(X64list);
new BigUint64Array(X64.buffer)[3] = 0xfff8000000000000n;

const ALPHAS = [0.01, 0.2, 0.3, 0.1, 0, -0.5, 2, 1e-30];

// ---------- tfjs ----------
async function runTfjs(tf, backendName) {
  await tf.setBackend(backendName);
  await tf.ready();
  const out = { backend: tf.getBackend(), forward: {}, gradOnes: {}, gradG: {} };
  if (backendName === 'wasm') {
    out.simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
    out.threads = await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT');
  }
  for (const a of ALPHAS) {
    const key = String(a);
    const x = tf.tensor1d(X32, 'float32');
    const y = tf.leakyRelu(x, a);
    out.forward[key] = hex32(new Float32Array(await y.data()));
    const gradFn = tf.grad((t) => tf.leakyRelu(t, a));
    const d1 = gradFn(x, tf.tensor1d(ONES32, 'float32'));
    out.gradOnes[key] = hex32(new Float32Array(await d1.data()));
    const d2 = gradFn(x, tf.tensor1d(G32, 'float32'));
    out.gradG[key] = hex32(new Float32Array(await d2.data()));
    tf.dispose([x, y, d1, d2]);
  }
  return out;
}

// ---------- ONNX model, hand-encoded protobuf ----------
function varint(n) {
  const bytes = [];
  let v = BigInt(n);
  do {
    let b = Number(v & 0x7fn);
    v >>= 7n;
    if (v !== 0n) b |= 0x80;
    bytes.push(b);
  } while (v !== 0n);
  return bytes;
}
const tag = (field, wire) => varint((field << 3) | wire);
const fVarint = (field, n) => [...tag(field, 0), ...varint(n)];
const fBytes = (field, bytes) => [...tag(field, 2), ...varint(bytes.length), ...bytes];
const fString = (field, s) => fBytes(field, [...Buffer.from(s, 'utf8')]);
function fFloat32(field, x) {
  const b = Buffer.alloc(4);
  b.writeFloatLE(x);
  return [...tag(field, 5), ...b];
}
function valueInfo(name, elemType, n) {
  const dim = fVarint(1, n); // Dimension.dim_value
  const shape = fBytes(1, dim); // TensorShapeProto.dim
  const tensorType = [...fVarint(1, elemType), ...fBytes(2, shape)]; // TypeProto.Tensor
  const typeProto = fBytes(1, tensorType); // TypeProto.tensor_type
  return [...fString(1, name), ...fBytes(2, typeProto)]; // ValueInfoProto
}
function leakyReluModel(alpha, elemType, n, opset) {
  const attr = [...fString(1, 'alpha'), ...fFloat32(2, alpha), ...fVarint(20, 1)]; // AttributeProto FLOAT
  const node = [...fString(1, 'X'), ...fString(2, 'Y'), ...fString(3, 'lrelu'), ...fString(4, 'LeakyRelu'),
    ...fBytes(5, attr)];
  const graph = [...fBytes(1, node), ...fString(2, 'g'), ...fBytes(11, valueInfo('X', elemType, n)),
    ...fBytes(12, valueInfo('Y', elemType, n))];
  const opsetId = [...fString(1, ''), ...fVarint(2, opset)];
  const model = [...fVarint(1, 8), ...fString(2, 'convention-golden'), ...fBytes(7, graph), ...fBytes(8, opsetId)];
  return Uint8Array.from(model);
}

async function runOrt(ort) {
  const out = {};
  for (const opset of [13, 16]) {
    for (const [dtype, elemType, X] of [['float32', 1, X32], ['float64', 11, X64]]) {
      const k = `opset${opset}_${dtype}`;
      out[k] = {};
      for (const a of ALPHAS) {
        try {
          const session = await ort.InferenceSession.create(leakyReluModel(a, elemType, X.length, opset), {
            executionProviders: ['cpu'],
            graphOptimizationLevel: 'disabled',
            intraOpNumThreads: 1,
            logSeverityLevel: 3,
          });
          const res = await session.run({ X: new ort.Tensor(dtype, X.slice(), [X.length]) });
          const y = res.Y.data;
          out[k][String(a)] = dtype === 'float32' ? hex32(new Float32Array(y)) : hex64(new Float64Array(y));
          await session.release?.();
        } catch (e) {
          out[k][String(a)] = { error: String(e.message ?? e).split('\n')[0].slice(0, 300) };
        }
      }
    }
  }
  return out;
}

function versionOf(pkg) {
  return JSON.parse(readFileSync(require.resolve(`${pkg}/package.json`), 'utf8')).version;
}

async function main() {
  const outPath = process.argv[2]
    ?? fileURLToPath(new URL('../test/core/fixtures/convention-golden.json', import.meta.url));

  const tf = await import('@tensorflow/tfjs');
  const wasm = await import('@tensorflow/tfjs-backend-wasm');
  const wasmDir = join(dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist') + '/';
  // A local prefix: the .wasm files are read from the installed package, never fetched.
  wasm.setWasmPaths(wasmDir);
  const ortModule = await import('onnxruntime-node');
  const ort = ortModule.default ?? ortModule;

  const tfjsCpu = await runTfjs(tf, 'cpu');
  const tfjsWasm = await runTfjs(tf, 'wasm');
  const onnx = await runOrt(ort);

  const golden = {
    description: 'Leaky ReLU golden vectors from real implementations; see scripts/convention-golden.mjs',
    format: 'each vector = concatenated big-endian IEEE bit patterns in hex: 8 hex digits per float32, 16 per float64',
    generator: { node: process.version, seed: SEED, platform: `${process.platform}-${process.arch}` },
    versions: {
      '@tensorflow/tfjs': versionOf('@tensorflow/tfjs'),
      '@tensorflow/tfjs-core': versionOf('@tensorflow/tfjs-core'),
      '@tensorflow/tfjs-backend-cpu': versionOf('@tensorflow/tfjs-backend-cpu'),
      '@tensorflow/tfjs-backend-wasm': versionOf('@tensorflow/tfjs-backend-wasm'),
      'onnxruntime-node': versionOf('onnxruntime-node'),
    },
    alphas: Object.fromEntries(ALPHAS.map((a) => [String(a), numHex64(a)])),
    inputs: {
      float32: { x: hex32(X32), g: hex32(G32), length: X32.length },
      float64: { x: hex64(X64), length: X64.length },
    },
    tfjs: {
      note: 'tf.leakyRelu(x, alpha); gradOnes = tf.grad(t => tf.leakyRelu(t, alpha))(x, ones); gradG = same with dy = inputs.float32.g',
      cpu: tfjsCpu,
      wasm: tfjsWasm,
    },
    onnxruntime: {
      note: 'one LeakyRelu node, alpha as a float32 attribute; CPU EP, graph optimizations off, 1 thread; error = no kernel',
      ...onnx,
    },
  };
  mkdirSync(dirname(outPath), { recursive: true });
  writeFileSync(outPath, JSON.stringify(golden) + '\n');
  console.log(`wrote ${outPath}`);
}

await main();
