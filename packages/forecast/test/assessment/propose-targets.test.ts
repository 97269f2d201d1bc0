import type { Indicator, MeasureType } from '@trajectory/core';
import { loadHistory, loadSeedIndicators } from '@trajectory/datasets/node';
import { probit } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import {
  assessTarget,
  bundledEvidence,
  customaryStep,
  mergeHistory,
  parentSeries,
  type Proposal,
  proposalIndicator,
  proposeTargets,
  roundingCandidates,
  type TargetProposals,
} from '../../src/index.ts';
import { lognormalProjector } from './fixtures.ts';

const N_PATHS = 2000;

/** Every rung, written back as a target and assessed, returns its probability; the ladder is monotone. */
function checkProposals(indicators: readonly Indicator[], result: TargetProposals, options: object): number {
  let rungs = 0;
  for (const p of result.proposals) {
    if (p.status !== 'ok') continue;
    const indicator = indicators.find((i) => i.id === p.indicatorId)!;
    expect(p.ladder.map((r) => r.requested)).toEqual(result.probabilities);
    checkMonotone(p);
    const comparator = p.direction === 'decrease' ? '<=' : '>=';
    for (const r of p.ladder) {
      const probe = proposalIndicator(indicator, result.year, r.value, comparator, result.asOf ?? undefined);
      const assessed = assessTarget(probe, probe.targets[0]!, options);
      expect(Math.abs(assessed.probability! - r.probability), `${p.indicatorId} ${r.value}`).toBeLessThanOrEqual(0.01);
      if (Math.abs(r.requested - r.probability) > 0.03) {
        // the exception must be real: neither neighbouring value at the customary step comes within 0.03
        expect(r.note, `${p.indicatorId} ${r.requested}`).not.toBeNull();
        const own = indicator.observations.filter((o) => o.year <= (result.asOf ?? Number.POSITIVE_INFINITY));
        const step = customaryStep(
          indicator.unit,
          indicator.measure,
          p.base.value,
          own.map((o) => o.value),
        );
        for (const v of [r.value - step, r.value + step]) {
          const near = proposalIndicator(indicator, result.year, v, comparator, result.asOf ?? undefined);
          const pv = assessTarget(near, near.targets[0]!, options).probability;
          if (pv !== null)
            expect(Math.abs(pv - r.requested)).toBeGreaterThanOrEqual(Math.abs(r.probability - r.requested) - 1e-12);
        }
      } else expect(r.note).toBeNull();
      rungs++;
    }
  }
  return rungs;
}

function checkMonotone(p: Proposal): void {
  for (let i = 1; i < p.ladder.length; i++) {
    const [a, b] = [p.ladder[i - 1]!, p.ladder[i]!];
    if (b.requested < a.requested) {
      expect(b.probability).toBeLessThanOrEqual(a.probability);
      if (p.direction === 'increase') expect(b.value).toBeGreaterThanOrEqual(a.value);
      else expect(b.value).toBeLessThanOrEqual(a.value);
    }
  }
}

