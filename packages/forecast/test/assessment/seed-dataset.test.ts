import { describe, expect, it } from 'vitest';
import { loadSeedIndicators } from '@trajectory/datasets/node';
import { assessPlan, type PlanAssessment } from '../../src/assessment/index.ts';

// The whole seed dataset through the default projection engine (project of @trajectory/forecast).
describe('assessPlan(loadSeedIndicators())', () => {
  const indicators = loadSeedIndicators();
  const plan: PlanAssessment = assessPlan(indicators, { seed: 11 });

  it('assesses every target without throwing', () => {
    const withTargets = indicators.filter((i) => i.targets.length > 0);
    expect(plan.summary.targets).toBe(withTargets.reduce((n, i) => n + i.targets.length, 0));
    expect(plan.summary.assessed).toBeGreaterThan(0);
  });

  it('gives every target a probability in [0, 1] or a status with a reason, and four named verdicts', () => {
    for (const t of plan.regions.flatMap((r) => r.targets)) {
      if (t.probability === null) {
        expect(t.status).not.toBe('ok');
        expect(t.reason).toBeTruthy();
      } else {
        expect(t.probability).toBeGreaterThanOrEqual(0);
        expect(t.probability).toBeLessThanOrEqual(1);
        expect(t.projection!.method).toBeTruthy();
      }
      expect(t.verdicts.map((v) => v.assessor)).toEqual(['eurostat', 'escap', 'sdsn', 'xushi']);
      expect(t.verdicts.every((v) => v.name.length > 0 && v.source.length > 0 && v.rule.length > 0)).toBe(true);
    }
    expect(JSON.parse(JSON.stringify(plan))).toEqual(plan);
  });

  it('shows the Nankai 2023 high-tech firm targets 650 (启航湾 plan) and 500 (action plan) side by side', () => {
    const nankai = plan.regions.find((r) => r.region === 'nankai')!;
    const conflict = nankai.conflicts.find((c) => c.id === 'nankai.hightech_firms@2023')!;
    expect([...conflict.values].sort()).toEqual([500, 650]);
    const p = (v: number) => conflict.probabilities[conflict.values.indexOf(v)]!;
    // one set of paths: reaching 650 implies reaching 500
    expect(p(650)).toBeLessThanOrEqual(p(500));
    const members = nankai.targets.filter((t) => conflict.keys.includes(t.key));
    expect(members.map((m) => m.status)).toEqual(['ok', 'ok']);
    expect(members.every((m) => m.base?.value === 321 && m.base.year === 2020)).toBe(true);
    expect(new Set(members.map((m) => m.target.source.doc)).size).toBe(2);
  });

  it("resolves Hexi's 倍增 (doubling) of high-tech firms against the 2020 base", () => {
    const hexi = plan.regions.find((r) => r.region === 'hexi')!;
    const doubling = hexi.targets.find((t) => t.indicatorId === 'hexi.hightech_firms' && t.target.relative !== null)!;
    expect(doubling.target.relative!.baseYear).toBe(2020);
    expect(doubling.target.value).toBeCloseTo(2 * doubling.target.relative!.baseValue!, 9);
    expect(hexi.targets.some((t) => t.indicatorId === 'hexi.hightech_firms' && t.status === 'target-blank')).toBe(true);
  });

  it('is reproducible with the same seed', () => {
    const again = assessPlan(indicators, { seed: 11, region: 'binhai' });
    expect(again.regions[0]).toEqual(plan.regions.find((r) => r.region === 'binhai'));
  });
});
