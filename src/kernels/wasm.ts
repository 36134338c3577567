/**
 * The WebAssembly SIMD kernel (source: leaky-relu.wat), instantiated once, on
 * first use. Arrays that live in its memory are processed where they are;
 * any other typed array streams through a scratch area in cache-sized chunks,
 * so the memory it needs stays bounded whatever the array's length.
 */
import { isFloat32Array, typedArrayBuffer, typedArrayByteOffset, typedArrayLength } from '../base/typed-array.js';
import { Heap } from './heap.js';
import type { FloatArray } from '../base/typed-array.js';
import type { TypedKernel } from './typed-kernel.js';
import { leakyReluWasmBase64 } from './wasm-bytes.js';

/**
 * The part of the WebAssembly JS API used here. It is declared rather than
 * taken from the DOM or Node typings, which the library does not compile
 * against; the global itself is looked up only when a kernel first runs.
 */
interface WasmMemory {
  readonly buffer: ArrayBufferLike;
  grow(pages: number): number;
}
interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Memory: new (descriptor: { initial: number; maximum: number; shared: boolean }) => WasmMemory;
  Instance: new (module: object, imports: object) => { readonly exports: unknown };
}

type Unary = (x: number, out: number, length: number, slope: number) => void;
type Binary = (gradOutput: number, x: number, out: number, length: number, slope: number) => void;

