/**
 * Fast seeded standard normals for the Monte Carlo engine: the ziggurat method of Marsaglia & Tsang (2000,
 * "The Ziggurat Method for Generating Random Variables", J. Stat. Softw. 5(8)), 128 layers, driven by an inlined
 * xoshiro128** generator whose state is drawn from the caller's `Rng` (so it is as reproducible as `createRng`).
 * About 99% of normals cost one 32-bit integer, one compare and one multiply; tables are built once with
 * `Math.exp`/`Math.log`, which are deterministic in V8.
 */
import type { Rng } from '@trajectory/core';

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

const TWO_POW_MINUS_32 = 2 ** -32;

/** A bulk source of standard normals. */
export interface NormalSource {
  /** Fills `out` (or `out[from..to)`) with independent N(0, 1) draws. */
  fill(out: Float64Array, from?: number, to?: number): Float64Array;
}

/**
 * Creates a ziggurat normal source seeded from `rng` (four `uint32()` draws).
 * @example
 * const z = createZiggurat(createRng(7)).fill(new Float64Array(1e6));
 */
export function createZiggurat(rng: Rng): NormalSource {
  let a = rng.uint32() | 0,
    b = rng.uint32() | 0,
    c = rng.uint32() | 0,
    d = rng.uint32() | 0;
  if ((a | b | c | d) === 0) a = 1;

  // xoshiro128** step shared by the rare slow paths (the hot loop inlines it)
  const next = (): number => {
    const result = Math.imul(rot(Math.imul(b, 5), 7), 9);
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rot(d, 11);
    return result;
  };
  const uni = (): number => ((next() >>> 0) + 0.5) * TWO_POW_MINUS_32; // in (0, 1): safe for log

  const slow = (hz0: number): number => {
    let hz = hz0;
    for (;;) {
      const iz = hz & 127;
      const x = hz * wn[iz]!;
      if (iz === 0) {
        let xt: number, y: number;
        do {
          xt = -Math.log(uni()) / R;
          y = -Math.log(uni());
        } while (y + y < xt * xt);
        return hz > 0 ? R + xt : -R - xt;
      }
      if (fn[iz]! + uni() * (fn[iz - 1]! - fn[iz]!) < Math.exp(-0.5 * x * x)) return x;
      hz = next();
      const j = hz & 127;
      if (Math.abs(hz) < kn[j]!) return hz * wn[j]!;
    }
  };

  const fill = (out: Float64Array, from = 0, to = out.length): Float64Array => {
    let sa = a,
      sb = b,
      sc = c,
      sd = d;
    for (let i = from; i < to; i++) {
      const hz = Math.imul(rot(Math.imul(sb, 5), 7), 9);
      const t = sb << 9;
      sc ^= sa;
      sd ^= sb;
      sb ^= sc;
      sa ^= sd;
      sc ^= t;
      sd = (sd << 11) | (sd >>> 21);
      const iz = hz & 127;
      if (Math.abs(hz) < kn[iz]!) {
        out[i] = hz * wn[iz]!;
      } else {
        a = sa;
        b = sb;
        c = sc;
        d = sd;
        out[i] = slow(hz);
        sa = a;
        sb = b;
        sc = c;
        sd = d;
      }
    }
    a = sa;
    b = sb;
    c = sc;
    d = sd;
    return out;
  };
  return { fill };
}

function rot(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
