/**
 * The curve path of the pooled projection (issue 12, item 3): families chosen by AICc, the slope pooled with the
 * type prior, the capacity respected; checked against closed forms on exact data and, for plausibility, on every
 * reference-panel series from a 2015 origin.
 */
import { readIndicatorCsv, rowsToIndicators } from '@trajectory/core';
import { listPanelTypes, loadPanel } from '@trajectory/datasets/node';
import { describe, expect, it } from 'vitest';
import {
  assessPlan,
  buildPriors,
  bundledEvidence,
  dynamicsOf,
  logDynamics,
  logitDynamics,
  PANEL_TYPES,
  type PanelObservation,
  PRIOR_NOISE_DF,
  priorFor,
  projectCurve,
  projectPooled,
  type TypePrior,
} from '../../src/index.ts';

const evidence = bundledEvidence()!;
const countPrior = priorFor(evidence, 'x.hightech_firms', 'log', 'count')!;
const years = [2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020];

/** A user's indicators file (the seed columns) with one indicator's observations and a target. */
function userFile(id: string, unit: string, measure: string, obs: number[], target: [number, number], upper = '') {
  const head =
    'id,doc,region,indicator,indicator_zh,indicator_en,kind,year,value,value_text,unit,comparator,measure,accumulation,period_start,period_end,lower,upper,relative_kind,relative_amount,relative_base_year,relative_text,attribute,scope,note,quote';
  const row = (kind: string, year: number, value: number, comparator = '') =>
    `${id}.${year}.${kind},user.txt,district_x,${id},指标,indicator,${kind},${year},${value},${value},${unit},${comparator},${measure},stock,,,${upper ? 0 : ''},${upper},,,,,,,,${value}`;
  const lines = [head, ...obs.map((v, i) => row('observed', years[i]!, v)), row('target', target[0], target[1], '>=')];
  return rowsToIndicators(readIndicatorCsv(`${lines.join('\n')}\n`, 'user.csv', { unknownUnits: 'label' }), {
    file: 'user.csv',
    unknownUnits: 'label',
  });
}

