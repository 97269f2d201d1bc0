import { createRng } from '@trajectory/core';
import { describe, expect, it } from 'vitest';
import { buildPriors, dynamicsOf, estimatePrior, type PanelObservation, projectPooled } from '../../src/index.ts';

/** A synthetic panel: region drifts ~ N(mu, tau), yearly noise sd sigma, on the log scale. */
function panel(
  type: string,
  regions: number,
  mu: number,
  tau: number,
  sigma: number,
  seed: number,
): PanelObservation[] {
  const rng = createRng(seed);
  const rows: PanelObservation[] = [];
  for (let r = 0; r < regions; r++) {
    const drift = mu + tau * rng.normal();
    let z = Math.log(100 + 50 * r);
    for (let y = 2010; y <= 2020; y++) {
      rows.push({ type, region: `r${r}`, year: y, value: Math.exp(z) });
      z += drift + sigma * rng.normal();
    }
  }
  return rows;
}

describe('dynamicsOf(input)', () => {
  it('chooses the scale by measure and refuses ranks, unknown measures and negative counts', () => {
    const share = dynamicsOf({ measure: 'share', unit: '%', bounds: [0, 100] });
    expect(share.ok && share.dynamics.kind).toBe('logit');
    expect(share.ok && share.dynamics.inverse(share.dynamics.forward(37))).toBeCloseTo(37, 10);
    const level = dynamicsOf({ measure: 'level', unit: '岁' });
    expect(level.ok && level.dynamics.kind).toBe('additive');
    const growth = dynamicsOf({ measure: 'growth', unit: '%', values: [-1.5] });
    expect(growth.ok && growth.dynamics.kind).toBe('mean-reverting');
    const zero = dynamicsOf({ measure: 'count', unit: '个', values: [0] });
    expect(zero.ok && zero.dynamics.shift).toBe(1);
    const rank = dynamicsOf({ measure: 'count', unit: '位' });
    expect(rank.ok).toBe(false);
    expect(!rank.ok && rank.reason).toMatch(/rank/);
    const unknown = dynamicsOf({ measure: 'index' });
    expect(!unknown.ok && unknown.reason).toMatch(/measure 'index'/);
    expect(dynamicsOf({ measure: 'count', values: [-3] }).ok).toBe(false);
  });
});

describe('estimatePrior(rows)', () => {
  it('recovers the generating drift, between-region sd and noise of a synthetic panel', () => {
    // 200 regions × 10 changes: SEs ≈ 0.003 (μ), 0.003 (τ), 0.0009 (σ)
    const prior = estimatePrior(panel('gdp', 200, 0.08, 0.03, 0.05, 1));
    expect(prior.kind).toBe('log');
    expect(prior.nRegions).toBe(200);
    expect(Math.abs(prior.drift - 0.08)).toBeLessThan(0.01);
    expect(Math.abs(prior.betweenSd - 0.03)).toBeLessThan(0.01);
    expect(Math.abs(prior.noiseSd - 0.05)).toBeLessThan(0.004);
  });

  it('names the type when it cannot be estimated', () => {
    expect(() => estimatePrior(panel('gdp', 2, 0.08, 0.03, 0.05, 1))).toThrow(/type 'gdp' has 2 series/);
    expect(() => estimatePrior(panel('mystery', 5, 0, 0, 0.1, 1))).toThrow(/'mystery' has no known measure/);
  });

  it('buildPriors adds a pooled prior per dynamics kind and respects the era', () => {
    const rows = [...panel('gdp', 30, 0.08, 0.02, 0.03, 2), ...panel('hightech_firms', 30, 0.2, 0.05, 0.1, 3)];
    const priors = buildPriors(rows, { toYear: 2015 });
    expect(Object.keys(priors).sort()).toEqual(['gdp', 'hightech_firms', 'pooled:log']);
    expect(priors.gdp!.toYear).toBe(2015);
    expect(priors['pooled:log']!.drift).toBeGreaterThan(priors.gdp!.drift);
    expect(priors['pooled:log']!.drift).toBeLessThan(priors.hightech_firms!.drift);
  });
});

