import { describe, expect, it } from 'vitest';
import { createRng } from '@trajectory/core';
import { upperTriangularInverse } from '../src/linalg/triangular-inverse.ts';

describe('upperTriangularInverse(p, rAt)', () => {
  it('inverts a 2 × 2 by hand: [[2, 1], [0, 4]]⁻¹ = [[1/2, −1/8], [0, 1/4]]', () => {
    const r = [
      [2, 1],
      [0, 4],
    ];
    expect([...upperTriangularInverse(2, (i, j) => r[i]![j]!)]).toEqual([0.5, -0.125, 0, 0.25]);
  });

  it('R · R⁻¹ = I for a random well-conditioned 6 × 6 (a second method: the product)', () => {
    const p = 6;
    const rng = createRng(7);
    const r = Array.from({ length: p }, (_, i) =>
      Array.from({ length: p }, (_, j) => (j < i ? 0 : j === i ? 2 + rng.uniform() : rng.uniform() - 0.5)),
    );
    const inv = upperTriangularInverse(p, (i, j) => r[i]![j]!);
    for (let i = 0; i < p; i++) {
      for (let j = 0; j < p; j++) {
        let s = 0;
        for (let k = 0; k < p; k++) s += r[i]![k]! * inv[k * p + j]!;
        expect(Math.abs(s - (i === j ? 1 : 0))).toBeLessThan(1e-14);
      }
    }
  });
});
