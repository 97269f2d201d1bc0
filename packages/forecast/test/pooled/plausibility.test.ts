/**
 * Plausibility of the pooled projections (issue 12's bar): every panel series projected from a 2015 origin (priors
 * from panel values up to 2015 only) and every seed indicator projected five years past its last observation: no
 * median or 80 % bound outside the measure's bounds or beyond its type's largest 5-year change in the panels, and
 * at most 5 % of paths at a bound.
 */
import { loadEvidenceFiles, loadSeedIndicators } from '@trajectory/datasets/node';
import { describe, expect, it } from 'vitest';
import {
  buildPriors,
  dynamicsOf,
  type Dynamics,
  mergeHistory,
  PANEL_TYPES,
  type PanelObservation,
  parentFor,
  parentSeries,
  type PooledProjection,
  prepareSeries,
  priorFor,
  projectPooled,
  type TypePrior,
} from '../../src/index.ts';

// the bundled evidence as of the 2015 origin: panel values up to 2015 for the priors, every value for the yardstick
const evidence2015 = loadEvidenceFiles({ asOf: 2015 });
const rows: PanelObservation[] = evidence2015.panels;
/** the yardstick: each type's largest 5-year change anywhere in its panel (all levels, all years) */
const yardstick = buildPriors(rows);

interface Problem {
  what: string;
  problem: string;
}

function check(what: string, p: PooledProjection, origin: number, dyn: Dynamics, max5: number): Problem[] {
  const out: Problem[] = [];
  const H = p.years.length;
  const i80 = p.intervals.find((i) => i.level === 80)!;
  const z0 = dyn.forward(origin);
  for (let h = 0; h < H; h++) {
    for (const [name, v] of [
      ['median', p.median[h]!],
      ['80% lower', i80.lower[h]!],
      ['80% upper', i80.upper[h]!],
    ] as const) {
      if (dyn.bounds && (v < dyn.bounds[0] || v > dyn.bounds[1]))
        out.push({ what, problem: `${name} ${v} outside [${dyn.bounds}] in ${p.years[h]}` });
      if (dyn.kind === 'log' && v < 0) out.push({ what, problem: `${name} ${v} < 0 in ${p.years[h]}` });
      const change = Math.abs(dyn.forward(Math.max(v, 1e-12)) - z0);
      if (h < 5 && change > max5 + 1e-9)
        out.push({
          what,
          problem: `${name} ${v} in ${p.years[h]}: change ${change.toFixed(3)} > largest 5-year ${max5.toFixed(3)}`,
        });
    }
  }
  const lo = dyn.bounds?.[0] ?? (dyn.kind === 'log' ? 0 : -Infinity);
  const hi = dyn.bounds?.[1] ?? Infinity;
  let atBound = 0;
  for (const v of p.paths.values) if (v <= lo || v >= hi) atBound++;
  if (atBound > 0.05 * p.paths.values.length)
    out.push({ what, problem: `${((100 * atBound) / p.paths.values.length).toFixed(1)} % of path values at a bound` });
  return out;
}

function yardstickOf(prior: TypePrior): number {
  return (yardstick[prior.type] ?? yardstick[`pooled:${prior.kind}`] ?? prior).maxChange5;
}

describe('plausibility of pooled projections', () => {
  it('every panel series from a 2015 origin (priors from panel values up to 2015)', () => {
    const priors = buildPriors(evidence2015.panelsAsOf, { level: 'province' });
    const series = new Map<string, PanelObservation[]>();
    for (const r of rows) series.set(`${r.type}|${r.region}`, [...(series.get(`${r.type}|${r.region}`) ?? []), r]);
    const problems: Problem[] = [];
    let projected = 0;
    for (const [key, obs] of series) {
      const type = obs[0]!.type;
      const info = PANEL_TYPES[type];
      const prior = priors[type];
      if (!info || !prior) continue;
      const hist = obs.filter((o) => o.year <= 2015 && o.year >= 2010).sort((a, b) => a.year - b.year);
      if (hist.length === 0) continue;
      const values = hist.map((o) => o.value);
      const dyn = dynamicsOf({ measure: info.measure, bounds: info.bounds ?? null, values });
      if (!dyn.ok) continue;
      const p = projectPooled(
        { years: hist.map((o) => o.year), values },
        { dynamics: dyn.dynamics, prior, toYear: 2020, nPaths: 200, seed: projected },
      );
      projected++;
      problems.push(...check(key, p, values[values.length - 1]!, dyn.dynamics, yardstickOf(prior)));
    }
    expect(projected).toBeGreaterThan(1000);
    expect(problems).toEqual([]);
  });

  it('every seed indicator with observations, five years past its last one', async () => {
    const { bundledEvidence } = await import('../../src/index.ts');
    const bundled = bundledEvidence()!;
    const { history } = evidence2015;
    const evidence = { ...bundled, parents: parentSeries(history) };
    const { indicators } = mergeHistory(loadSeedIndicators(), history);
    const problems: Problem[] = [];
    let projected = 0;
    const refused: string[] = [];
    for (const ind of indicators) {
      const hist = prepareSeries(ind).history;
      if (hist.length === 0) continue;
      const values = hist.map((h) => h.value);
      const dyn = dynamicsOf({ measure: ind.measure, unit: ind.unit, bounds: ind.bounds ?? null, values });
      if (!dyn.ok) {
        refused.push(`${ind.id}: ${dyn.reason}`);
        continue;
      }
      const prior = priorFor(evidence, ind.id, dyn.dynamics.kind, ind.measure)!;
      const last = hist[hist.length - 1]!;
      const p = projectPooled(
        { years: hist.map((h) => h.year), values },
        {
          dynamics: dyn.dynamics,
          prior,
          parent: parentFor(evidence, ind.region, ind.id),
          toYear: last.year + 5,
          nPaths: 500,
          seed: projected,
        },
      );
      projected++;
      problems.push(...check(ind.id, p, last.value, dyn.dynamics, yardstickOf(prior)));
    }
    expect(projected).toBeGreaterThan(100);
    expect(problems).toEqual([]);
    // what is refused is refused with a reason (ranks, negative amounts), never silently
    for (const r of refused) expect(r).toMatch(/: .+/);
  });
});