describe('projectPooled(series, options)', () => {
  const prior = estimatePrior(panel('gdp', 200, 0.08, 0.03, 0.05, 4));
  const dyn = dynamicsOf({ measure: 'amount' });
  if (!dyn.ok) throw new Error('amount has dynamics');
  const dynamics = dyn.dynamics;

  it('weights its own drift by span/(span + σ²/τ²) (the normal–normal posterior)', () => {
    const one = projectPooled(
      { years: [2020], values: [100] },
      { dynamics, prior, toYear: 2025, nPaths: 200, seed: 1 },
    );
    expect(one.pooling.own).toBeNull();
    expect(one.pooling.prior.weight).toBe(1);
    const values = [100, 110, 121, 133.1, 146.41, 161.05];
    const six = projectPooled(
      { years: [2015, 2016, 2017, 2018, 2019, 2020], values },
      { dynamics, prior, toYear: 2025, nPaths: 200, seed: 1 },
    );
    const sigma = six.pooling.noiseSd;
    const k = sigma ** 2 / prior.betweenSd ** 2;
    expect(six.pooling.own!.weight).toBeCloseTo(5 / (5 + k), 10);
    expect(six.pooling.posterior.estimate).toBeCloseTo(
      (5 / (5 + k)) * (Math.log(161.05 / 100) / 5) + (k / (5 + k)) * prior.drift,
      10,
    );
  });

  it('covers the truth at the nominal rate when series come from the prior (80 % interval, 5 years ahead)', () => {
    const rng = createRng(11);
    let inside = 0;
    const trials = 400;
    for (let t = 0; t < trials; t++) {
      const drift = prior.drift + prior.betweenSd * rng.normal();
      const z = [Math.log(500)];
      for (let h = 1; h <= 7; h++) z.push(z[h - 1]! + drift + prior.noiseSd * rng.normal());
      const p = projectPooled(
        { years: [2018, 2019, 2020], values: z.slice(0, 3).map(Math.exp) },
        {
          dynamics,
          prior,
          toYear: 2025,
          nPaths: 400,
          seed: t,
        },
      );
      const i80 = p.intervals.find((i) => i.level === 80)!;
      const truth = Math.exp(z[7]!);
      if (truth >= i80.lower[4]! && truth <= i80.upper[4]!) inside++;
    }
    // binomial SE at 0.8 with 400 trials = 0.02; allow 3 SE
    expect(Math.abs(inside / trials - 0.8)).toBeLessThan(0.06);
  });

  it('keeps shares strictly inside their bounds and lets growth rates go negative', () => {
    const share = dynamicsOf({ measure: 'share', unit: '%', bounds: [0, 100] });
    if (!share.ok) throw new Error('share');
    const sharePrior = { ...prior, kind: 'logit' as const, drift: 0.3, betweenSd: 0.3, noiseSd: 0.5 };
    const p = projectPooled(
      { years: [2020], values: [96] },
      { dynamics: share.dynamics, prior: sharePrior, toYear: 2030, nPaths: 1000, seed: 2 },
    );
    expect(Math.max(...p.paths.values)).toBeLessThan(100);
    expect(Math.min(...p.paths.values)).toBeGreaterThan(0);
    const growth = dynamicsOf({ measure: 'growth', unit: '%' });
    if (!growth.ok) throw new Error('growth');
    const growthPrior = { ...prior, kind: 'mean-reverting' as const, typical: 6, typicalSd: 1, phi: 0.5, noiseSd: 1.5 };
    const g = projectPooled(
      { years: [2020], values: [-1.5] },
      { dynamics: growth.dynamics, prior: growthPrior, toYear: 2025, nPaths: 2000, seed: 3 },
    );
    // reverts: median moves from −1.5 toward the typical 6 (pulled by the own −1.5 with its stationary sd)
    expect(g.median[0]!).toBeGreaterThan(-1.5);
    expect(g.median[4]!).toBeGreaterThan(g.median[0]!);
    expect(Math.min(...g.paths.values)).toBeLessThan(0);
  });

  it('growth rates revert toward a common level that moves with the panel (a shared slowdown is not persistence)', () => {
    // 30 regions: common level 10 − 0.5·(year − 2010), fixed regional offsets, AR(0.5) deviations around them
    const rng = createRng(11);
    const rows: PanelObservation[] = [];
    for (let r = 0; r < 30; r++) {
      const offset = rng.normal();
      let u = 0;
      for (let y = 2010; y <= 2019; y++) {
        u = 0.5 * u + 0.3 * rng.normal();
        rows.push({ type: 'gdp_growth', region: `r${r}`, year: y, value: 10 - 0.5 * (y - 2010) + offset + u });
      }
    }
    const prior = estimatePrior(rows);
    expect(prior.typicalTrend!).toBeCloseTo(-0.5, 1);
    expect(prior.typical!).toBeCloseTo(10 - 0.5 * 9, 0);
    // deviations from the common level are an AR(0.5), not the near-unit root the raw slowdown suggests
    expect(prior.phi!).toBeGreaterThan(0.2);
    expect(prior.phi!).toBeLessThan(0.7);
    const growth = dynamicsOf({ measure: 'growth', unit: '%' });
    if (!growth.ok) throw new Error('growth');
    // a region at the common level keeps following it down
    const g = projectPooled(
      { years: [2015, 2016, 2017, 2018, 2019], values: [7.5, 7, 6.5, 6, 5.5] },
      { dynamics: growth.dynamics, prior, toYear: 2022, nPaths: 4000, seed: 4 },
    );
    expect(g.median[2]!).toBeLessThan(5.5 - 0.5);
    expect(g.median[2]!).toBeGreaterThan(5.5 - 3 * 0.5 - 1);
  });
});
