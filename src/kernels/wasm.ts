/**
 * The WebAssembly SIMD kernel (source: leaky-relu.wat), instantiated once, on
 * first use. Arrays that live in its memory are processed where they are;
 * any other typed array streams through a scratch area in cache-sized chunks,
 * so the memory it needs stays bounded whatever the array's length.
 */
import { copyInto, isFloat32Array, plainView, typedArrayBuffer, typedArrayByteOffset, typedArrayLength } from '../core/typed-array.js';
import { Heap } from './heap.js';
import type { FloatArray, TypedKernel } from './typed-kernel.js';
import { leakyReluWasmBase64 } from './wasm-bytes.js';

/**
 * The part of the WebAssembly JS API used here. It is declared rather than
 * taken from the DOM or Node typings, which the library does not compile
 * against; the global itself is looked up only when a kernel first runs.
 */
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { readonly exports: unknown };
}

type Unary = (x: number, out: number, length: number, slope: number) => void;
type Binary = (gradOutput: number, x: number, out: number, length: number, slope: number) => void;

interface KernelExports {
  readonly memory: WasmMemory;
  readonly forwardF32: Unary;
  readonly derivativeF32: Unary;
  readonly backwardF32: Binary;
  readonly forwardF64: Unary;
  readonly derivativeF64: Unary;
  readonly backwardF64: Binary;
}

const PAGE_BYTES = 65536;

/**
 * The chunk a JS-heap array is copied through: 64 KiB measured fastest here
 * (16 KiB to 512 KiB were within a few percent; smaller chunks pay the
 * per-call cost more often). The scratch area holds two, for the backward.
 */
export const CHUNK_BYTES = 65536;

/** The WebAssembly global, if this runtime has one. */
export function wasmApi(): WasmApi | undefined {
  return (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
}

let bytes: Uint8Array | undefined;

/** The kernel module's bytes, decoded from the embedded base64 once. */
export function kernelBytes(): Uint8Array {
  if (bytes) return bytes;
  const decode = (globalThis as { atob?: (text: string) => string }).atob;
  if (!decode) throw new Error('atob is not available to decode the kernel');
  const text = decode(leakyReluWasmBase64);
  bytes = new Uint8Array(text.length);
  for (let index = 0; index < text.length; index++) bytes[index] = text.charCodeAt(index);
  return bytes;
}

interface KernelInstance {
  readonly exports: KernelExports;
  readonly heap: Heap;
  /** Float32 and Float64 views of the memory, remade whenever it grows. */
  views: { readonly buffer: ArrayBuffer; readonly f32: Float32Array; readonly f64: Float64Array };
}

let instance: KernelInstance | undefined;

function instantiate(): KernelInstance {
  const api = wasmApi();
  if (!api) throw new Error('WebAssembly is not available in this runtime');
  const exports = new api.Instance(new api.Module(kernelBytes()), {}).exports as KernelExports;
  const { memory } = exports;
  const grow = (end: number): void => {
    const missing = end - memory.buffer.byteLength;
    if (missing > 0) memory.grow(Math.ceil(missing / PAGE_BYTES));
  };
  // The scratch area is the first two chunks; the heap begins after it.
  grow(2 * CHUNK_BYTES);
  return { exports, heap: new Heap(2 * CHUNK_BYTES, grow), views: viewsOf(memory.buffer) };
}

function viewsOf(buffer: ArrayBuffer): KernelInstance['views'] {
  return { buffer, f32: new Float32Array(buffer), f64: new Float64Array(buffer) };
}

/** The instance, created on first call. */
export function kernelInstance(): KernelInstance {
  instance ??= instantiate();
  const { buffer } = instance.exports.memory;
  if (instance.views.buffer !== buffer) instance.views = viewsOf(buffer);
  return instance;
}

const KERNELS = {
  forward: ['forwardF32', 'forwardF64'],
  derivative: ['derivativeF32', 'derivativeF64'],
} as const;

/**
 * Runs an op on `first` (x, or gradOutput for the backward) and `second` (x
 * for the backward): in place when every array lives in the kernel's memory,
 * otherwise chunk by chunk through the scratch area, `first` in its first
 * chunk and `second` in its second.
 */
function run(
  op: keyof typeof KERNELS | 'backward',
  slope: number,
  out: FloatArray,
  first: FloatArray,
  second?: FloatArray,
): void {
  const { exports, views } = kernelInstance();
  const float32 = isFloat32Array(first);
  const unary = op === 'backward' ? undefined : exports[KERNELS[op][float32 ? 0 : 1]];
  const backward = float32 ? exports.backwardF32 : exports.backwardF64;
  // Read through the built-in accessors and methods: an array's own `length`
  // or a subclass's `subarray` would otherwise decide what is written where.
  const length = typedArrayLength(first);
  const { buffer } = views;
  const inKernel = (array: FloatArray): boolean => typedArrayBuffer(array) === buffer;
  if (inKernel(first) && inKernel(out) && (!second || inKernel(second))) {
    const [firstAt, outAt] = [typedArrayByteOffset(first), typedArrayByteOffset(out)];
    if (unary) unary(firstAt, outAt, length, slope);
    else backward(firstAt, typedArrayByteOffset(second!), outAt, length, slope);
    return;
  }
  const scratch = float32 ? views.f32 : views.f64;
  const chunk = CHUNK_BYTES / scratch.BYTES_PER_ELEMENT;
  for (let start = 0; start < length; start += chunk) {
    const end = Math.min(start + chunk, length);
    copyInto(scratch, plainView(first, start, end), 0);
    if (unary) unary(0, 0, end - start, slope);
    else {
      copyInto(scratch, plainView(second!, start, end), chunk);
      backward(0, CHUNK_BYTES, 0, end - start, slope);
    }
    copyInto(out, plainView(scratch, 0, end - start), start);
  }
}

/** The WebAssembly SIMD kernel. It runs only where `simdSupported()` is true. */
export const wasmKernel: TypedKernel = {
  forward: (x, slope, out) => run('forward', slope, out, x),
  derivative: (x, slope, out) => run('derivative', slope, out, x),
  backward: (gradOutput, x, slope, out) => run('backward', slope, out, gradOutput, x),
};
