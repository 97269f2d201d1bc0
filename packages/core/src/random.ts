/**
 * Seeded pseudo-random numbers: xoshiro128** (Blackman & Vigna 2018) seeded through splitmix32.
 *
 * Randomness is always a parameter (`rng` or `seed`), never a global, so that the same inputs and seed give
 * the same numbers on every machine. Only 32-bit integer arithmetic (`Math.imul`, shifts) is used, which
 * JavaScript defines exactly; normals use the polar method, whose `Math.log`/`Math.sqrt` are deterministic in V8.
 *
 * @see https://prng.di.unimi.it/xoshiro128starstar.c
 */
export interface Rng {
  /** The seed this generator started from. */
  readonly seed: number;
  /** Uniform on [0, 1) with 32 bits of resolution. */
  uniform(): number;
  /** Uniform 32-bit unsigned integer. */
  uint32(): number;
  /** Standard normal N(0, 1) by Marsaglia's polar method. */
  normal(): number;
  /** Fills `out` with standard normals; faster than calling `normal()` in a loop. */
  fillNormal(out: Float64Array): Float64Array;
  /** An independent generator for sub-stream `stream` (e.g. one per indicator), itself reproducible. */
  fork(stream: number): Rng;
}

const TWO_POW_MINUS_32 = 2 ** -32;

function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) | 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/**
 * Creates a seeded generator.
 * @param seed any finite number; non-integers are hashed through their 32-bit truncation and fraction.
 * @example
 * const rng = createRng(42);
 * rng.normal(); // same value on every machine
 */
export function createRng(seed = 20250101): Rng {
  if (!Number.isFinite(seed)) throw new RangeError(`createRng(seed) requires a finite seed, got ${seed}`);
  const mix = splitmix32((seed >>> 0) ^ Math.imul(Math.floor((seed % 1) * 2 ** 31), 0x27d4eb2d));
  let a = mix(),
    b = mix(),
    c = mix(),
    d = mix();
  if ((a | b | c | d) === 0) a = 1; // xoshiro's state must not be all zero

  const uint32 = (): number => {
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return result;
  };
  const uniform = (): number => uint32() * TWO_POW_MINUS_32;

  let spare = NaN;
  const normal = (): number => {
    if (spare === spare) {
      const z = spare;
      spare = NaN;
      return z;
    }
    let u: number, v: number, s: number;
    do {
      u = 2 * uniform() - 1;
      v = 2 * uniform() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const m = Math.sqrt((-2 * Math.log(s)) / s);
    spare = v * m;
    return u * m;
  };

  const fillNormal = (out: Float64Array): Float64Array => {
    for (let i = 0; i < out.length; i++) out[i] = normal();
    return out;
  };

  const fork = (stream: number): Rng => createRng(((seed >>> 0) ^ Math.imul((stream + 1) >>> 0, 0x9e3779b1)) >>> 0);

  return { seed, uniform, uint32, normal, fillNormal, fork };
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