describe('projectCurve: the family chosen by AICc', () => {
  it('a user file with clearly logistic counts chooses logistic, and no path crosses its capacity', () => {
    // K = 800, r = 0.7, inflection in 2016, with ±1 % alternating deviations
    const obs = years.map((y, i) => (800 / (1 + Math.exp(-0.7 * (y - 2016)))) * (1 + (i % 2 ? 0.01 : -0.01)));
    const indicators = userFile('district_x.firms', '家', 'count', obs, [2025, 790]);
    const plan = assessPlan(indicators, { curves: {}, nPaths: 4000, seed: 3 });
    const t = plan.regions[0]!.targets[0]!;
    expect(t.status).toBe('ok');
    expect(t.projection?.method).toBe('pooled-curve');
    const curve = t.projection!.curve!;
    expect(curve.chosen).toBe('logistic');
    expect(curve.candidates[0]!.model).toBe('logistic');
    expect(curve.candidates[0]!.weight).toBeGreaterThan(0.9);
    const K = curve.capacity!;
    expect(Math.abs(K - 800) / 800).toBeLessThan(0.03);
    // the projection respects the capacity: median and every band below K, 2021–2025
    for (const b of t.fan!.bands) for (const u of b.upper) expect(u).toBeLessThan(K);
    for (const m of t.fan!.median) expect(m).toBeLessThan(K);
    // the provenance: prior, own curve, weights summing to one
    const pool = t.projection!.pooling!;
    expect(pool.own!.from).toMatch(/logistic curve fitted to 2013–2020 \(8 observations/);
    expect(pool.prior.weight + (pool.parent?.weight ?? 0) + pool.own!.weight).toBeCloseTo(1, 12);
  });

  it('exponential counts choose the exponential', () => {
    const obs = years.map((y, i) => 120 * Math.exp(0.15 * (y - 2013)) * (1 + (i % 2 ? 0.01 : -0.01)));
    const indicators = userFile('district_x.patents', '件', 'count', obs, [2025, 900]);
    const t = assessPlan(indicators, { curves: {}, nPaths: 2000 }).regions[0]!.targets[0]!;
    expect(t.projection?.curve?.chosen).toBe('exponential');
  });

  it('a share with logistic data fixes the capacity at its upper bound', () => {
    const obs = years.map((y) => 100 / (1 + Math.exp(-0.5 * (y - 2017))));
    const r = projectCurve(
      { years, values: obs },
      { dynamics: logitDynamics([0, 100]), prior: sharePrior(), toYear: 2030, nPaths: 2000, seed: 1, window: {} },
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.projection.curve.chosen).toBe('logistic');
    expect(r.projection.curve.capacity).toBe(100);
    expect(r.projection.curve.capacityFixed).toBe(true);
    expect(Math.max(...r.projection.paths.values)).toBeLessThan(100);
  });

  it('a decline is never walked on a saturating curve (its capacity would sit at the start and extrapolate a collapse)', () => {
    // a logistic decline from about 1000 (capacity at the start), slight noise
    const values = years.map((y, i) => (1000 / (1 + Math.exp(0.6 * (y - 2021)))) * (1 + (i % 2 ? 0.002 : -0.002)));
    const r = projectCurve(
      { years, values },
      { dynamics: logDynamics(0), prior: countPrior, toYear: 2025, nPaths: 500, seed: 4, window: {} },
    );
    if (!r.ok) throw new Error(r.reason);
    expect(['logistic', 'gompertz']).not.toContain(r.projection.curve.chosen);
    // no collapse: the 2025 median within the type's largest 5-year change of the last value
    const drop = Math.log(values[values.length - 1]! / r.projection.median[4]!);
    expect(drop).toBeLessThan(countPrior.maxChange5);
  });

  it('does not apply to fewer than 3 points in the window, a last observation after it, or a growth rate', () => {
    const opts = { dynamics: logDynamics(0), prior: countPrior, toYear: 2025, nPaths: 10, seed: 1 };
    const short = projectCurve({ years: [2014, 2019, 2020], values: [1, 2, 3] }, { ...opts, window: { from: 2015 } });
    expect(short).toEqual({ ok: false, reason: '2 observation(s) in the curve window (3 needed)' });
    const after = projectCurve(
      { years: [2016, 2018, 2020, 2021], values: [1, 2, 3, 4] },
      { ...opts, window: { to: 2020 } },
    );
    expect(after.ok || after.reason).toMatch(/after the curve window/);
    const growth = dynamicsOf({ measure: 'growth', unit: '%' });
    if (!growth.ok) throw new Error('growth dynamics');
    const rate = projectCurve(
      { years, values: years.map(() => 5) },
      { ...opts, dynamics: growth.dynamics, window: {} },
    );
    expect(rate.ok).toBe(false);
  });
});

function sharePrior(): TypePrior {
  return priorFor(evidence, 'x.services_share', 'logit', 'share')!;
}

describe('projectCurve against closed forms (exact data)', () => {
  it('exponential: the slope is log(y₁/y₀) per year and the drift is the precision-weighted mean of its sources', () => {
    const r0 = 0.11;
    const values = years.map((y) => 250 * Math.exp(r0 * (y - 2013)));
    const dynamics = logDynamics(0);
    const res = projectCurve(
      { years, values },
      { dynamics, prior: countPrior, toYear: 2026, nPaths: 20000, seed: 5, window: {} },
    );
    if (!res.ok) throw new Error(res.reason);
    const p = res.projection;
    expect(p.curve.chosen).toBe('exponential');
    const fitted = p.curve.candidates.find((c) => c.model === 'exponential')!;
    expect(fitted.params.r).toBeCloseTo(r0, 9);
    expect(fitted.params.a).toBeCloseTo(250, 6);
    // closed form of the combination: exact data leave no residual, so σ² = PRIOR_NOISE_DF·σ₀²/(PRIOR_NOISE_DF + n − 2)
    // and the own drift's sd is σ/√span (the least-squares se is 0); the log scale is the measure's (factor 1)
    const sigma = Math.sqrt((PRIOR_NOISE_DF * countPrior.noiseSd ** 2) / (PRIOR_NOISE_DF + years.length - 2));
    const ownSd = sigma / Math.sqrt(years.length - 1);
    const wPrior = 1 / countPrior.betweenSd ** 2;
    const wOwn = 1 / ownSd ** 2;
    const drift = (wPrior * countPrior.drift + wOwn * r0) / (wPrior + wOwn);
    expect(p.pooling.posterior.estimate).toBeCloseTo(drift, 10);
    expect(p.pooling.noiseSd).toBeCloseTo(sigma, 12);
    // the median of the paths: y_T·exp(h·drift), within Monte Carlo error (sd of the walk / √N, antithetic pairs)
    const yT = values[values.length - 1]!;
    p.median.forEach((m, i) => {
      const h = i + 1;
      const expected = yT * Math.exp(h * drift);
      expect(Math.abs(Math.log(m / expected))).toBeLessThan(
        (4 * sigma * Math.sqrt(h + (h * h * p.pooling.posterior.sd ** 2) / sigma ** 2)) / Math.sqrt(20000),
      );
    });
  });

  it('linear: the slope is the OLS slope (closed form) and the median follows the pooled line on a level', () => {
    const values = years.map((y) => 70 + 0.25 * (y - 2013));
    const level = dynamicsOf({ measure: 'level', unit: '岁' });
    if (!level.ok) throw new Error('level');
    const prior = priorFor(evidence, 'x.life_expectancy', 'additive', 'level')!;
    const res = projectCurve(
      { years, values },
      { dynamics: level.dynamics, prior, toYear: 2025, nPaths: 4000, seed: 2, window: {} },
    );
    if (!res.ok) throw new Error(res.reason);
    const lin = res.projection.curve.candidates.find((c) => c.model === 'linear')!;
    // OLS on exact data: b = Σ(t − t̄)(y − ȳ)/Σ(t − t̄)² = 0.25
    const tbar = years.reduce((a, b) => a + b, 0) / years.length;
    const ybar = values.reduce((a, b) => a + b, 0) / values.length;
    const b =
      years.reduce((s, t, i) => s + (t - tbar) * (values[i]! - ybar), 0) /
      years.reduce((s, t) => s + (t - tbar) ** 2, 0);
    expect(lin.params.b).toBeCloseTo(b, 9);
    expect(res.projection.curve.chosen).toBe('linear');
    const m = res.projection.pooling.posterior.estimate;
    res.projection.median.forEach((x, i) => expect(x).toBeCloseTo(values[values.length - 1]! + (i + 1) * m, 1));
  });
});

describe('plausibility of the curve path (the bar of the pooled projections)', () => {
  it('every reference-panel series with 3+ points from a 2015 origin: medians and 80 % bounds within the measure and its largest 5-year change', () => {
    const rows: PanelObservation[] = listPanelTypes().flatMap((t) =>
      loadPanel(t).map((r) => ({
        type: r.type,
        region: r.region,
        regionLevel: r.region_level,
        year: r.year,
        value: r.value,
      })),
    );
    const yardstick = buildPriors(rows);
    const priors = buildPriors(
      rows.filter((r) => r.year <= 2015),
      { level: 'province' },
    );
    const series = new Map<string, PanelObservation[]>();
    for (const r of rows) series.set(`${r.type}|${r.region}`, [...(series.get(`${r.type}|${r.region}`) ?? []), r]);
    const problems: string[] = [];
    let curved = 0;
    for (const [key, obs] of series) {
      const info = PANEL_TYPES[obs[0]!.type];
      const prior = priors[obs[0]!.type];
      if (!info || !prior) continue;
      const hist = obs.filter((o) => o.year <= 2015 && o.year >= 2010).sort((a, b) => a.year - b.year);
      if (hist.length < 3) continue;
      const values = hist.map((o) => o.value);
      const dyn = dynamicsOf({ measure: info.measure, bounds: info.bounds ?? null, values });
      if (!dyn.ok) continue;
      const res = projectCurve(
        { years: hist.map((o) => o.year), values },
        { dynamics: dyn.dynamics, prior, toYear: 2020, nPaths: 200, seed: curved, window: {} },
      );
      if (!res.ok) continue;
      curved++;
      const p = res.projection;
      const max5 = (yardstick[prior.type] ?? prior).maxChange5;
      const z0 = dyn.dynamics.forward(values[values.length - 1]!);
      const i80 = p.intervals.find((i) => i.level === 80)!;
      const [lo, hi] = dyn.dynamics.bounds ?? (dyn.dynamics.kind === 'log' ? [0, Infinity] : [-Infinity, Infinity]);
      p.years.forEach((year, h) => {
        for (const [name, v] of [
          ['median', p.median[h]!],
          ['80% lower', i80.lower[h]!],
          ['80% upper', i80.upper[h]!],
        ] as const) {
          if (v < lo || v > hi) problems.push(`${key}: ${name} ${v} outside [${lo}, ${hi}] in ${year}`);
          const change = Math.abs(dyn.dynamics.forward(Math.max(v, 1e-12)) - z0);
          if (change > max5 + 1e-9)
            problems.push(
              `${key} (${p.curve.chosen}): ${name} ${v} in ${year}: change ${change.toFixed(3)} > ${max5.toFixed(3)}`,
            );
        }
      });
      let atBound = 0;
      for (const v of p.paths.values) if (v <= lo || v >= hi) atBound++;
      if (atBound > 0.05 * p.paths.values.length) problems.push(`${key}: ${atBound} path values at a bound`);
    }
    expect(curved).toBeGreaterThan(1000);
    expect(problems).toEqual([]);
  });

  it('the pooled projection is unchanged where the curve path does not apply', () => {
    const opts = { dynamics: logDynamics(0), prior: countPrior, toYear: 2025, nPaths: 500, seed: 9 };
    const series = { years: [2019, 2020], values: [100, 112] };
    const plan = (curves: object | null) =>
      assessPlan(
        userFile('district_x.two', '家', 'count', [100, 112], [2025, 200]).map((i) => i),
        {
          curves: curves as never,
          nPaths: 500,
        },
      );
    expect(projectCurve(series, { ...opts, window: {} }).ok).toBe(false);
    expect(projectPooled(series, opts).method).toBe('pooled');
    expect(plan({}).regions[0]!.targets[0]!.probability).toBe(plan(null).regions[0]!.targets[0]!.probability);
  });
});
