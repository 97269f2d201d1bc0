import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  calibratePipeline,
  parseScenario,
  resultToJson,
  runScenario,
  simulate,
  stepDeterministic,
} from '../src/index.ts';
import type { PipelineSpec } from '../src/index.ts';

const yaml = (body: string, draws = 2000, seed = 7): string =>
  `name: t\nbaseYear: 2020\nhorizon: 2025\ndraws: ${draws}\nseed: ${seed}\n${body}`;

describe('simulate(scenario)', () => {
  it('a deterministic scenario (sd = 0) equals the closed-form path v0 (1 + g)^t, then with a growth change', () => {
    const s = parseScenario(
      yaml(
        `indicators:\n  a: { base: 200, growth: { mean: 0.07, sd: 0 } }\ninterventions:\n  - { type: growth, indicator: a, from: 2023, set: 0.12 }\n`,
        4,
      ),
      't.yaml',
    );
    const base = simulate(s).paths.get('a')!.values;
    const scen = simulate(s, { interventions: s.interventions }).paths.get('a')!.values;
    for (let d = 0; d < 4; d++) {
      for (let t = 0; t <= 5; t++) {
        expect(base[d * 6 + t]).toBeCloseTo(200 * 1.07 ** t, 9);
        const closed = t <= 2 ? 200 * 1.07 ** t : 200 * 1.07 ** 2 * 1.12 ** (t - 2);
        expect(scen[d * 6 + t]).toBeCloseTo(closed, 9);
      }
    }
  });

  it('constant mode with sd = 0 is the same closed form; shift adds to the rate', () => {
    const s = parseScenario(
      yaml(
        `indicators:\n  a: { base: 50, growth: { mean: 0.1, sd: 0, mode: constant } }\ninterventions:\n  - { type: growth, indicator: a, from: 2021, shift: -0.05 }\n`,
        2,
      ),
      't.yaml',
    );
    const v = simulate(s, { interventions: s.interventions }).paths.get('a')!.values;
    expect(v[5]).toBeCloseTo(50 * 1.05 ** 5, 9);
  });

  it('a doubling intervention doubles the stock in that year (same draws), and only from that year', () => {
    const s = parseScenario(
      yaml(
        `indicators:\n  a: { base: 16, growth: { mean: 0.05, sd: 0.1 } }\ninterventions:\n  - { type: multiply, indicator: a, factor: 2, year: 2023 }\n`,
      ),
      't.yaml',
    );
    const base = simulate(s).paths.get('a')!.values;
    const scen = simulate(s, { interventions: s.interventions }).paths.get('a')!.values;
    for (let d = 0; d < s.draws; d++) {
      for (let t = 0; t < 3; t++) expect(scen[d * 6 + t]).toBe(base[d * 6 + t]);
      for (let t = 3; t <= 5; t++) expect(scen[d * 6 + t]! / base[d * 6 + t]!).toBeCloseTo(2, 12);
    }
  });

  it('a doubling spread over years (from) compounds to exactly x2 by the year in a zero-variance run', () => {
    const s = parseScenario(
      yaml(
        `indicators:\n  a: { base: 16, growth: { mean: 0, sd: 0 } }\ninterventions:\n  - { type: multiply, indicator: a, factor: 2, from: 2020, year: 2023 }\n`,
        1,
      ),
      't.yaml',
    );
    const v = simulate(s, { interventions: s.interventions }).paths.get('a')!.values;
    expect(v[3]).toBeCloseTo(32, 10);
    expect(v[1]).toBeCloseTo(16 * 2 ** (1 / 3), 10);
    expect(v[5]).toBeCloseTo(32, 10);
  });

  it('one-off additions and caps (100% for shares)', () => {
    const s = parseScenario(
      yaml(
        `indicators:\n  a: { base: 10, growth: { mean: 0, sd: 0 } }\n  share: { base: 90, bounds: [0, 100], growth: { mean: 0.1, sd: 0.05 } }\ninterventions:\n  - { type: add, indicator: a, amount: 7, year: 2022 }\n  - { type: cap, indicator: a, max: 15, from: 2024 }\n`,
        500,
      ),
      't.yaml',
    );
    const sim = simulate(s, { interventions: s.interventions });
    expect(Array.from(sim.paths.get('a')!.values.slice(0, 6))).toEqual([10, 10, 17, 17, 15, 15]);
    expect(Math.max(...sim.paths.get('share')!.values)).toBeLessThanOrEqual(100);
    expect(Math.max(...sim.paths.get('share')!.values)).toBe(100);
  });
});

