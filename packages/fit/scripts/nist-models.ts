/**
 * The 27 NIST StRD nonlinear regression models as code: value and analytic gradient with respect to b1..bp.
 * `x` holds the predictors of one observation (x1, x2 for Nelson). Nelson is fitted on log(y) (see the data README).
 */
import { ddAdd, ddExp, ddMul, type DD } from './double-double.ts';

export type NistModel = (b: Float64Array, x: ArrayLike<number>, grad: Float64Array | null) => number;

const misra1aLike: NistModel = (b, x, g) => {
  const e = Math.exp(-b[1]! * x[0]!);
  if (g) {
    g[0] = 1 - e;
    g[1] = b[0]! * x[0]! * e;
  }
  return b[0]! * (1 - e);
};

const chwirut: NistModel = (b, x, g) => {
  const t = x[0]!;
  const e = Math.exp(-b[0]! * t);
  const d = b[1]! + b[2]! * t;
  const f = e / d;
  if (g) {
    g[0] = -t * f;
    g[1] = -f / d;
    g[2] = (-t * f) / d;
  }
  return f;
};

const lanczos: NistModel = (b, x, g) => {
  const t = x[0]!;
  let f = 0;
  for (let k = 0; k < 6; k += 2) {
    const e = Math.exp(-b[k + 1]! * t);
    f += b[k]! * e;
    if (g) {
      g[k] = e;
      g[k + 1] = -b[k]! * t * e;
    }
  }
  return f;
};

const gauss: NistModel = (b, x, g) => {
  const t = x[0]!;
  const e = Math.exp(-b[1]! * t);
  const u1 = t - b[3]!;
  const g1 = Math.exp(-(u1 * u1) / (b[4]! * b[4]!));
  const u2 = t - b[6]!;
  const g2 = Math.exp(-(u2 * u2) / (b[7]! * b[7]!));
  if (g) {
    g[0] = e;
    g[1] = -b[0]! * t * e;
    g[2] = g1;
    g[3] = (b[2]! * g1 * 2 * u1) / (b[4]! * b[4]!);
    g[4] = (b[2]! * g1 * 2 * u1 * u1) / (b[4]! * b[4]! * b[4]!);
    g[5] = g2;
    g[6] = (b[5]! * g2 * 2 * u2) / (b[7]! * b[7]!);
    g[7] = (b[5]! * g2 * 2 * u2 * u2) / (b[7]! * b[7]! * b[7]!);
  }
  return b[0]! * e + b[2]! * g1 + b[5]! * g2;
};

/** (Σ_{k<nn} b_k x^k) / (1 + Σ_{k=1..nd} b_{nn+k-1} x^k) */
function rational(nn: number, nd: number): NistModel {
  return (b, x, g) => {
    const t = x[0]!;
    let num = 0;
    let pw = 1;
    for (let k = 0; k < nn; k++, pw *= t) num += b[k]! * pw;
    let den = 1;
    pw = t;
    for (let k = 0; k < nd; k++, pw *= t) den += b[nn + k]! * pw;
    const f = num / den;
    if (g) {
      pw = 1;
      for (let k = 0; k < nn; k++, pw *= t) g[k] = pw / den;
      pw = t;
      for (let k = 0; k < nd; k++, pw *= t) g[nn + k] = (-f * pw) / den;
    }
    return f;
  };
}

