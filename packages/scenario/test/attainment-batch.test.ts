import { describe, expect, it } from 'vitest';
import { attainmentBatch, createAttainmentPool } from '../src/index.ts';
import { normalCdf } from './helpers.ts';

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

describe('createAttainmentPool (worker threads)', () => {
  it('gives the same probabilities as attainmentBatch on one thread', async () => {
    const input = {
      base: [100, 50, 10, 7],
      target: [150, 60, 30, 7],
      mu: [0.08, 0.02, 0.1, 0],
      sigma: [0.03, 0.05, 0.2, 0.01],
    };
    const options = { draws: 2000, years: 5, seed: 3 };
    const pool = createAttainmentPool(2);
    try {
      expect(await pool.run(input, options)).toEqual(attainmentBatch(input, options));
    } finally {
      await pool.close();
    }
  }, 60_000);
});