describe('proposeTargets', () => {
  it('proposes 2025 targets from a 2020 origin for every seed indicator with an observation', () => {
    const history = loadHistory();
    const { indicators } = mergeHistory(loadSeedIndicators(), history);
    const evidence = { ...bundledEvidence()!, parents: parentSeries(history, 2020) };
    const options = { nPaths: N_PATHS, evidence };
    const result = proposeTargets(indicators, { ...options, year: 2025, asOf: 2020 });
    const withObs = indicators.filter((i) => i.observations.some((o) => o.year <= 2020 && Number.isFinite(o.value)));
    expect(result.proposals.map((p) => p.indicatorId).sort()).toEqual(withObs.map((i) => i.id).sort());
    expect(result.skipped.length).toBe(indicators.length - withObs.length);
    // a proposal without a ladder names its reason
    for (const p of result.proposals) expect(p.status === 'ok' ? p.ladder.length : p.reason).toBeTruthy();
    expect(result.proposals.filter((p) => p.status === 'ok').length).toBeGreaterThan(withObs.length * 0.9);
    expect(checkProposals(indicators, result, options)).toBeGreaterThan(500);
  }, 240_000);

  it('handles a file of mixed measures (counts, amounts, shares, growth rates) and a reduction target', () => {
    const mk = (id: string, unit: string, measure: MeasureType, values: number[], extra: Partial<Indicator> = {}) =>
      ({
        id: `synthetic.${id}`,
        region: 'synthetic',
        nameZh: id,
        nameEn: id,
        unit,
        measure,
        accumulation: 'stock',
        observations: values.map((value, k) => ({ year: 2016 + k, value, source: { doc: 'synthetic', quote: '' } })),
        targets: [],
        ...extra,
      }) as Indicator;
    const indicators: Indicator[] = [
      mk('firms', '家', 'count', [120, 140, 151, 170, 190]),
      mk('small_count', '家', 'count', [2]),
      mk('revenue', '亿元', 'amount', [812.4, 866.1, 930.7, 1002.3, 1050.9]),
      mk('services_share', '%', 'share', [52.1, 53.4, 54.0, 55.2, 56.3], { bounds: [0, 100] }),
      mk('gdp_growth', '%', 'growth', [7.1, 6.8, 6.5, 6.0, 3.1]),
      mk('energy_intensity', '吨标准煤/万元', 'rate', [0.62, 0.6, 0.58, 0.57, 0.55], {
        targets: [{ year: 2020, value: 0.55, comparator: '<=', source: { doc: 'synthetic', quote: '' } }],
      }),
    ];
    const options = { nPaths: N_PATHS };
    const result = proposeTargets(indicators, { ...options, year: 2025, asOf: 2020 });
    expect(result.proposals).toHaveLength(indicators.length);
    const by = (id: string) => result.proposals.find((p) => p.indicatorId === `synthetic.${id}`)!;
    expect(by('energy_intensity').direction).toBe('decrease');
    expect(by('firms').direction).toBe('increase');
    // counts whole, percentages one decimal, as customaryStep says
    for (const r of by('firms').ladder) expect(Number.isInteger(r.value)).toBe(true);
    for (const r of by('services_share').ladder) expect(Math.round(r.value * 10) / 10).toBe(r.value);
    for (const p of result.proposals) expect(p.status, `${p.indicatorId}: ${p.reason}`).not.toBe('projection-failed');
    expect(checkProposals(indicators, result, options)).toBeGreaterThan(10);
  }, 120_000);

  it('matches the closed-form quantile of a lognormal projection (a second method)', () => {
    const mu = 0.05;
    const sigma = 0.1;
    const indicator = {
      id: 'x.amount',
      region: 'x',
      nameZh: 'x',
      nameEn: 'x',
      unit: '亿元',
      measure: 'amount',
      accumulation: 'stock',
      observations: [{ year: 2020, value: 1000, source: { doc: 'x', quote: '' } }],
      targets: [],
    } as Indicator;
    const result = proposeTargets([indicator], {
      year: 2025,
      nPaths: 20_000,
      projector: lognormalProjector(mu, sigma),
      method: 'synthetic',
    });
    for (const r of result.proposals[0]!.ladder) {
      // P(X_2025 >= v) = r  <=>  v = 1000 exp(5 mu + sigma sqrt(5) Φ⁻¹(1 − r))
      const exact = 1000 * Math.exp(5 * mu + sigma * Math.sqrt(5) * probit(1 - r.requested));
      // Monte Carlo error of the r-quantile with 20,000 paths is below 0.5 % of the value here
      expect(Math.abs(r.value / exact - 1), `${r.requested}`).toBeLessThan(0.01);
      expect(r.annualGrowth).toBeCloseTo((r.value / 1000) ** (1 / 5) - 1, 12);
    }
  });

  it('rejects probabilities outside (0, 1)', () => {
    expect(() => proposeTargets([], { year: 2025, probabilities: [0.5, 1] })).toThrow(/\(0, 1\)/);
    expect(() => proposeTargets([], { year: 2025, probabilities: [Number.NaN] })).toThrow(/\(0, 1\)/);
  });
});

describe('customaryStep', () => {
  it('writes counts whole, percentages to one decimal, finer only where the figures are', () => {
    expect(customaryStep('家', 'count', 3200)).toBe(1);
    expect(customaryStep('万家', 'count', 6.5)).toBe(0.1);
    expect(customaryStep('%', 'share', 56.3, [56.3])).toBe(0.1);
    expect(customaryStep('%', 'share', 2.05, [2.05])).toBe(0.01);
    expect(customaryStep('亿元', 'amount', 1234.5)).toBe(1);
    expect(customaryStep('亿元', 'amount', 12.3)).toBe(0.01);
    expect(roundingCandidates(0.30000000000000004, 0.1)).toEqual([0.3, 0.3]);
    expect(roundingCandidates(12.34, 0.1)).toEqual([12.3, 12.4]);
  });
});
