/**
 * What the plan report shows of an assessment, without any HTML: targets merged across documents, the attainment
 * class of each, the interval of P(attain), and the region counts. Pure functions; defaults in REPORT_DEFAULTS.
 */
import { wilsonInterval } from '@trajectory/core';
import type { PlanAssessment, RegionAssessment, TargetAssessment } from '@trajectory/forecast';

/** Thresholds and interval level of the report, in one place. */
export const REPORT_DEFAULTS = {
  /** P(attain) at or above this is "likely" */
  likely: 0.67,
  /** P(attain) below this is "unlikely"; between the two "uncertain" */
  unlikely: 0.33,
  /** normal quantile of the 95% interval of P(attain) */
  z: 1.959963984540054,
  /** at-risk and comfortable targets named in the summary */
  highlights: 3,
} as const;

/** Attainment class of a target. */
export type AttainmentClass = 'likely' | 'uncertain' | 'unlikely' | 'not-assessable';

/** The classes in display order. */
export const ATTAINMENT_CLASSES: readonly AttainmentClass[] = ['likely', 'uncertain', 'unlikely', 'not-assessable'];

/**
 * Class of a probability of attainment: `likely` (P ≥ 0.67), `unlikely` (P < 0.33), `uncertain` in between,
 * `not-assessable` without a probability.
 * @example
 * attainmentClass(0.8); // 'likely'
 */
export function attainmentClass(
  p: number | null,
  thresholds: { likely: number; unlikely: number } = REPORT_DEFAULTS,
): AttainmentClass {
  if (p === null || !Number.isFinite(p)) return 'not-assessable';
  return p >= thresholds.likely ? 'likely' : p < thresholds.unlikely ? 'unlikely' : 'uncertain';
}

// Wilson score interval of a share of Monte Carlo paths: defined in `@trajectory/core`, re-exported here
export { wilsonInterval };

/** One way a target is stated: comparator and value, the documents stating it, and its probability. */
export interface TargetStatement {
  key: string;
  comparator: string;
  value: number | null;
  probability: number | null;
  sources: { doc: string; quote: string }[];
}

/** A target as the planner sees it: one indicator and year, however many documents state it. */
export interface TargetGroup {
  /** the lead's key */
  id: string;
  region: string;
  /** the statement shown in tables and charts: the first with a probability, else the first */
  lead: TargetAssessment;
  members: TargetAssessment[];
  /** distinct comparator/value pairs, in document order */
  statements: TargetStatement[];
  /** documents disagree on the value (a floor and a ceiling together are a range, not a disagreement) */
  conflicting: boolean;
  cls: AttainmentClass;
  /** 95% interval of the lead's probability (`probabilityInterval` of the assessment, else Wilson), or `null` */
  interval: [number, number] | null;
}

/**
 * Two statements of the same side (both floors ≥ > =, or both ceilings ≤ <) with different values disagree; a
 * floor and a ceiling together state a range.
 */
function disagree(statements: readonly TargetStatement[]): boolean {
  const side = (c: string): string => (c === '<=' || c === '<' ? 'ceiling' : 'floor');
  const values = new Map<string, Set<number>>();
  for (const s of statements) {
    if (s.value === null) continue;
    const set = values.get(side(s.comparator)) ?? new Set<number>();
    set.add(s.value);
    values.set(side(s.comparator), set);
  }
  return [...values.values()].some((v) => v.size > 1);
}

function groupKey(t: TargetAssessment): string {
  const period = t.target.period ? `${t.target.period[0]}-${t.target.period[1]}` : '';
  return `${t.indicatorId}@${t.target.year}${period}`;
}

/**
 * Merge the targets of a region that state the same indicator and year (in one or several documents) into one
 * group with every document and every distinct value.
 * @example
 * groupTargets(plan.regions[0], plan.nPaths).length <= plan.regions[0].targets.length; // true
 */
export function groupTargets(region: RegionAssessment, nPaths: number): TargetGroup[] {
  const byKey = new Map<string, TargetAssessment[]>();
  for (const t of region.targets) {
    const k = groupKey(t);
    byKey.set(k, [...(byKey.get(k) ?? []), t]);
  }
  return [...byKey.values()].map((members) => {
    const lead = members.find((m) => m.probability !== null) ?? (members[0] as TargetAssessment);
    const statements: TargetStatement[] = [];
    for (const m of members) {
      const source = { doc: m.target.source.doc, quote: m.target.source.quote };
      const same = statements.find((s) => s.comparator === m.target.comparator && s.value === m.target.value);
      if (same) {
        if (!same.sources.some((s) => s.doc === source.doc && s.quote === source.quote)) same.sources.push(source);
      } else {
        statements.push({
          key: m.key,
          comparator: m.target.comparator,
          value: m.target.value,
          probability: m.probability,
          sources: [source],
        });
      }
    }
    const cls = attainmentClass(lead.probability);
    return {
      id: lead.key,
      region: region.region,
      lead,
      members,
      statements,
      conflicting: disagree(statements),
      cls,
      // the calibrated probability's interval (calibration and simulation error) when the assessment has one
      interval:
        lead.probability === null
          ? null
          : lead.probabilityInterval
            ? ([lead.probabilityInterval.lower, lead.probabilityInterval.upper] as [number, number])
            : wilsonInterval(lead.probability, lead.projection?.nPaths ?? nPaths),
    };
  });
}

/** Counts of a region's target groups by class. */
export type ClassCounts = Record<AttainmentClass, number>;

/**
 * Count groups by attainment class.
 * @example
 * countClasses(groupTargets(region, 2000)).likely;
 */
export function countClasses(groups: readonly TargetGroup[]): ClassCounts {
  const counts: ClassCounts = { likely: 0, uncertain: 0, unlikely: 0, 'not-assessable': 0 };
  for (const g of groups) counts[g.cls]++;
  return counts;
}

/** A region's groups and counts. */
export interface RegionGroups {
  region: string;
  groups: TargetGroup[];
  counts: ClassCounts;
}

/**
 * Every region's groups; plus the assessable groups ranked from most at risk to most comfortable (by P(attain),
 * ties by projected ÷ required growth).
 * @example
 * const { regions, ranked } = planGroups(plan);
 */
export function planGroups(plan: PlanAssessment): { regions: RegionGroups[]; ranked: TargetGroup[] } {
  const regions = plan.regions.map((r) => {
    const groups = groupTargets(r, plan.nPaths);
    return { region: r.region, groups, counts: countClasses(groups) };
  });
  const ratio = (g: TargetGroup): number => {
    const v = g.lead.growth?.projectedRatio;
    return v === null || v === undefined || !Number.isFinite(v) ? 0 : v;
  };
  const ranked = regions
    .flatMap((r) => r.groups)
    .filter((g) => g.lead.probability !== null)
    .sort((a, b) => (a.lead.probability ?? 0) - (b.lead.probability ?? 0) || ratio(a) - ratio(b));
  return { regions, ranked };
}
