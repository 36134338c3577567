import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocFloat32, leakyRelu, leakyReluBackward } from 'leaky-relu';
import { WRITING_OPS } from '../support/ops.js';
import { sameValues } from '../support/values.js';
import { isFloat32Array, isFloat64Array } from '../../src/base/typed-array.js';
import { readInput } from '../../src/core/validate.js';

describe('isFloat32Array and isFloat64Array', () => {
  it('recognise arrays from another realm', () => {
    const foreign32: unknown = runInNewContext('new Float32Array(2)');
    const foreign64: unknown = runInNewContext('new Float64Array(2)');
    expect(foreign32 instanceof Float32Array).toBe(false);
    expect(isFloat32Array(foreign32)).toBe(true);
    expect(isFloat64Array(foreign64)).toBe(true);
    expect(readInput(foreign32, 'x').kind).toBe('Float32Array');
  });

  it('reject look-alikes', () => {
    expect(isFloat32Array(new Float64Array(1))).toBe(false);
    expect(isFloat32Array({ [Symbol.toStringTag]: 'Float32Array' })).toBe(false);
    expect(isFloat64Array(new DataView(new ArrayBuffer(8)))).toBe(false);
  });
});

// Differential tests: the public ops against a trivial reference, over every
// hostile shape an argument can take. Each element must be read once, before
// anything is written, and the kind and length must be the built-in ones.
describe('the ops on hostile arrays, against a trivial reference (fast-check, seeded)', () => {
  type Precision = 'float32' | 'float64';
  const forwardAt = (v: number, alpha: number, precision: Precision): number =>
    v >= 0 ? v : precision === 'float32' ? Math.fround(Math.fround(alpha) * v) : alpha * v;
  const backwardAt = (g: number, v: number, alpha: number, precision: Precision): number =>
    v >= 0 ? g : precision === 'float32' ? Math.fround(Math.fround(alpha) * g) : alpha * g;

  /** A number[] whose every element is a getter, counting its reads. */
  function getterArray(values: readonly number[], reads: number[]): number[] {
    const array = new Array<number>(values.length);
    values.forEach((value, index) => {
      Object.defineProperty(array, index, {
        get: () => {
          reads[index] = (reads[index] ?? 0) + 1;
          // A second read would see a string: the ops must never make one.
          return reads[index] === 1 ? value : ('7' as never);
        },
        enumerable: true,
      });
    });
    return array;
  }

  /** A Proxy of a number[], counting the reads of each element. */
  function proxyArray(values: readonly number[], reads: number[]): number[] {
    return new Proxy([...values], {
      get(target, key, receiver) {
        const index = typeof key === 'string' ? Number(key) : NaN;
        if (Number.isInteger(index)) {
          reads[index] = (reads[index] ?? 0) + 1;
          if (reads[index]! > 1) return '7';
        }
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
  }

  const shapes = ['getters', 'proxy'] as const;
  const makers = { getters: getterArray, proxy: proxyArray };
  const values = fc.array(fc.double(), { maxLength: 200 });
  const alpha = fc.double({ min: -4, max: 4, noNaN: true });

  it('reads each element of a getter array or Proxy once, and computes what it read', () => {
    fc.assert(
      fc.property(values, alpha, fc.constantFrom(...shapes), (xs, slope, shape) => {
        const reads: number[] = [];
        const result = leakyRelu(makers[shape](xs, reads), slope);
        expect(sameValues(result, xs.map((v) => forwardAt(v, slope, 'float64')))).toBeUndefined();
        expect(reads.every((count) => count === 1)).toBe(true);
        const gradientReads: number[] = [];
        const backward = leakyReluBackward(makers[shape](xs.map(() => 2), gradientReads), [...xs], slope);
        expect(sameValues(backward, xs.map((v) => backwardAt(2, v, slope, 'float64')))).toBeUndefined();
        expect(gradientReads.every((count) => count === 1)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('writes nothing into out when a getter throws, wherever it throws', () => {
    fc.assert(
      fc.property(fc.array(fc.double(), { minLength: 1, maxLength: 50 }), fc.nat(), (xs, at) => {
        const failing = at % xs.length;
        const x = [...xs];
        Object.defineProperty(x, failing, {
          get: () => {
            throw new Error('boom');
          },
        });
        const out = xs.map(() => 42);
        expect(() => leakyRelu(x, 0.5, { out })).toThrow('boom');
        return out.every((value) => value === 42);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses an option getter before reading any array, without calling it, so it cannot change what was checked', () => {
    const buffer = new (ArrayBuffer as unknown as new (bytes: number, options: { maxByteLength: number }) => ArrayBuffer)(8, { maxByteLength: 8 });
    const x = new Float32Array(buffer);
    x.set([-2, 4]);
    const options = {
      get convention() {
        (buffer as unknown as { resize(bytes: number): void }).resize(0);
        return 'spec' as const;
      },
    };
    expect(() => leakyRelu(x, 0.5, options)).toThrow(new TypeError('options.convention must be a data property, got a getter or setter'));
    expect(Array.from(x)).toEqual([-2, 4]);
  });

  /** Typed arrays of every exotic making, holding `xs`. */
  function exoticTypedArrays(xs: readonly number[], type: Float32ArrayConstructor | Float64ArrayConstructor): Float32Array[] | Float64Array[] {
    const bytes = xs.length * type.BYTES_PER_ELEMENT;
    const Resizable = ArrayBuffer as unknown as new (bytes: number, options: { maxByteLength: number }) => ArrayBuffer;
    const shared = new type(new SharedArrayBuffer(bytes) as unknown as ArrayBuffer);
    const resizable = new type(new Resizable(bytes, { maxByteLength: bytes + 64 }));
    const foreign = runInNewContext(`new ${type.name}(${xs.length})`) as Float32Array;
    class Subclass extends (type as Float32ArrayConstructor) {
      static get [Symbol.species](): never {
        throw new Error('species was read');
      }
      override subarray(): never {
        throw new Error('subarray was called');
      }
      override set(): never {
        throw new Error('set was called');
      }
    }
    const subclassed = new Subclass(xs.length);
    const lying = new type(xs.length);
    const arrays = [shared, resizable, foreign, subclassed, lying] as Float32Array[];
    for (const array of arrays) Float32Array.prototype.set.call(array, xs);
    Object.defineProperties(lying, {
      length: { value: xs.length + 1000 },
      buffer: { value: new ArrayBuffer(8) },
      byteOffset: { value: 4 },
      subarray: { value: () => new type(0) },
    });
    return arrays;
  }

  it('computes shared, resizable, foreign-realm, subclassed and lying typed arrays like plain ones', () => {
    fc.assert(
      // Up to 200 elements: from 96 on, the SIMD kernel runs.
      fc.property(fc.array(fc.double(), { maxLength: 200 }), alpha, fc.boolean(), (xs, slope, float32) => {
        const type = float32 ? Float32Array : Float64Array;
        const precision: Precision = float32 ? 'float32' : 'float64';
        const stored = Array.from(new type(xs));
        const expected = stored.map((v) => forwardAt(v, slope, precision));
        for (const x of exoticTypedArrays(xs, type)) {
          expect(sameValues(leakyRelu(x, slope) as ArrayLike<number>, expected)).toBeUndefined();
          const gradients = exoticTypedArrays(stored.map(() => 3), type);
          for (const gradOutput of gradients) {
            const backward = leakyReluBackward(gradOutput as Float64Array, x as Float64Array, slope, { out: gradOutput as Float64Array });
            expect(backward).toBe(gradOutput);
            // Array.from iterates by the built-in length, whatever the instance claims.
            expect(sameValues(Array.from(backward), stored.map((v) => backwardAt(3, v, slope, precision)))).toBeUndefined();
          }
        }
      }),
      { numRuns: 40 },
    );
  });

  it('an overridden length on a kernel buffer run in place writes only its own elements', () => {
    const x = allocFloat32(200);
    const neighbour = allocFloat32(200);
    neighbour.array.fill(5);
    x.array.fill(-2);
    const view = x.array;
    Object.defineProperty(view, 'length', { value: 100_000 });
    leakyRelu(view, 0.5, { out: view });
    expect(Array.from(x.array).every((value) => value === -1)).toBe(true);
    expect(Array.from(neighbour.array).every((value) => value === 5)).toBe(true);
    x.free();
    neighbour.free();
  });

  it('an Int32Array tagged Float32Array is refused', () => {
    const tagged = new Int32Array([1, 2, 3]);
    Object.defineProperty(tagged, Symbol.toStringTag, { value: 'Float32Array' });
    expect(() => leakyRelu(tagged as never)).toThrow(
      new TypeError('x must be a number, an array of numbers, a Float32Array or a Float64Array, got Int32Array(3)'),
    );
  });

  it('a subclass whose subarray runs another op cannot clobber a backward in progress', () => {
    let calls = 0;
    class Reentrant extends Float32Array {
      override subarray(begin?: number, end?: number) {
        calls++;
        leakyRelu(new Float32Array(20_000).fill(-555), 1);
        return super.subarray(begin, end);
      }
    }
    const n = 20_000;
    const x = new Reentrant(n).fill(-1);
    const gradOutput = new Reentrant(n).fill(1);
    const result = leakyReluBackward(gradOutput, x, 0.5);
    expect(calls).toBe(0);
    expect(Array.from(result).every((value) => value === 0.5)).toBe(true);
  });
});

describe('out is checked whole before anything is written into it', () => {
  /** Each element of `array` as its descriptor: what the op may not change, read without running a getter. */
  const snapshot = (array: object): unknown[] => Object.getOwnPropertyNames(array).map((key) => Object.getOwnPropertyDescriptor(array, key));

  const ops = Object.entries(WRITING_OPS).map(([name, op]) => [name, (out: unknown) => op.call(op.operands.map(() => [-1, 2, 3]), 0.5, { out })] as const);

  const readOnly = () => Object.defineProperty([0, 0, 0], 1, { value: 0, writable: false });
  const withSetter = () => Object.defineProperty([0, 0, 0], 1, { get: () => 42, set: () => {}, enumerable: true });
  const withHole = () => {
    const array = [0, 0, 0];
    delete array[2];
    return array;
  };
  const hostile = [
    ['a read-only element', readOnly, 'options.out[1] must be a writable element, got a read-only element'],
    ['a frozen array', () => Object.freeze([0, 0, 0]), 'options.out[0] must be a writable element, got a read-only element'],
    ['an element with a setter', withSetter, 'options.out[1] must be a writable element, got a getter or setter'],
    ['a hole', withHole, 'options.out[2] must be a writable element, got a hole'],
  ] as const;

  it.each(ops)('%s refuses, naming out, an out with a read-only element, a setter or a hole, and writes nothing', (_name, run) => {
    for (const [, make, message] of hostile) {
      const out = make();
      const before = snapshot(out);
      expect(() => run(out)).toThrow(new TypeError(message));
      expect(snapshot(out)).toEqual(before);
    }
  });

  it.each(ops)('%s refuses a Proxy as out without running any of its traps', (_name, run) => {
    let traps = 0;
    const counting = Object.fromEntries(
      (['get', 'set', 'has', 'ownKeys', 'getOwnPropertyDescriptor', 'defineProperty'] as const).map((trap) => [
        trap,
        (...args: unknown[]) => {
          traps++;
          return (Reflect[trap] as (...args: unknown[]) => unknown)(...args);
        },
      ]),
    );
    const target = [0, 0, 0];
    expect(() => run(new Proxy(target, counting))).toThrow(new TypeError('options.out must be an ordinary array, got a Proxy'));
    expect(traps).toBe(0);
    expect(target).toEqual([0, 0, 0]);
  });

  it('names a revoked Proxy as alpha, x, gradOutput, out and options', () => {
    const { proxy, revoke } = Proxy.revocable([], {});
    revoke();
    expect(() => leakyRelu(1, proxy as never)).toThrow(new TypeError('alpha must be a number, got a revoked Proxy'));
    expect(() => leakyRelu(proxy as never)).toThrow(/^x must be a number, .* got a revoked Proxy$/);
    expect(() => leakyReluBackward(proxy as never, [1])).toThrow(/^gradOutput must be .* got a revoked Proxy$/);
    expect(() => leakyRelu([1], 0.5, { out: proxy as never })).toThrow(new TypeError('options.out must be an array like x, got a revoked Proxy'));
    expect(() => leakyRelu([1], 0.5, proxy as never)).toThrow(new TypeError('options must be an object, got a revoked Proxy'));
  });

  it('still writes into an ordinary array, a subclass and one with extra properties', () => {
    class Numbers extends Array<number> {}
    const subclass = Numbers.from([0, 0, 0]);
    const extra = Object.assign([0, 0, 0], { label: () => 'x' });
    for (const out of [[0, 0, 0], subclass, extra]) expect(leakyRelu([-2, 0, 3], 0.5, { out })).toBe(out);
    expect(Array.from(extra)).toEqual([-1, 0, 3]);
  });
});
