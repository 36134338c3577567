// Every op of leaky-relu called with hostile `out`, options and shared-memory
// views, against a reference: the same op called on plain copies of the
// inputs, with plain options, on a clean Object.prototype. Overlap and
// aliasing are drawn, not listed: each array is placed at a drawn offset in
// one memory, seen through one of several buffer objects of it.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as core from 'leaky-relu';
import { conventionTable, createPool, type ConventionName, type KernelBuffer, type Pool } from 'leaky-relu';
import { NOT_OPS, OTHER_OPS, WRITING_OPS, type Options, type Values } from '../support/ops.js';
import { sameValues } from '../support/values.js';

type Kind = 'Array' | 'Float32Array' | 'Float64Array';

/** Options every op may be given by a polluter, each with a value that would change a result or throw if it were read. */
const POLLUTION: Options = {
  out: [0],
  convention: 'jax',
  subnormals: 'flush',
  threads: 0,
  layout: 'channels-first',
  spatialSize: 1,
  training: true,
  seed: 7,
  lower: 0.5,
  upper: 0.9,
};

const CONVENTIONS = conventionTable().map((row) => row.convention);

/** A memory the arrays are placed in, seen through one or more buffer objects. */
interface Memory {
  readonly name: string;
  /** Buffer objects over the same bytes. */
  readonly buffers: readonly ArrayBufferLike[];
  /** The byte offset the arrays may start from. */
  readonly base: number;
}

/** The most elements an array has, and the furthest it is placed from `base`. */
const MAX_LENGTH = 260;
const MAX_SHIFT = 4;
const BYTES = (MAX_LENGTH + MAX_SHIFT) * 8;

let pool: Pool;
let poolRegion: KernelBuffer<Float64Array>;
let poolGrowth: KernelBuffer<Float64Array>;
const memories: Memory[] = [];

beforeAll(async () => {
  const heap = new ArrayBuffer(BYTES);
  const shared = new SharedArrayBuffer(BYTES);
  pool = await createPool({ threads: 2 });
  poolRegion = pool.allocFloat64(BYTES / 8);
  const beforeGrowth = poolRegion.array.buffer;
  // Growing the pool's shared memory gives it a new buffer object; views of the old one stay valid.
  poolGrowth = pool.allocFloat64(1 << 22);
  memories.push(
    { name: 'an ArrayBuffer', buffers: [heap], base: 0 },
    // structuredClone gives another object over the same memory, as postMessage does.
    { name: 'a SharedArrayBuffer and its clone', buffers: [shared, structuredClone(shared)], base: 0 },
    { name: "a pool's memory before and after it grew", buffers: [beforeGrowth, poolRegion.array.buffer], base: poolRegion.array.byteOffset },
  );
});

afterAll(async () => {
  poolRegion.free();
  poolGrowth.free();
  await pool.close();
});

/** A typed array of `kind` holding `values`, at `shift` elements from the memory's base, through buffer object `which`. */
function placed(kind: Exclude<Kind, 'Array'>, memory: Memory, which: number, shift: number, length: number): Float32Array | Float64Array {
  const type = kind === 'Float32Array' ? Float32Array : Float64Array;
  const buffer = memory.buffers[which % memory.buffers.length]!;
  return new type(buffer as ArrayBuffer, memory.base + shift * type.BYTES_PER_ELEMENT, length);
}

/** A plain copy: what the reference is computed on. */
const copyOf = (values: Values): Values => (Array.isArray(values) ? [...values] : values.slice());

/** The convention and slope an op may be called with for data of `kind`. */
function validCall(kind: Kind, convention: ConventionName | undefined, alpha: number): boolean {
  if (convention?.startsWith('tfjs') && kind !== 'Float32Array') return false;
  if (convention === 'keras' && alpha < 0) return false;
  return true;
}

/** A hostile way to give an op its options: each holds exactly `own`, whatever else it offers. */
const OPTION_SHAPES = {
  'a literal': (own: Options) => ({ ...own }),
  'no prototype': (own: Options) => Object.assign(Object.create(null) as Options, own),
  'a polluted prototype of its own': (own: Options) => Object.assign(Object.create({ ...POLLUTION }) as Options, own),
  'a Proxy whose get trap throws': (own: Options) =>
    new Proxy(
      { ...own },
      {
        get: () => {
          throw new Error('the get trap ran');
        },
      },
    ),
} as const;