export const nistModels: Record<string, NistModel> = {
  Misra1a: misra1aLike,
  BoxBOD: misra1aLike,
  Chwirut1: chwirut,
  Chwirut2: chwirut,
  Lanczos1: lanczos,
  Lanczos2: lanczos,
  Lanczos3: lanczos,
  Gauss1: gauss,
  Gauss2: gauss,
  Gauss3: gauss,
  DanWood: (b, x, g) => {
    const t = x[0]!;
    const pw = Math.pow(t, b[1]!);
    if (g) {
      g[0] = pw;
      g[1] = b[0]! * pw * Math.log(t);
    }
    return b[0]! * pw;
  },
  Misra1b: (b, x, g) => {
    const t = x[0]!;
    const u = 1 + (b[1]! * t) / 2;
    if (g) {
      g[0] = 1 - 1 / (u * u);
      g[1] = (b[0]! * t) / (u * u * u);
    }
    return b[0]! * (1 - 1 / (u * u));
  },
  Kirby2: rational(3, 2),
  Hahn1: rational(4, 3),
  Thurber: rational(4, 3),
  Nelson: (b, x, g) => {
    const e = Math.exp(-b[2]! * x[1]!);
    if (g) {
      g[0] = 1;
      g[1] = -x[0]! * e;
      g[2] = b[1]! * x[0]! * x[1]! * e;
    }
    return b[0]! - b[1]! * x[0]! * e;
  },
  MGH17: (b, x, g) => {
    const t = x[0]!;
    const e4 = Math.exp(-t * b[3]!);
    const e5 = Math.exp(-t * b[4]!);
    if (g) {
      g[0] = 1;
      g[1] = e4;
      g[2] = e5;
      g[3] = -b[1]! * t * e4;
      g[4] = -b[2]! * t * e5;
    }
    return b[0]! + b[1]! * e4 + b[2]! * e5;
  },
  Misra1c: (b, x, g) => {
    const t = x[0]!;
    const u = 1 + 2 * b[1]! * t;
    const s = 1 / Math.sqrt(u);
    if (g) {
      g[0] = 1 - s;
      g[1] = (b[0]! * t * s) / u;
    }
    return b[0]! * (1 - s);
  },
  Misra1d: (b, x, g) => {
    const t = x[0]!;
    const u = 1 + b[1]! * t;
    if (g) {
      g[0] = (b[1]! * t) / u;
      g[1] = (b[0]! * t) / (u * u);
    }
    return (b[0]! * b[1]! * t) / u;
  },
  Roszman1: (b, x, g) => {
    const t = x[0]!;
    const d = t - b[3]!;
    const q = b[2]! / d;
    if (g) {
      const s = 1 / (1 + q * q) / Math.PI;
      g[0] = 1;
      g[1] = -t;
      g[2] = -s / d;
      g[3] = (-s * b[2]!) / (d * d);
    }
    return b[0]! - b[1]! * t - Math.atan(q) / Math.PI;
  },
  ENSO: (b, x, g) => {
    const t = x[0]!;
    const a0 = (2 * Math.PI * t) / 12;
    const a4 = (2 * Math.PI * t) / b[3]!;
    const a7 = (2 * Math.PI * t) / b[6]!;
    const c0 = Math.cos(a0),
      s0 = Math.sin(a0);
    const c4 = Math.cos(a4),
      s4 = Math.sin(a4);
    const c7 = Math.cos(a7),
      s7 = Math.sin(a7);
    if (g) {
      g[0] = 1;
      g[1] = c0;
      g[2] = s0;
      g[3] = (-b[4]! * s4 + b[5]! * c4) * (-a4 / b[3]!);
      g[4] = c4;
      g[5] = s4;
      g[6] = (-b[7]! * s7 + b[8]! * c7) * (-a7 / b[6]!);
      g[7] = c7;
      g[8] = s7;
    }
    return b[0]! + b[1]! * c0 + b[2]! * s0 + b[4]! * c4 + b[5]! * s4 + b[7]! * c7 + b[8]! * s7;
  },
  MGH09: (b, x, g) => {
    const t = x[0]!;
    const num = t * t + t * b[1]!;
    const den = t * t + t * b[2]! + b[3]!;
    const f = (b[0]! * num) / den;
    if (g) {
      g[0] = num / den;
      g[1] = (b[0]! * t) / den;
      g[2] = (-f * t) / den;
      g[3] = -f / den;
    }
    return f;
  },
  Rat42: (b, x, g) => {
    const e = Math.exp(b[1]! - b[2]! * x[0]!);
    const u = 1 + e;
    if (g) {
      g[0] = 1 / u;
      g[1] = (-b[0]! * e) / (u * u);
      g[2] = (b[0]! * x[0]! * e) / (u * u);
    }
    return b[0]! / u;
  },
  MGH10: (b, x, g) => {
    const d = x[0]! + b[2]!;
    const e = Math.exp(b[1]! / d);
    const f = b[0]! * e;
    if (g) {
      g[0] = e;
      g[1] = f / d;
      g[2] = (-f * b[1]!) / (d * d);
    }
    return f;
  },
  Eckerle4: (b, x, g) => {
    const z = (x[0]! - b[2]!) / b[1]!;
    const e = Math.exp(-0.5 * z * z);
    const f = (b[0]! / b[1]!) * e;
    if (g) {
      g[0] = e / b[1]!;
      g[1] = (f * (z * z - 1)) / b[1]!;
      g[2] = (f * z) / b[1]!;
    }
    return f;
  },
  Rat43: (b, x, g) => {
    const e = Math.exp(b[1]! - b[2]! * x[0]!);
    const u = 1 + e;
    const pw = Math.pow(u, -1 / b[3]!);
    const f = b[0]! * pw;
    if (g) {
      g[0] = pw;
      g[1] = (-f * e) / (b[3]! * u);
      g[2] = (f * e * x[0]!) / (b[3]! * u);
      g[3] = (f * Math.log(u)) / (b[3]! * b[3]!);
    }
    return f;
  },
  Bennett5: (b, x, g) => {
    const u = b[1]! + x[0]!;
    const f = b[0]! * Math.pow(u, -1 / b[2]!);
    if (g) {
      g[0] = Math.pow(u, -1 / b[2]!);
      g[1] = -f / (b[2]! * u);
      g[2] = (f * Math.log(u)) / (b[2]! * b[2]!);
    }
    return f;
  },
};

/**
 * Residuals model − y in double-double arithmetic, rounded once: accurate even where the fit is near exact.
 * Provided for the Lanczos problems (sums of exponentials), whose Lanczos1 RSS ≈ 1.4e-25 is below double rounding.
 */
export const nistAccurateResiduals: Record<string, (b: Float64Array, x: DD, y: DD) => number> = {
  Lanczos1: lanczosAccurate,
  Lanczos2: lanczosAccurate,
  Lanczos3: lanczosAccurate,
};

function lanczosAccurate(b: Float64Array, x: DD, y: DD): number {
  let acc: DD = [-y[0], -y[1]];
  for (let k = 0; k < 6; k += 2) {
    const e = ddExp(ddMul([-b[k + 1]!, 0], x));
    acc = ddAdd(acc, ddMul(e, [b[k]!, 0]));
  }
  return acc[0] + acc[1];
}
