/**
 * Seeded pseudo-random numbers: xoshiro128** (Blackman & Vigna 2018) seeded through splitmix32, with standard
 * normals by the ziggurat method (Marsaglia & Tsang 2000) on the same generator.
 *
 * Randomness is always a parameter (`rng` or `seed`), never a global, so that the same inputs and seed give
 * the same numbers on every machine and Node version: the generator uses only 32-bit integer arithmetic
 * (`Math.imul`, shifts), which JavaScript defines exactly, and the ziggurat's tables and rare slow paths use
 * `Math.exp`/`Math.log`, which V8 computes with its fdlibm port (the same bits everywhere).
 *
 * Sub-streams: `rng.fork(id)` gives the generator of one indicator, pipeline or worker slice. It depends only on
 * the root seed and the id (never on how many numbers were drawn before), so an indicator's draws do not depend on
 * which other indicators a run contains or in what order, and every variant of a run reuses the same draws
 * (common random numbers).
 *
 * @see https://prng.di.unimi.it/xoshiro128starstar.c
 * @see Marsaglia, G. & Tsang, W. W. (2000), The Ziggurat Method for Generating Random Variables, J. Stat. Softw. 5(8)
 */
export interface Rng {
  /** The seed this generator started from (a fork's seed is its derived 32-bit seed: `createRng(seed)` replays it). */
  readonly seed: number;
  /** Uniform on [0, 1) with 32 bits of resolution. */
  uniform(): number;
  /** Uniform 32-bit unsigned integer. */
  uint32(): number;
  /** Standard normal N(0, 1) (ziggurat). */
  normal(): number;
  /**
   * Fills `out[from..to)` with standard normals: the same numbers as calling `normal()` that many times, faster
   * (the generator is inlined in the loop).
   */
  fillNormal(out: Float64Array, from?: number, to?: number): Float64Array;
  /**
   * An independent, reproducible generator for sub-stream `id` (an indicator id, or an integer stream number).
   * Strings are hashed with {@link hashId}.
   */
  fork(id: string | number): Rng;
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
 * FNV-1a 32-bit hash of an id (over its UTF-16 code units): the stream number `fork` uses for a string.
 * @see http://www.isthe.com/chongo/tech/comp/fnv/
 * @example hashId('gazelle') // a fixed 32-bit unsigned integer
 */
export function hashId(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

// ---- ziggurat tables (128 layers), built once
const LAYERS = 128;
const M1 = 2147483648; // 2^31
const R = 3.442619855899; // start of the tail
const V = 9.91256303526217e-3; // area of each layer
const kn = new Int32Array(LAYERS);
const wn = new Float64Array(LAYERS);
const fn = new Float64Array(LAYERS);
{
  let dn = R;
  let tn = dn;
  const q = V / Math.exp(-0.5 * dn * dn);
  kn[0] = Math.floor((dn / q) * M1);
  kn[1] = 0;
  wn[0] = q / M1;
  wn[LAYERS - 1] = dn / M1;
  fn[0] = 1;
  fn[LAYERS - 1] = Math.exp(-0.5 * dn * dn);
  for (let i = LAYERS - 2; i >= 1; i--) {
    dn = Math.sqrt(-2 * Math.log(V / dn + Math.exp(-0.5 * dn * dn)));
    kn[i + 1] = Math.floor((dn / tn) * M1);
    tn = dn;
    fn[i] = Math.exp(-0.5 * dn * dn);
    wn[i] = dn / M1;
  }
}

/**
 * Creates a seeded generator.
 * @param seed a number in [0, 2^32); non-integers are hashed through their 32-bit truncation and fraction. There is
 *   no default here: callers pass theirs (the project's default seed is `DEFAULTS.seed` of `@trajectory/forecast`).
 * @example
 * const rng = createRng(42);
 * rng.normal(); // same value on every machine
 * rng.fork('binhai.hightech_firms').normal(); // the stream of one indicator
 */
export function createRng(seed: number): Rng {
  if (!Number.isFinite(seed)) throw new RangeError(`createRng(seed) requires a finite seed, got ${seed}`);
  // the state is seeded from 32 bits: a seed outside them would silently alias another (2^32 would be seed 0)
  if (seed < 0 || seed >= 2 ** 32)
    throw new RangeError(
      `createRng(seed) requires a seed in [0, 2^32), got ${seed} (a larger one would alias a smaller)`,
    );
  const key = ((seed >>> 0) ^ Math.imul(Math.floor((seed % 1) * 2 ** 31), 0x27d4eb2d)) >>> 0;
  const mix = splitmix32(key);
  let a = mix() | 0,
    b = mix() | 0,
    c = mix() | 0,
    d = mix() | 0;
  if ((a | b | c | d) === 0) a = 1; // xoshiro's state must not be all zero

  // signed 32-bit xoshiro128** output (the ziggurat reads it as a signed integer)
  const next = (): number => {
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9);
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return result;
  };
  const uint32 = (): number => next() >>> 0;
  const uniform = (): number => uint32() * TWO_POW_MINUS_32;
  const open = (): number => (uint32() + 0.5) * TWO_POW_MINUS_32; // in (0, 1): safe for log

  // the ziggurat's rare rejection steps (about 1% of draws), starting from the already drawn integer hz0
  const slow = (hz0: number): number => {
    let hz = hz0;
    for (;;) {
      const iz = hz & 127;
      const x = hz * wn[iz]!;
      if (iz === 0) {
        let xt: number, y: number;
        do {
          xt = -Math.log(open()) / R;
          y = -Math.log(open());
        } while (y + y < xt * xt);
        return hz > 0 ? R + xt : -R - xt;
      }
      if (fn[iz]! + open() * (fn[iz - 1]! - fn[iz]!) < Math.exp(-0.5 * x * x)) return x;
      hz = next();
      const j = hz & 127;
      if (Math.abs(hz) < kn[j]!) return hz * wn[j]!;
    }
  };

  const normal = (): number => {
    const hz = next();
    const iz = hz & 127;
    return Math.abs(hz) < kn[iz]! ? hz * wn[iz]! : slow(hz);
  };

  const fillNormal = (out: Float64Array, from = 0, to = out.length): Float64Array => {
    // the generator's state in locals: about 99% of normals cost one integer step, one compare and one multiply. The
    // inner loop holds only that fast path and leaves at a rejection, which `slow` finishes with the state written
    // back: a call inside the loop would cost every iteration its registers (about a third of the time).
    let sa = a,
      sb = b,
      sc = c,
      sd = d;
    let i = from;
    for (;;) {
      let hz = 0;
      for (; i < to; i++) {
        hz = Math.imul(rotl(Math.imul(sb, 5), 7), 9);
        const t = sb << 9;
        sc ^= sa;
        sd ^= sb;
        sb ^= sc;
        sa ^= sd;
        sc ^= t;
        sd = (sd << 11) | (sd >>> 21);
        const iz = hz & 127;
        if (Math.abs(hz) >= kn[iz]!) break;
        out[i] = hz * wn[iz]!;
      }
      if (i >= to) break;
      a = sa;
      b = sb;
      c = sc;
      d = sd;
      out[i++] = slow(hz);
      sa = a;
      sb = b;
      sc = c;
      sd = d;
    }
    a = sa;
    b = sb;
    c = sc;
    d = sd;
    return out;
  };

  const fork = (id: string | number): Rng => {
    const stream = typeof id === 'string' ? hashId(id) : id;
    if (!Number.isInteger(stream)) throw new RangeError(`rng.fork(id) requires a string or an integer, got ${id}`);
    return createRng((key ^ Math.imul((stream + 1) >>> 0, 0x9e3779b1)) >>> 0);
  };

  return { seed, uniform, uint32, normal, fillNormal, fork };
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