/** Runs `body` with every key of POLLUTION set on Object.prototype that `keys` names. */
function polluted<T>(keys: readonly string[], body: () => T): T {
  const prototype = Object.prototype as Options;
  for (const key of keys) prototype[key] = POLLUTION[key];
  try {
    return body();
  } finally {
    for (const key of keys) delete prototype[key];
  }
}

const kinds = fc.constantFrom<Kind>('Array', 'Float32Array', 'Float64Array');
const pollution = fc.subarray(Object.keys(POLLUTION));
const optionShape = fc.constantFrom(...(Object.keys(OPTION_SHAPES) as (keyof typeof OPTION_SHAPES)[]));
// Lengths up to MAX_LENGTH, not fast-check's usual short ones: from 96 elements on, the SIMD kernel runs.
const data = fc.array(fc.double(), { maxLength: MAX_LENGTH, size: 'max' });

describe('every op on hostile out, options and shared memory, against the op on copies (fast-check, seeded)', () => {
  it('lists every function leaky-relu exports: an op in WRITING_OPS or OTHER_OPS (test/support/ops.ts), anything else in NOT_OPS', () => {
    const functions = Object.keys(core).filter((name) => typeof core[name as keyof typeof core] === 'function');
    const listed = [...Object.keys(WRITING_OPS), ...Object.keys(OTHER_OPS), ...NOT_OPS];
    expect(functions.filter((name) => !listed.includes(name))).toEqual([]);
    expect(listed.filter((name) => !functions.includes(name))).toEqual([]);
  });

  it('writes into out exactly what the op computes on copies, wherever out and the inputs lie in one memory', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...(Object.keys(WRITING_OPS) as (keyof typeof WRITING_OPS)[])),
        fc.constantFrom('Float32Array', 'Float64Array') as fc.Arbitrary<Exclude<Kind, 'Array'>>,
        data,
        fc.double({ min: -4, max: 4, noNaN: true }),
        fc.option(fc.constantFrom(...CONVENTIONS), { nil: undefined }),
        fc.nat({ max: memories.length - 1 }),
        // Per array (the inputs, then out): which buffer object, and how far from the base.
        fc.array(fc.tuple(fc.nat(), fc.nat({ max: MAX_SHIFT })), { minLength: 3, maxLength: 3 }),
        pollution,
        optionShape,
        (name, kind, values, drawnAlpha, drawnConvention, memoryIndex, places, keys, shape) => {
          const op = WRITING_OPS[name];
          const convention = op.conventions ? drawnConvention : undefined;
          // Such an op needs a slope above 0, in float32 too.
          const alpha = op.slopeAboveZero ? Math.max(Math.abs(drawnAlpha), 2 ** -20) : drawnAlpha;
          if (!validCall(kind, convention, alpha)) return;
          const memory = memories[memoryIndex]!;
          const length = values.length;
          const arrays = places.map(([which, shift]) => placed(kind, memory, which, shift, length));
          const inputs = arrays.slice(0, op.operands.length);
          const out = arrays[2]!;
          // Filled in order, so where they overlap the later one's values are what the op reads.
          inputs.forEach((input, index) => input.set(index === 0 ? values : values.map((value) => value * 3 - 1)));
          const own: Options = convention === undefined ? {} : { convention };
          const expected = op.call(inputs.map(copyOf), alpha, own);
          const result = polluted(keys, () => op.call(inputs, alpha, OPTION_SHAPES[shape]({ ...own, out })));
          expect(result).toBe(out);
          const difference = sameValues(out, expected as ArrayLike<number>);
          if (difference) throw new Error(`${name} on ${memory.name}, at shifts ${places.map(([, shift]) => shift).join(', ')}: ${difference}`);
        },
      ),
      { numRuns: 1500 },
    );
  });

  /** A hostile number[] out, and the start of the message that refuses it; `undefined` for an ordinary one. */
  const HOSTILE_OUTS = {
    ordinary: (length: number) => [new Array<number>(length).fill(0), undefined],
    'the input itself': () => [undefined, undefined],
    'a read-only element': (length: number) => [Object.defineProperty(new Array<number>(length).fill(0), length - 1, { value: 0, writable: false }), 'options.out['],
    'a frozen array': (length: number) => [Object.freeze(new Array<number>(length).fill(0)), 'options.out[0]'],
    'an element with a setter': (length: number) => [
      Object.defineProperty(new Array<number>(length).fill(0), length >> 1, { get: () => 42, set: () => {}, enumerable: true }),
      'options.out[',
    ],
    'a hole': (length: number) => [new Array<number>(length), 'options.out[0]'],
    'a Proxy': (length: number) => [new Proxy(new Array<number>(length).fill(0), {}), 'options.out must be an ordinary array'],
    'a revoked Proxy': () => {
      const { proxy, revoke } = Proxy.revocable([], {});
      revoke();
      return [proxy, 'options.out must be an array like x, got a revoked Proxy'];
    },
    'a Float64Array': (length: number) => [new Float64Array(length), 'options.out must be an array like x'],
  } as const satisfies { readonly [name: string]: (length: number) => readonly [unknown, string | undefined] };

  it('refuses a hostile number[] out with a TypeError naming it, before anything is written, and otherwise writes what the op computes', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...(Object.keys(WRITING_OPS) as (keyof typeof WRITING_OPS)[])),
        fc.array(fc.double(), { minLength: 1, maxLength: 40 }),
        fc.double({ min: 2 ** -20, max: 4, noNaN: true }),
        fc.constantFrom(...(Object.keys(HOSTILE_OUTS) as (keyof typeof HOSTILE_OUTS)[])),
        pollution,
        (name, values, alpha, hostile, keys) => {
          const op = WRITING_OPS[name];
          const inputs: number[][] = op.operands.length === 1 ? [[...values]] : [values.map((value) => -value), [...values]];
          const [made, refusal] = HOSTILE_OUTS[hostile](values.length);
          const out = made ?? inputs.at(-1);
          const expected = op.call(inputs.map((input) => [...input]), alpha);
          // Each element as its descriptor, read without running a getter; a revoked Proxy has none to change.
          const snapshot = (): unknown[] =>
            hostile === 'a revoked Proxy' ? [] : Object.getOwnPropertyNames(out).map((key) => Object.getOwnPropertyDescriptor(out, key));
          const before = snapshot();
          const call = (): unknown => polluted(keys, () => op.call(inputs, alpha, { out }));
          if (refusal === undefined) {
            expect(call()).toBe(out);
            expect(sameValues(out as number[], expected as number[])).toBeUndefined();
            return;
          }
          expect(call).toThrow(TypeError);
          expect(call).toThrow(refusal);
          expect(snapshot()).toEqual(before);
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('gives every op without out, on shared-memory views and polluted options, what it gives on copies', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...(Object.keys(OTHER_OPS) as (keyof typeof OTHER_OPS)[])),
        kinds,
        data,
        fc.double({ min: 2 ** -20, max: 4, noNaN: true }),
        fc.nat({ max: memories.length - 1 }),
        fc.array(fc.tuple(fc.nat(), fc.nat({ max: MAX_SHIFT })), { minLength: 2, maxLength: 2 }),
        pollution,
        optionShape,
        (name, kind, values, alpha, memoryIndex, places, keys, shape) => {
          const op = OTHER_OPS[name];
          const memory = memories[memoryIndex]!;
          const inputs: Values[] = places.slice(0, op.operands.length).map(([which, shift], index) => {
            const filled = index === 0 && op.operands.length === 2 ? values.map((value) => value * 3 - 1) : values;
            if (kind === 'Array') return [...filled];
            const view = placed(kind, memory, which, shift, values.length);
            view.set(filled);
            return view;
          });
          // RReLU in training draws its slopes from a seed; given here, so the pollution's seed would show.
          const own: Options = name === 'rrelu' ? { training: true, seed: 1 } : {};
          const expected = op.call(inputs.map(copyOf), alpha, own);
          const result = polluted(keys, () => op.call(inputs, alpha, OPTION_SHAPES[shape](own)));
          expect(result).toEqual(expected);
        },
      ),
      { numRuns: 600 },
    );
  });
});