const PIPE = (stages: string, exit: string, extra = ''): string =>
  `indicators: {}\npipelines:\n  p:\n    stages: ${stages}\n    exit: ${exit}\n    growth: 0.05\n${extra}`;

describe('stock-flow pipelines', () => {
  // reported 2020 stocks: Nankai (doc 002), Binhai Hi-tech Zone Table 1 (doc 004), Hexi (doc 001)
  const regions: [string, number[]][] = [
    ['Nankai', [105, 16, 5]],
    ['Binhai', [534, 50]],
    ['Hexi', [78, 4, 5]],
  ];
  for (const [region, stocks] of regions) {
    it(`calibratePipeline reproduces ${region}'s reported 2020 stocks ${stocks.join('/')} when run from 2015`, () => {
      const exit = stocks.map((_, i) => 0.1 - 0.02 * i);
      const spec: PipelineSpec = {
        id: 'p',
        name: 'p',
        stages: stocks.map((b, i) => ({ id: `s${i}`, name: `s${i}`, base: b })),
        entry: 'calibrate',
        graduation: 'calibrate',
        exit,
        growth: 0.05,
        rateSd: 0,
        noise: false,
        assumptions: [],
      };
      const cal = calibratePipeline(spec);
      // start five years earlier on the balanced path and integrate forward with the calibrated rates
      let S = stocks.map((b) => b / 1.05 ** 5);
      for (let k = 0; k < 5; k++)
        S = stepDeterministic(S, cal.graduation, cal.exit, (cal.entry / 1.05 ** 5) * 1.05 ** k);
      S.forEach((v, i) => expect(v).toBeCloseTo(stocks[i]!, 9));
      cal.balance.forEach((b) => expect(b).toBeCloseTo(1, 12));
      cal.graduation.forEach((g) => expect(g).toBeGreaterThanOrEqual(0));
    });
  }

  it('a deterministic pipeline run keeps the balanced-growth path S (1 + r)^t', () => {
    const s = parseScenario(
      yaml(
        PIPE(
          '[{ id: a, base: 105 }, { id: b, base: 16 }, { id: c, base: 5 }]',
          '[0.1, 0.08, 0.05]',
          '    rateSd: 0\n    noise: false\n',
        ),
        3,
      ),
      't.yaml',
    );
    const sim = simulate(s);
    for (const [id, b] of [
      ['a', 105],
      ['b', 16],
      ['c', 5],
    ] as const) {
      const v = sim.paths.get(id)!.values;
      for (let t = 0; t <= 5; t++) expect(v[t]).toBeCloseTo(b * 1.05 ** t, 9);
    }
  });

  it('stocks never go negative, whatever the rates, noise and interventions (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 500, noNaN: true }), { minLength: 1, maxLength: 4 }),
        fc.double({ min: 0, max: 0.6, noNaN: true }),
        fc.double({ min: 0, max: 3, noNaN: true }),
        fc.double({ min: -200, max: 50, noNaN: true }),
        fc.integer({ min: 0, max: 2 ** 31 }),
        (bases, exitRate, rateSd, add, seed) => {
          const stages = `[${bases.map((b, i) => `{ id: s${i}, base: ${b} }`).join(', ')}]`;
          const grad =
            bases.length > 1
              ? `    graduation: [${bases
                  .slice(1)
                  .map(() => 0.3)
                  .join(', ')}]\n`
              : '';
          const text = yaml(
            `${PIPE(stages, `[${bases.map(() => exitRate).join(', ')}]`, `${grad}    entry: 20\n    rateSd: ${rateSd}\n`)}interventions:\n  - { type: add, indicator: s0, amount: ${add}, year: 2022 }\n  - { type: rate, pipeline: p, rate: exit, stage: s0, multiply: 3, from: 2023 }\n`,
            50,
            seed,
          );
          const s = parseScenario(text, 't.yaml');
          const sim = simulate(s, { interventions: s.interventions });
          for (const v of sim.paths.values()) for (const x of v.values) if (!(x >= 0)) return false;
          return true;
        },
      ),
      { numRuns: 60, seed: 42 },
    );
  });
});

