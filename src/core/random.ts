import { describeValue } from '../base/describe-value.js';
import { isRevokedProxy } from '../base/is-array.js';

/**
 * A seeded generator of pseudo-random numbers, so every experiment replays
 * exactly. Mulberry32 (Tommy Ettinger's 32-bit generator): small, fast, and
 * good enough for initialisations and shuffles; not for cryptography.
 */
export interface Random {
  /** A float in [0, 1), with 32 random bits. */
  uniform(): number;
  /** A standard normal draw (Box–Muller on two uniforms). */
  normal(): number;
  /** A whole number in [0, bound), for a whole `bound` of 1 or more. */
  below(bound: number): number;
}

/**
 * Creates a seeded generator: the same seed gives the same sequence on every
 * platform, since it uses only 32-bit integer arithmetic.
 *
 * ```text
 * state = state + 0x6D2B79F5 (mod 2^32), then a fixed mix of shifts and multiplies
 * ```
 *
 * The generator's whole state is 32 bits, so there are 2³² streams, one per
 * seed: the seed is a whole number from 0 to 2³² − 1 (4294967295), and any
 * other number is refused rather than folded onto one of these.
 *
 * @param seed - A whole number from 0 to 4294967295.
 * @returns A generator of uniform and normal draws.
 * @throws {TypeError} when `seed` is not a number.
 * @throws {RangeError} when `seed` is not a whole number from 0 to 4294967295.
 *
 * @example
 * ```ts
 * import { createRandom } from 'leaky-relu';
 *
 * const random = createRandom(42);
 * random.uniform() //=> 0.6011037519201636
 * createRandom(42).uniform() === createRandom(42).uniform() //=> true
 * createRandom(1.5) //=> throws RangeError: seed must be a whole number from 0 to 4294967295, got 1.5
 * createRandom(1e300) //=> throws RangeError: seed must be a whole number from 0 to 4294967295, got 1e+300
 * ```
 */
export function createRandom(seed: number): Random {
  let state = checkSeed(seed, 'seed');
  const uniform = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
  return {
    uniform,
    normal: () => {
      // 1 - u lies in (0, 1], so the logarithm is finite.
      const radius = Math.sqrt(-2 * Math.log(1 - uniform()));
      return radius * Math.cos(2 * Math.PI * uniform());
    },
    below: (bound) => {
      if (typeof bound !== 'number') throw new TypeError(`bound must be a number, got ${describeValue(bound)}`);
      if (!Number.isSafeInteger(bound) || bound < 1) {
        throw new RangeError(`bound must be a whole number, 1 or more, got ${describeValue(bound)}`);
      }
      return Math.floor(uniform() * bound);
    },
  };
}

/** The largest seed: the generator's state is one 32-bit word. */
export const MAX_SEED = 2 ** 32 - 1;

/**
 * Checks a seed: a whole number from 0 to {@link MAX_SEED}.
 *
 * @throws {TypeError} when `value` is not a number.
 * @throws {RangeError} when it is not a whole number in that range.
 */
export function checkSeed(value: unknown, name: string): number {
  if (typeof value !== 'number') throw new TypeError(`${name} must be a number, got ${describeValue(value)}`);
  if (!Number.isInteger(value) || value < 0 || value > MAX_SEED) {
    throw new RangeError(`${name} must be a whole number from 0 to ${MAX_SEED}, got ${describeValue(value)}`);
  }
  return value;
}

/**
 * Checks a generator passed in by the caller: an object with a `uniform`
 * method, such as {@link createRandom} returns. Its draws are checked as they
 * are made, with {@link checkedUniform}.
 *
 * @throws {TypeError} for anything else.
 */
export function checkGenerator(value: unknown, name: string): Random {
  if (typeof value !== 'object' || value === null || isRevokedProxy(value) || typeof (value as Partial<Random>).uniform !== 'function') {
    throw new TypeError(`${name} must be a generator with a uniform() method, such as createRandom(seed) returns, got ${describeValue(value)}`);
  }
  return value as Random;
}

/**
 * One draw of a caller's generator, checked: a bad generator is an error, never a silent `NaN`.
 *
 * @throws {RangeError} when `random.uniform()` is not a number in [0, 1).
 */
export function checkedUniform(random: Random, name: string): number {
  const draw: unknown = random.uniform();
  if (typeof draw !== 'number' || !(draw >= 0 && draw < 1)) {
    throw new RangeError(`${name}.uniform() must return a number in [0, 1), got ${describeValue(draw)}`);
  }
  return draw;
}

/**
 * One normal draw of a caller's generator, checked.
 *
 * @throws {RangeError} when `random.normal()` is not a finite number.
 */
export function checkedNormal(random: Random, name: string): number {
  const draw: unknown = typeof random.normal === 'function' ? random.normal() : undefined;
  if (typeof draw !== 'number' || !Number.isFinite(draw)) {
    throw new RangeError(`${name}.normal() must return a finite number, got ${describeValue(draw)}`);
  }
  return draw;
}
