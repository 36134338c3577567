import { describeValue } from './validate.js';

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
  /** A whole number in [0, bound). */
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
 * @param seed - Any whole number; only its low 32 bits are used.
 * @returns A generator of uniform and normal draws.
 * @throws {TypeError} when `seed` is not a whole number.
 *
 * @example
 * ```ts
 * import { createRandom } from 'leaky-relu';
 *
 * const random = createRandom(42);
 * random.uniform() //=> 0.6011037519201636
 * createRandom(42).uniform() === createRandom(42).uniform() //=> true
 * createRandom(1.5) //=> throws TypeError: seed must be a whole number, got 1.5
 * ```
 */
export function createRandom(seed: number): Random {
  if (typeof seed !== 'number' || !Number.isInteger(seed)) {
    throw new TypeError(`seed must be a whole number, got ${describeValue(seed)}`);
  }
  let state = seed >>> 0;
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
    below: (bound) => Math.floor(uniform() * bound),
  };
}