export interface KernelExports {
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

/** Bytes from base64, with the runtime's `atob`. */
export function decodeBase64(base64: string): Uint8Array {
  const decode = (globalThis as { atob?: (text: string) => string }).atob;
  if (!decode) throw new Error('atob is not available to decode the kernel');
  const text = decode(base64);
  const decoded = new Uint8Array(text.length);
  for (let index = 0; index < text.length; index++) decoded[index] = text.charCodeAt(index);
  return decoded;
}

/** The kernel module's bytes, decoded from the embedded base64 once. */
export function kernelBytes(): Uint8Array {
  bytes ??= decodeBase64(leakyReluWasmBase64);
  return bytes;
}

/**
 * A memory the kernels run in, with the heap that hands out its buffers: the
 * default instance's, or a thread pool's shared one.
 */
export interface KernelMemory {
  readonly exports: KernelExports;
  readonly heap: Heap;
  /** Float32 and Float64 views of the memory, remade whenever it grows. */
  views: { readonly buffer: ArrayBufferLike; readonly f32: Float32Array; readonly f64: Float64Array };
  /**
   * Every buffer the memory has had. A shared memory's buffer is replaced on
   * growth but stays valid, so a view of an older one still shows this memory.
   */
  readonly buffers: WeakSet<ArrayBufferLike>;
  /**
   * Runs a kernel over `length` elements of this memory, or returns false to
   * leave it to the caller's thread: a pool's memory splits it across threads.
   */
  split?: (name: KernelName, offsets: readonly number[], length: number, slope: number) => boolean;
  /** Called after a buffer of this memory is freed. */
  released?: () => void;
}

/** The kernels' export names. */
export type KernelName = Exclude<keyof KernelExports, 'memory'>;

/**
 * Makes the heap and views for a memory whose `exports` are instantiated:
 * `start` bytes at the bottom stay out of the heap (the scratch area).
 */
export function kernelMemory(exports: KernelExports, start: number): KernelMemory {
  const { memory } = exports;
  const buffers = new WeakSet<ArrayBufferLike>();
  const grow = (end: number): void => {
    const missing = end - memory.buffer.byteLength;
    if (missing > 0) memory.grow(Math.ceil(missing / PAGE_BYTES));
    buffers.add(memory.buffer);
  };
  grow(start);
  return { exports, heap: new Heap(start, grow), views: viewsOf(memory.buffer), buffers };
}

let instance: KernelMemory | undefined;

function instantiate(): KernelMemory {
  const api = wasmApi();
  if (!api) throw new Error('WebAssembly is not available in this runtime');
  const exports = new api.Instance(new api.Module(kernelBytes()), {}).exports as KernelExports;
  // The scratch area is the first two chunks; the heap begins after it.
  return kernelMemory(exports, 2 * CHUNK_BYTES);
}

function viewsOf(buffer: ArrayBufferLike): KernelMemory['views'] {
  return { buffer, f32: new Float32Array(buffer), f64: new Float64Array(buffer) };
}

/** The memory's views, remade if it grew since they were made. */
export function refreshViews(memory: KernelMemory): KernelMemory {
  const { buffer } = memory.exports.memory;
  if (memory.views.buffer !== buffer) memory.views = viewsOf(buffer);
  return memory;
}

/** The instance, created on first call. */
export function kernelInstance(): KernelMemory {
  instance ??= instantiate();
  return refreshViews(instance);
}

/** The memories other than the default instance's: the open thread pools'. */
export const poolMemories = new Set<KernelMemory>();

/** The kernel memory `buffer` belongs to, if any. */
export function kernelMemoryOf(buffer: ArrayBufferLike): KernelMemory | undefined {
  if (instance?.buffers.has(buffer)) return instance;
  for (const memory of poolMemories) if (memory.buffers.has(buffer)) return memory;
  return undefined;
}

const KERNELS = {
  forward: ['forwardF32', 'forwardF64'],
  derivative: ['derivativeF32', 'derivativeF64'],
  backward: ['backwardF32', 'backwardF64'],
} as const;

/**
 * Runs an op on `first` (x, or gradOutput for the backward) and `second` (x
 * for the backward): in place when every array lives in one kernel memory,
 * otherwise chunk by chunk through the default instance's scratch area,
 * `first` in its first chunk and `second` in its second. The arrays are the
 * plain views the ops make (see `plainView`), so no subclass's `subarray`
 * runs between the chunks.
 */
function run(
  op: keyof typeof KERNELS,
  slope: number,
  out: FloatArray,
  first: FloatArray,
  second?: FloatArray,
): void {
  const float32 = isFloat32Array(first);
  const name = KERNELS[op][float32 ? 0 : 1];
  const length = typedArrayLength(first);
  const home = kernelMemoryOf(typedArrayBuffer(first));
  if (home && kernelMemoryOf(typedArrayBuffer(out)) === home && (!second || kernelMemoryOf(typedArrayBuffer(second)) === home)) {
    const offsets = (second ? [first, second, out] : [first, out]).map(typedArrayByteOffset);
    if (home.split?.(name, offsets, length, slope)) return;
    callKernel(home.exports, name, offsets, length, slope);
    return;
  }
  const { exports, views } = kernelInstance();
  const scratch = float32 ? views.f32 : views.f64;
  const chunk = CHUNK_BYTES / scratch.BYTES_PER_ELEMENT;
  const offsets = second ? BINARY_SCRATCH_OFFSETS : UNARY_SCRATCH_OFFSETS;
  for (let start = 0; start < length; start += chunk) {
    const end = Math.min(start + chunk, length);
    // An array that fits one chunk is copied whole: each `subarray` is a new
    // object, and on 1,000 elements their cost showed.
    const whole = end - start === length;
    scratch.set(whole ? first : first.subarray(start, end), 0);
    if (second) scratch.set(whole ? second : second.subarray(start, end), chunk);
    callKernel(exports, name, offsets, end - start, slope);
    out.set(scratch.subarray(0, end - start), start);
  }
}

/** Byte offsets of the inputs, then `out`, in the scratch area. */
const UNARY_SCRATCH_OFFSETS = [0, 0] as const;
const BINARY_SCRATCH_OFFSETS = [0, CHUNK_BYTES, 0] as const;

/** Calls the kernel `name` on byte offsets (inputs, then out) of its memory. */
export function callKernel(
  exports: KernelExports,
  name: KernelName,
  offsets: readonly number[],
  length: number,
  slope: number,
): void {
  if (offsets.length === 3) (exports[name] as Binary)(offsets[0]!, offsets[1]!, offsets[2]!, length, slope);
  else (exports[name] as Unary)(offsets[0]!, offsets[1]!, length, slope);
}

/** The WebAssembly SIMD kernel. It runs only where `simdSupported()` is true. */
export const wasmKernel: TypedKernel = {
  forward: (x, slope, out) => run('forward', slope, out, x),
  derivative: (x, slope, out) => run('derivative', slope, out, x),
  backward: (gradOutput, x, slope, out) => run('backward', slope, out, gradOutput, x),
};