describe('Monte Carlo properties', () => {
  const text = (draws: number, seed = 11) =>
    yaml(
      `indicators:\n  a: { base: 100, growth: { mean: 0.08, sd: 0.05 } }\n  b: { base: 50, growth: { mean: 0.02, sd: 0.1 } }\ntargets:\n  - { indicator: a, year: 2025, value: 150 }\n  - { indicator: b, year: 2023, value: 55 }\n  - { indicator: b, year: 2025, value: 40, comparator: "<=" }\n`,
      draws,
      seed,
    );

  it('probabilities lie in [0, 1] and their standard errors shrink as 1/sqrt(N)', () => {
    const small = runScenario(parseScenario(text(1000), 't.yaml'));
    const large = runScenario(parseScenario(text(16000), 't.yaml'));
    for (const r of [small, large])
      for (const t of r.targets) {
        expect(t.baseline.probability).toBeGreaterThanOrEqual(0);
        expect(t.baseline.probability).toBeLessThanOrEqual(1);
        expect(t.baseline.stdError).toBeCloseTo(
          Math.sqrt((t.baseline.probability * (1 - t.baseline.probability)) / t.baseline.n),
          15,
        );
      }
    // 16x the draws: se ratio = 4 * sqrt(p_l (1 - p_l) / p_s (1 - p_s)); the p's agree within MC error, so the ratio is near 4
    small.targets.forEach((t, i) => {
      const ratio = t.baseline.stdError / large.targets[i]!.baseline.stdError;
      expect(ratio).toBeGreaterThan(3.4);
      expect(ratio).toBeLessThan(4.6);
    });
  });

  it('same scenario and seed give byte-identical JSON; a different seed differs only within Monte Carlo error', () => {
    const a = resultToJson(runScenario(parseScenario(text(4000), 't.yaml')));
    const b = resultToJson(runScenario(parseScenario(text(4000), 't.yaml')));
    expect(a).toBe(b);
    // where the file lives does not change the bytes
    expect(resultToJson(runScenario(parseScenario(text(4000), '/some/machine/dir/t.yaml')))).toBe(a);
    const r1 = runScenario(parseScenario(text(4000, 11), 't.yaml'));
    const r2 = runScenario(parseScenario(text(4000, 12), 't.yaml'));
    expect(resultToJson(r1)).not.toBe(resultToJson(r2));
    r1.targets.forEach((t, i) => {
      const u = r2.targets[i]!;
      expect(Math.abs(t.baseline.probability - u.baseline.probability)).toBeLessThan(
        4 * Math.hypot(t.baseline.stdError, u.baseline.stdError) + 1e-12,
      );
    });
  });

  it('P(attain) matches the exact normal probability for a one-year horizon (second method)', () => {
    // v1 = 100 (1 + g), g ~ N(0.08, 0.05): P(v1 >= 105) = 1 - Phi((0.05 - 0.08) / 0.05) = Phi(0.6) = 0.7257468822
    const s = parseScenario(
      `name: t\nbaseYear: 2020\nhorizon: 2021\ndraws: 40000\nseed: 3\nindicators:\n  a: { base: 100, growth: { mean: 0.08, sd: 0.05 } }\ntargets:\n  - { indicator: a, year: 2021, value: 105 }\n`,
      't.yaml',
    );
    const t = runScenario(s).targets[0]!;
    expect(Math.abs(t.baseline.probability - 0.7257468822)).toBeLessThan(4 * t.baseline.stdError);
  });
});

describe('project baseline (@trajectory/forecast)', () => {
  it('uses project() paths as the baseline and applies interventions on top of the same paths', async () => {
    const { project } = await import('@trajectory/forecast');
    const s = parseScenario(
      `name: p\nbaseYear: 2020\nhorizon: 2024\ndraws: 500\nseed: 3\nindicators:\n  a: { history: { 2016: 100, 2017: 112, 2018: 120, 2019: 135, 2020: 150 }, project: { method: drift } }\ninterventions:\n  - { type: multiply, indicator: a, factor: 2, year: 2022 }\n`,
      'p.yaml',
    );
    const r = runScenario(s);
    const a = r.series.find((x) => x.id === 'a')!;
    const { createRng } = await import('@trajectory/core');
    const proj = project(
      { years: [2016, 2017, 2018, 2019, 2020], values: [100, 112, 120, 135, 150] },
      { toYear: 2024, nPaths: 500, rng: createRng(3).fork('a'), method: 'drift' },
    );
    // same paths: the baseline median equals project()'s path median in every projected year
    proj.median.forEach((m, k) => expect(a.baseline.median[k + 1]).toBeCloseTo(m, 9));
    expect(a.baseline.median[0]).toBe(150);
    // doubling in 2022 doubles every path from 2022 on, so the medians double too
    for (let k = 2; k <= 4; k++) expect(a.scenario.median[k]! / a.baseline.median[k]!).toBeCloseTo(2, 9);
    expect(r.projections[0]).toMatchObject({ id: 'a', method: 'drift' });
  });
});
