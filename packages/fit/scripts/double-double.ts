/**
 * Minimal double-double arithmetic (value = hi + lo, ~32 significant digits) for the NIST Lanczos residuals, whose
 * certified RSS (1.4e-25) lies below the rounding noise of double-precision residuals.
 * Error-free transformations after Dekker (1971) and Knuth; exp by range reduction, a Taylor series and squaring.
 */
export type DD = [number, number];

const SPLITTER = 134217729;

function twoSum(a: number, b: number): DD {
  const s = a + b;
  const z = s - a;
  return [s, a - (s - z) + (b - z)];
}

function twoProd(a: number, b: number): DD {
  const p = a * b;
  let t = SPLITTER * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLITTER * b;
  const bh = t - (t - b);
  const bl = b - bh;
  return [p, al * bl - (p - ah * bh - al * bh - ah * bl)];
}

export function ddAdd(a: DD, b: DD): DD {
  const [s, e] = twoSum(a[0], b[0]);
  const [t, f] = twoSum(a[1], b[1]);
  let [hi, lo] = twoSum(s, e + t);
  [hi, lo] = twoSum(hi, lo + f);
  return [hi, lo];
}

export function ddMul(a: DD, b: DD): DD {
  const [p, e] = twoProd(a[0], b[0]);
  return twoSum(p, e + (a[0] * b[1] + a[1] * b[0]));
}

export function ddFromProduct(a: number, b: number): DD {
  return twoProd(a, b);
}

const LN2: DD = [0.6931471805599453, 2.3190468138462996e-17];

/** exp of a double-double, relative error ~1e-30 for |a| < 700. */
export function ddExp(a: DD): DD {
  const k = Math.round(a[0] / LN2[0]);
  // r = (a − k ln2) / 1024
  let r = ddAdd(a, ddMul([-k, 0], LN2));
  r = [r[0] / 1024, r[1] / 1024];
  // s = expm1(r) by Taylor series to r^9/9!
  let term: DD = r;
  let s: DD = r;
  for (let n = 2; n <= 9; n++) {
    term = ddMul(term, r);
    term = [term[0] / n, term[1] / n]; // division by a small integer: error ~1e-32 relative, harmless here
    s = ddAdd(s, term);
  }
  // expm1(2x) = 2 expm1(x) + expm1(x)²
  for (let i = 0; i < 10; i++) s = ddAdd([2 * s[0], 2 * s[1]], ddMul(s, s));
  const e = ddAdd([1, 0], s);
  const scale = 2 ** k;
  return [e[0] * scale, e[1] * scale];
}

/**
 * The exact value of a decimal literal as a double-double: hi = nearest double, lo = (exact − hi) rounded.
 * Exact arithmetic with BigInt; meant for data files (moderate exponents).
 *
 * @example
 * ddFromDecimal('0.1'); // [0.1, -5.551115123125783e-18]
 */
export function ddFromDecimal(text: string): DD {
  const hi = Number(text);
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text.trim());
  if (!m || !Number.isFinite(hi) || hi === 0) return [hi, 0];
  const digits = (m[2] ?? '') + (m[3] ?? '');
  let M = BigInt(digits === '' ? '0' : digits);
  if (m[1] === '-') M = -M;
  const E = Number(m[4] ?? 0) - (m[3]?.length ?? 0); // value = M · 10^E
  // hi = H · 2^b exactly.
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, hi);
  const bits = view.getBigUint64(0);
  const expBits = Number((bits >> 52n) & 0x7ffn);
  let H = bits & ((1n << 52n) - 1n);
  let b: number;
  if (expBits === 0) b = -1074;
  else {
    H |= 1n << 52n;
    b = expBits - 1075;
  }
  if (hi < 0) H = -H;
  // lo = M·10^E − H·2^b over the common denominator 10^max(0,−E) · 2^max(0,−b).
  const d10 = E < 0 ? 10n ** BigInt(-E) : 1n;
  const d2 = b < 0 ? 1n << BigInt(-b) : 1n;
  const num = M * (E >= 0 ? 10n ** BigInt(E) : 1n) * d2 - H * (b >= 0 ? 1n << BigInt(b) : 1n) * d10;
  const den = d10 * d2;
  // Scale down both so Number() keeps precision without overflow.
  const shift = BigInt(Math.max(0, den.toString(2).length - 1000));
  return [hi, Number(num >> shift) / Number(den >> shift)];
}
