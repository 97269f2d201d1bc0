import { describe, expect, it } from 'vitest';
import { goalSeek, parseScenario } from '../src/index.ts';

describe('goalSeek(scenario, goal)', () => {
  it('zero variance: the growth needed is the closed form (target / base)^(1/n) - 1', () => {
    const s = parseScenario(
      `name: g\nbaseYear: 2020\nhorizon: 2025\ndraws: 50\nindicators:\n  a: { base: 1597, history: { 2015: 1000, 2020: 1597 }, growth: { mean: 0.05, sd: 0 } }\ntargets:\n  - { label: t, indicator: a, year: 2025, value: 2500 }\ngoals:\n  - { target: t, lever: { kind: growth, indicator: a } }\n`,
      'g.yaml',
    );
    const r = goalSeek(s, s.goals[0]!);
    expect(r.status).toBe('found');
    // bisection stops at 1e-6 of the bracket [-0.5, 1]: the closed form within 2e-6 * 1.5
    expect(Math.abs(r.value! - ((2500 / 1597) ** (1 / 5) - 1))).toBeLessThan(3e-6);
    expect(r.value! - ((2500 / 1597) ** (1 / 5) - 1)).toBeGreaterThanOrEqual(0); // the smallest value reaching it
    expect(r.historical.value).toBeCloseTo((1597 / 1000) ** (1 / 5) - 1, 12);
    expect(r.historical.basis).toContain('2015-2020');
  });

  it('constant-rate paths: the growth mean needed for P >= 0.8 is g* + z_0.8 sd (exact normal quantile)', () => {
    // v5 = 100 (1 + g)^5, g ~ N(m, 0.04): P(v5 >= 150) = P(g >= g*) with g* = 1.5^(1/5) - 1, so m = g* + 0.8416212336 * 0.04
    const s = parseScenario(
      `name: g\nbaseYear: 2020\nhorizon: 2025\ndraws: 20000\nseed: 5\nindicators:\n  a: { base: 100, growth: { mean: 0.05, sd: 0.04, mode: constant } }\ntargets:\n  - { label: t, indicator: a, year: 2025, value: 150 }\ngoals:\n  - { target: t, lever: { kind: growth, indicator: a }, probability: 0.8 }\n`,
      'g.yaml',
    );
    const r = goalSeek(s, s.goals[0]!);
    const exact = 1.5 ** 0.2 - 1 + 0.8416212336 * 0.04;
    // MC error of the quantile: sd * sqrt(p (1 - p) / N) / phi(z) = 0.04 * 0.004 / 0.28 ~ 0.0006
    expect(Math.abs(r.value! - exact)).toBeLessThan(0.0025);
    expect(r.attained.probability).toBeGreaterThanOrEqual(0.8);
  });

  it('inflow lever: zero variance needs exactly the missing amount spread over the years', () => {
    // a stays at 100 without help; an inflow of x a year from 2020 adds x per year: 100 + 5 x >= 130 -> x = 6
    const s = parseScenario(
      `name: g\nbaseYear: 2020\nhorizon: 2025\ndraws: 10\nindicators:\n  a: { base: 100, growth: { mean: 0, sd: 0 } }\ntargets:\n  - { label: t, indicator: a, year: 2025, value: 130 }\ngoals:\n  - { target: t, lever: { kind: inflow, indicator: a } }\n`,
      'g.yaml',
    );
    const r = goalSeek(s, s.goals[0]!);
    // bisection stops at 1e-6 of the bracket (here [0, 1000]) on the reaching side: 6 <= value <= 6 + 1e-3
    expect(r.value! - 6).toBeGreaterThanOrEqual(0);
    expect(r.value! - 6).toBeLessThanOrEqual(1e-6 * (r.range[1] - r.range[0]));
    expect(r.historical.value).toBe(0);
  });

  it('reports unreachable targets and targets met at the range start', () => {
    const s = parseScenario(
      `name: g\nbaseYear: 2020\nhorizon: 2022\ndraws: 100\nindicators:\n  a: { base: 100, growth: { mean: 0, sd: 0 } }\ntargets:\n  - { label: far, indicator: a, year: 2022, value: 1000000 }\n  - { label: near, indicator: a, year: 2022, value: 1 }\ngoals:\n  - { target: far, lever: { kind: growth, indicator: a }, range: [0, 0.5] }\n  - { target: near, lever: { kind: growth, indicator: a }, range: [0, 0.5] }\n`,
      'g.yaml',
    );
    expect(goalSeek(s, s.goals[0]!)).toMatchObject({ status: 'unreachable-in-range', value: null });
    expect(goalSeek(s, s.goals[1]!)).toMatchObject({ status: 'met-at-range-start', value: 0 });
  });

  it('graduation lever in a pipeline: more graduation out of stage 1 raises stage 2, reported beside the calibrated rate', () => {
    const s = parseScenario(
      `name: g\nbaseYear: 2020\nhorizon: 2023\ndraws: 2000\nindicators: {}\npipelines:\n  p:\n    stages: [{ id: chuying, base: 105 }, { id: gazelle, base: 16 }]\n    exit: [0.1, 0.08]\n    growth: 0.05\ntargets:\n  - { label: double, indicator: gazelle, year: 2023, multiple: 2 }\ngoals:\n  - { target: double, lever: { kind: graduation, pipeline: p, stage: chuying } }\n`,
      'g.yaml',
    );
    const r = goalSeek(s, s.goals[0]!);
    expect(r.status).toBe('found');
    expect(r.historical.value).toBeCloseTo(((0.08 + 0.05) * 16) / 105, 12);
    expect(r.value!).toBeGreaterThan(r.historical.value);
    expect(r.attained.probability).toBeGreaterThanOrEqual(0.8);
  });
});

describe('goalSeek under the scenario', () => {
  it('with a doubling intervention applied, the growth needed drops from 4^(1/5) - 1 to 2^(1/5) - 1', () => {
    const s = parseScenario(
      `name: g\nbaseYear: 2020\nhorizon: 2025\ndraws: 20\nindicators:\n  a: { base: 100, growth: { mean: 0, sd: 0 } }\ninterventions:\n  - { type: multiply, indicator: a, factor: 2, year: 2023 }\ntargets:\n  - { label: t, indicator: a, year: 2025, value: 400 }\ngoals:\n  - { target: t, lever: { kind: growth, indicator: a } }\n  - { target: t, lever: { kind: growth, indicator: a }, under: scenario }\n`,
      'g.yaml',
    );
    const [base, scen] = s.goals.map((g) => goalSeek(s, g));
    expect(base!.under).toBe('baseline');
    expect(base!.value!).toBeCloseTo(4 ** 0.2 - 1, 5);
    expect(scen!.under).toBe('scenario');
    expect(scen!.value!).toBeCloseTo(2 ** 0.2 - 1, 5);
  });
});
