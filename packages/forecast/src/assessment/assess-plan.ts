import type { Indicator } from '@trajectory/core';
import {
  ASSESSMENT_SCHEMA_VERSION,
  type PlanAssessment,
  type RegionAssessment,
  type TargetAssessment,
  type TargetConflict,
} from './types.ts';
import {
  type AssessOptions,
  assessTargetWith,
  projectIndicator,
  type ResolvedAssessOptions,
  resolveAssessOptions,
} from './assess-target.ts';
import type { ProjectionLike } from './projector.ts';

/** Options of {@link assessPlan}: those of `assessTarget`, plus a region filter. */
export interface AssessPlanOptions extends AssessOptions {
  /** Assess only indicators of this region (exact match on `Indicator.region`). @default all regions */
  region?: string;
  /** Called after each indicator is assessed (for a progress bar). */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Assesses every target of every indicator, region by region (regions and indicators in input order; indicators
 * without targets are skipped). Each
 * indicator is projected once, up to its latest target year, and all its targets are read off the same paths, so
 * conflicting targets for the same indicator and year (Nankai high-tech firms 2023: 650 vs 500) are assessed on one
 * distribution, side by side, and listed in `conflicts`. A target that cannot be assessed carries its `status` and
 * `reason`; the rest of the plan is still assessed. Same indicators + same seed -> identical result.
 * @example
 * const plan = assessPlan(loadSeedIndicators(), { seed: 1 });
 * plan.regions[0]!.targets[0]!.probability;
 * plan.regions.flatMap((r) => r.conflicts); // targets that contradict each other
 */
export function assessPlan(indicators: readonly Indicator[], options: AssessPlanOptions = {}): PlanAssessment {
  const resolved = resolveAssessOptions(options);
  const chosen = plannedIndicators(indicators, options.region);
  const assessed = chosen.map((indicator, i) => {
    const targets = assessIndicatorTargets(indicator, resolved);
    options.onProgress?.(i + 1, chosen.length);
    return targets;
  });
  return planFromAssessments(chosen, assessed, resolved);
}

/**
 * The indicators `assessPlan` assesses, in input order: those with targets, of `region` when given.
 * @example
 * plannedIndicators(loadSeedIndicators(), 'nankai').length;
 */
export function plannedIndicators(indicators: readonly Indicator[], region?: string): Indicator[] {
  return indicators.filter((i) => i.targets.length > 0 && (region === undefined || i.region === region));
}

/**
 * Every target of one indicator, read off one projection to its latest target (or cumulative period) year; a
 * projection failure is reported by each target. What `assessPlan` does per indicator (workers run it on chunks).
 * @example
 * assessIndicatorTargets(indicator, resolveAssessOptions({ seed: 1 }))[0]!.probability;
 */
export function assessIndicatorTargets(indicator: Indicator, resolved: ResolvedAssessOptions): TargetAssessment[] {
  const lastYear = Math.max(...indicator.targets.map((t) => Math.max(t.year, t.period?.[1] ?? t.year)));
  let cached: { projection: ProjectionLike } | { error: unknown } | null = null;
  const projectionOf = (toYear: number): ProjectionLike => {
    if (!cached) {
      try {
        cached = { projection: projectIndicator(indicator, Math.max(lastYear, toYear), resolved) };
      } catch (error) {
        cached = { error };
      }
    }
    if ('error' in cached) throw cached.error;
    return cached.projection;
  };
  return indicator.targets.map((target) => assessTargetWith(indicator, target, resolved, projectionOf));
}

/**
 * The plan assessment from each chosen indicator's assessed targets (`assessed[i]` for `chosen[i]`): regions in
 * order of first appearance, conflicts, summary.
 * @example
 * const chosen = plannedIndicators(indicators);
 * planFromAssessments(chosen, chosen.map((i) => assessIndicatorTargets(i, resolved)), resolved);
 */
export function planFromAssessments(
  chosen: readonly Indicator[],
  assessed: readonly (readonly TargetAssessment[])[],
  resolved: ResolvedAssessOptions,
): PlanAssessment {
  const regions = new Map<string, TargetAssessment[]>();
  chosen.forEach((indicator, i) => {
    const list = regions.get(indicator.region) ?? [];
    regions.set(indicator.region, list);
    list.push(...assessed[i]!);
  });
  const regionAssessments: RegionAssessment[] = [...regions.entries()].map(([region, targets]) => ({
    region,
    targets,
    conflicts: findTargetConflicts(targets),
  }));
  const all = regionAssessments.flatMap((r) => r.targets);
  return {
    schemaVersion: ASSESSMENT_SCHEMA_VERSION,
    seed: resolved.seed,
    nPaths: resolved.nPaths,
    regions: regionAssessments,
    summary: {
      indicators: chosen.length,
      targets: all.length,
      assessed: all.filter((a) => a.probability !== null).length,
      notOk: all.filter((a) => a.status !== 'ok').length,
      conflicts: regionAssessments.reduce((n, r) => n + r.conflicts.length, 0),
    },
  };
}

/**
 * Groups assessed targets of the same indicator, year and side (at least / at most / exactly) whose resolved values
 * differ, and marks each member's `conflictId`. Values equal within 1e-9 (relative) are the same target stated twice, not a conflict.
 * @example
 * findTargetConflicts(region.targets)[0]; // { id: 'nankai.hightech_firms@2023', values: [650, 500], ... }
 */
export function findTargetConflicts(targets: TargetAssessment[]): TargetConflict[] {
  const groups = new Map<string, TargetAssessment[]>();
  for (const a of targets) {
    if (a.target.value === null) continue;
    // '>=' 8 with '<=' 10 is a range, not a conflict: only targets bounding the same side (at least / at most /
    // exactly, as core's findConflicts) are compared.
    const c = a.target.comparator;
    const side = c === '>=' || c === '>' ? '' : c === '<=' || c === '<' ? ':at-most' : ':exactly';
    const id = `${a.indicatorId}@${a.target.year}${side}`;
    groups.set(id, [...(groups.get(id) ?? []), a]);
  }
  const conflicts: TargetConflict[] = [];
  for (const [id, members] of groups) {
    const values = members.map((m) => m.target.value!);
    const distinct = values.filter(
      (v, i) => values.findIndex((w) => Math.abs(w - v) <= 1e-9 * Math.max(1, Math.abs(v))) === i,
    );
    if (distinct.length < 2) continue;
    for (const m of members) m.conflictId = id;
    const first = members[0]!;
    conflicts.push({
      id,
      region: first.region,
      year: first.target.year,
      keys: members.map((m) => m.key),
      values,
      probabilities: members.map((m) => m.probability),
      note:
        `${first.nameZh} (${first.nameEn}) ${first.target.year}: ` +
        members.map((m) => `${m.target.comparator} ${m.target.value} [${m.target.source.doc}]`).join(' vs ') +
        ' — the documents disagree; both targets are assessed on the same projection',
    });
  }
  return conflicts;
}
