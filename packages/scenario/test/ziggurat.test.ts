import { createRng } from '@trajectory/core';
import { describe, expect, it } from 'vitest';
import { attainmentBatch, createZiggurat } from '../src/index.ts';
import { normalCdf } from './helpers.ts';

describe('createZiggurat(rng)', () => {
  it('is reproducible: same seed, same numbers; another seed, other numbers', () => {
    const a = createZiggurat(createRng(9)).fill(new Float64Array(1000));
    const b = createZiggurat(createRng(9)).fill(new Float64Array(1000));
    const c = createZiggurat(createRng(10)).fill(new Float64Array(1000));
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it('draws standard normals: moments and Kolmogorov-Smirnov against Phi', () => {
    const n = 400000;
    const z = createZiggurat(createRng(2024)).fill(new Float64Array(n));
    let m = 0,
      v = 0,
      k = 0;
    for (const x of z) m += x;
    m /= n;
    for (const x of z) {
      v += (x - m) ** 2;
      k += (x - m) ** 4;
    }
    v /= n;
    k = k / n / (v * v);
    expect(Math.abs(m)).toBeLessThan(4 / Math.sqrt(n)); // se of the mean 1/sqrt(n)
    expect(Math.abs(v - 1)).toBeLessThan(4 * Math.sqrt(2 / n)); // se of the variance sqrt(2/n)
    expect(Math.abs(k - 3)).toBeLessThan(4 * Math.sqrt(24 / n)); // se of the kurtosis sqrt(24/n)
    const sorted = Float64Array.from(z).sort();
    let d = 0;
    for (let i = 0; i < n; i++) {
      const f = normalCdf(sorted[i]!);
      d = Math.max(d, Math.abs(f - i / n), Math.abs(f - (i + 1) / n));
    }
    expect(d).toBeLessThan(1.63 / Math.sqrt(n)); // KS critical value at the 1% level
    // the tail beyond R = 3.4426 is reached with the right frequency: 2 (1 - Phi(3.4426)) = 5.76e-4
    const tail = z.filter((x) => Math.abs(x) > 3.442619855899).length / n;
    expect(Math.abs(tail - 2 * (1 - normalCdf(3.442619855899)))).toBeLessThan(4 * Math.sqrt(5.76e-4 / n));
  });
});

describe('attainmentBatch(input, options)', () => {
  it('one year: P matches the exact 1 - Phi((target/base - 1 - mu) / sigma) within Monte Carlo error', () => {
    const input = { base: [100, 50, 10], target: [105, 60, 9], mu: [0.08, 0.1, 0.02], sigma: [0.05, 0.1, 0.03] };
    const p = attainmentBatch(input, { draws: 40000, years: 1, seed: 4 });
    input.base.forEach((b, k) => {
      const exact = 1 - normalCdf((input.target[k]! / b - 1 - input.mu[k]!) / input.sigma[k]!);
      expect(Math.abs(p[k]! - exact)).toBeLessThan(4 * Math.sqrt((exact * (1 - exact)) / 40000));
    });
  });

  it('does not depend on how the indicators are split (one stream per indicator)', () => {
    const input = {
      base: [100, 50, 10, 7],
      target: [150, 60, 12, 9],
      mu: [0.08, 0.1, 0.02, 0.05],
      sigma: [0.05, 0.1, 0.03, 0.02],
    };
    const all = attainmentBatch(input, { draws: 1000, years: 5, seed: 4 });
    const parts = [
      ...attainmentBatch(input, { draws: 1000, years: 5, seed: 4, from: 0, to: 2 }),
      ...attainmentBatch(input, { draws: 1000, years: 5, seed: 4, from: 2, to: 4 }),
    ];
    expect(Array.from(all)).toEqual(parts);
  });
});
