/**
 * The typed model of a development indicator: what was observed, what a plan targets, and where each number
 * was read. These are plain, JSON-serialisable records; tables go in and out through arquero (see `table-io.ts`).
 */

/**
 * How a target's value compares with the outcome: `>=` "at least" (达到, 以上), `>` "more than" (超过, 突破),
 * `=` "exactly" (planned sizes), `<=` "at most" (upper end of a range, ranks), `<` "less than". On an observation
 * it says the document gives a bound rather than the value (`5000余家` -> `>`, `5.0%以上` -> `>=`).
 */
export type Comparator = '>=' | '>' | '=' | '<=' | '<';

/** The comparators, in the order error messages list them. */
export const COMPARATORS: readonly Comparator[] = ['>=', '>', '=', '<=', '<'];

/**
 * What kind of quantity an indicator is, which decides the models that suit it:
 * `count` (firms, patents), `amount` (money, area), `share` (a percentage with bounds, e.g. R&D/GDP),
 * `rate` (per-capita or per-10k ratios), `growth` (an annual growth rate in percent), `level` (a slow level that
 * drifts additively rather than multiplicatively: life expectancy, average years of schooling).
 */
export type MeasureType = 'count' | 'amount' | 'share' | 'rate' | 'growth' | 'level';

/** The measure types, in the order error messages list them. */
export const MEASURE_TYPES: readonly MeasureType[] = ['count', 'amount', 'share', 'rate', 'growth', 'level'];

/**
 * Whether a value is a `stock` at a point in time (firms at year end), a `flow` within one year (patents granted
 * in a year), or `cumulative` over a period (projects introduced 2021–2025; see `Target.period`).
 */
export type Accumulation = 'stock' | 'flow' | 'cumulative';

/** The accumulations, in the order error messages list them. */
export const ACCUMULATIONS: readonly Accumulation[] = ['stock', 'flow', 'cumulative'];

/** 预期性 (indicative) or 约束性 (binding), as planning documents classify targets. */
export type TargetAttribute = '预期性' | '约束性';

/** The target attributes, in the order error messages list them. */
export const TARGET_ATTRIBUTES: readonly TargetAttribute[] = ['预期性', '约束性'];

/** Where a number was read: the document (file name in `seeds/`) and the exact quote that contains it. */
export interface Source {
  doc: string;
  quote: string;
  /** id of the dataset row this was read from (`binhai.hightech_firms.2025.target`) */
  rowId?: string;
  /** the number exactly as written in the quote (`1597`, `千`, `翻番`); empty for blanks */
  valueText?: string;
  /** reading decisions: inferred year, range, blank, conflict */
  note?: string;
  /** the unit as written for this value, when it is an equivalent counter of the indicator's unit (个 for 家) */
  unit?: string;
}

/** One observed value of an indicator: its year, the value in the indicator's unit, and where it was read. */
export interface Observation {
  year: number;
  value: number;
  source: Source;
  /** set when the document gives a bound, not the value (`5000余家` -> `>`) */
  comparator?: Comparator;
  /** for cumulative values and average growth rates: the years they run over, inclusive */
  period?: [number, number];
  /** set when it differs from the indicator's `accumulation` */
  accumulation?: Accumulation;
}

/**
 * A target stated relative to a base: `multiple` (翻番 = factor 2), `increase-percent` ("比2020年增长25%"),
 * `increase` (an absolute increment), `at-least` ("10以上" is better written as comparator `>=`, kept here for
 * completeness). The base is the indicator's value in `baseYear`, or an explicit `baseValue`.
 */
export interface RelativeTarget {
  kind: 'multiple' | 'increase-percent' | 'increase';
  /** factor for `multiple`, percent for `increase-percent`, units for `increase` */
  amount: number;
  baseYear: number;
  baseValue?: number;
  /** the words of the document, e.g. "翻番" or "比十三五末增长25%" */
  text: string;
  /** filled by `resolveTarget`: the absolute value the relative form gives (base applied), `null` if no base */
  resolvedValue?: number | null;
  /** filled by `resolveTarget`: the base implied by a stated absolute value when no base is known (18万 at +25% -> 14.4万) */
  impliedBaseValue?: number;
  /** filled by `resolveTarget`: where the base value was read */
  baseSource?: Source;
}

/**
 * A plan's target for an indicator: the year, the absolute value (resolved from `relative` where the plan states it
 * relative to a base), the comparator, the 预期性/约束性 attribute, the period of a cumulative target, and the source.
 */
export interface Target {
  year: number;
  /** absolute value; `null` when the document left the target blank (drafts) or it cannot be resolved */
  value: number | null;
  comparator: Comparator;
  relative?: RelativeTarget;
  attribute?: TargetAttribute;
  /** for cumulative targets: the years the sum runs over, inclusive (for average growth rates: the years averaged) */
  period?: [number, number];
  source: Source;
  /** set when it differs from the indicator's `accumulation` (a cumulative target on a flow indicator) */
  accumulation?: Accumulation;
}

/**
 * A development indicator of one region: names (Chinese and English), unit, kind of measure, stock or flow, bounds,
 * scope note, and its observations and targets, each with provenance.
 * @example
 * const firms = loadSeedIndicators().find((i) => i.id === 'binhai.hightech_firms');
 */
export interface Indicator {
  /** stable id, e.g. `binhai.hightech_firms` */
  id: string;
  region: string;
  nameZh: string;
  nameEn: string;
  unit: string;
  measure: MeasureType;
  /** inclusive bounds for shares and rates, e.g. [0, 100] for a percentage */
  bounds?: [number, number];
  accumulation: Accumulation;
  /** a note on scope where two similar figures differ (national-only vs national-and-municipal, ...) */
  scope?: string;
  observations: Observation[];
  targets: Target[];
}
