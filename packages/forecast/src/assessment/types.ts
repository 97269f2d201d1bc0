import type { ProbabilityInterval } from '../outcomes/model.ts';
import type { ValueSummary } from '../engine/summary.ts';
/**
 * Result types of target assessment. Every record is plain JSON (numbers, strings, arrays, `null`): no typed
 * arrays, no class instances, so `JSON.parse(JSON.stringify(a))` deep-equals `a` and the HTML report can be
 * built from `assessment.json` alone.
 */
import type { Accumulation, Comparator, MeasureType, Source, TargetAttribute } from '@trajectory/core';
import type { PoolingReport } from '../pooled/pooled.ts';
import type { CurveReport } from '../projection/curve-path.ts';

/** Version of the assessment JSON format; bumped when a field changes meaning. */
export const ASSESSMENT_SCHEMA_VERSION = 1;

/**
 * Why (part of) a target could not be assessed. `ok`: everything computed. Any other value: the fields that
 * could not be computed are `null` and `reason` says why in one sentence.
 * - `no-observations`: the indicator has no observation at all;
 * - `target-blank`: the document left the target blank (a draft) and it is not relative;
 * - `no-base`: a relative target (翻番, +25%) whose base value is neither given nor observed;
 * - `target-before-last-observation`: the target year is not after the last observation;
 * - `non-positive-base`: base <= 0, so growth rates (CAGR, growth factors) are undefined (the probability and
 *   absolute increments are still given);
 * - `out-of-bounds`: a bounded indicator (a share) has an observation or target outside its bounds;
 * - `projection-failed`: the projection engine threw; its message is the reason;
 * - `unsupported-measure`: the indicator's measure (or unit, e.g. a rank) has no dynamics model;
 * - `no-prior`: the pooled projection has no reference panel prior for the indicator's dynamics kind.
 */
export type AssessmentStatus =
  | 'ok'
  | 'no-observations'
  | 'target-blank'
  | 'no-base'
  | 'target-before-last-observation'
  | 'non-positive-base'
  | 'out-of-bounds'
  | 'projection-failed'
  | 'unsupported-measure'
  | 'no-prior';

/** One year's value, e.g. an observation in the history of a fan chart. */
export interface YearValue {
  year: number;
  value: number;
}

/**
 * A compact fan chart: the observed history and the projected median with 50/80/95% bands, year by year.
 * Values are those of the indicator itself (yearly flows for a cumulative target, see
 * {@link TargetAssessment.cumulative}).
 */
export interface Fan {
  history: YearValue[];
  years: number[];
  median: number[];
  bands: { level: number; lower: number[]; upper: number[] }[];
}

/** The target as stated in the document and as resolved to an absolute value. */
export interface ResolvedTarget {
  year: number;
  comparator: Comparator;
  /** absolute target value after resolving relative targets; `null` when it cannot be resolved */
  value: number | null;
  /** the value the document stated, `null` for relative or blank targets */
  statedValue: number | null;
  /** for relative targets: how `value` was derived (`value = base * amount`, `base * (1 + amount/100)`, `base + amount`) */
  relative: {
    kind: 'multiple' | 'increase-percent' | 'increase';
    amount: number;
    baseYear: number;
    /** the base the target was resolved against; `null` when missing (status `no-base`) */
    baseValue: number | null;
    /** `given` by the document, or `observed` (read from the indicator's observations) */
    baseFrom: 'given' | 'observed' | null;
    text: string;
  } | null;
  attribute: TargetAttribute | null;
  /** cumulative targets: the inclusive years the flows are summed over */
  period: [number, number] | null;
  source: Source;
}

/** Growth per year, as a compound rate and as an absolute increment. */
export interface GrowthRate {
  /** compound annual growth rate, a fraction (0.05 = 5 %/year); `null` when a value is <= 0 */
  cagr: number | null;
  /** absolute annual increment, in the indicator's unit per year */
  increment: number;
  fromYear: number;
  toYear: number;
  fromValue: number;
  toValue: number;
}

/**
 * How hard the plan bends the trend: the growth the target requires from the base, the growth observed so far,
 * the growth the projection expects, and the ratios historical/required and projected/required.
 */
export interface GrowthComparison {
  /** from the base (or the last observation, for cumulative targets the average flow) to the target */
  required: GrowthRate | null;
  /** a recent window (5 years by default, see `AssessOptions.historicalWindow`) to the last observation; `null` with fewer than 2 observations */
  historical: GrowthRate | null;
  /** last observation to the projected median at the target year */
  projected: GrowthRate | null;
  /** historical / required (CAGR ratio when both CAGRs exist, else increment ratio); `null` if not computable */
  historicalRatio: number | null;
  /** projected / required, same rule */
  projectedRatio: number | null;
  /** which quantity the ratios compare */
  ratioBasis: 'cagr' | 'increment' | null;
}

/** The published assessors we reproduce. */
export type AssessorId = 'eurostat' | 'escap' | 'sdsn' | 'xushi';

/** Eurostat SDG progress classes for quantified targets. */
export type EurostatClass = 'significant-progress' | 'moderate-progress' | 'insufficient-progress' | 'movement-away';
/** UN ESCAP target-level classes (anticipated progress). */
export type EscapClass = 'on-track' | 'needs-acceleration' | 'regressing';
/** SDSN SDG Index trend arrows. */
export type SdsnClass = 'on-track' | 'moderately-improving' | 'stagnating' | 'decreasing';
/** The Chinese mid-term check 序时进度. */
export type XushiClass = '提前实现' | '快于预期' | '基本符合' | '滞后';

/**
 * One assessor's verdict on one target, with the number it was computed from and the rule it applied, so the
 * report can show every assessor side by side and a reader can check each one.
 */
export interface Verdict<C extends string = string> {
  assessor: AssessorId;
  /** long name, e.g. "Eurostat SDG progress (quantified targets)" */
  name: string;
  /** the class, or `not-applicable` (see `reason`) */
  verdict: C | 'not-applicable';
  /** the assessor's own label of the class, e.g. "Moderate progress", "基本符合" */
  label: string;
  /** the measure the rule is applied to (a ratio or a percentage, see `measureName`) */
  measure: number | null;
  measureName: string;
  /** whether the measure used observed growth or the projection */
  basis: 'historical' | 'projected' | 'mid-term' | null;
  /** the thresholds, e.g. ">= 0.95 significant; 0.60–0.95 moderate; 0–0.60 insufficient; < 0 away" */
  rule: string;
  /** citation of the methodology */
  source: string;
  /** why the verdict is `not-applicable`, or a caveat */
  reason: string | null;
}

/** Eurostat's verdict: ratio of actual (or projected) to required growth. */
export type EurostatVerdict = Verdict<EurostatClass>;
/** UN ESCAP's verdict: the anticipated gap at the target year. */
export type EscapVerdict = Verdict<EscapClass>;
/** SDSN's trend arrow. */
export type SdsnVerdict = Verdict<SdsnClass>;
/** The Chinese mid-term check (序时进度). */
export type XushiVerdict = Verdict<XushiClass>;

/** The projection a target was assessed with (compact, JSON). */
export interface ProjectionSummary {
  method: string;
  methodNote: string;
  lastYear: number;
  nPaths: number;
  warnings: string[];
  /** pooled projections: where the drift comes from (prior, parent region, own history) and their weights */
  pooling?: PoolingReport;
  /** curve-path projections: the observations fitted, every candidate family, the one chosen (AICc) */
  curve?: CurveReport;
}

/** The simulated distribution at the target year (of the cumulative sum, for cumulative targets). */
export interface DistributionAt extends ValueSummary {
  year: number;
}

/** The assessment of one target of one indicator. */
export interface TargetAssessment {
  /** unique within a plan: `${indicatorId}#${targetIndex}` */
  key: string;
  indicatorId: string;
  /** position of the target in `indicator.targets` */
  targetIndex: number;
  region: string;
  nameZh: string;
  nameEn: string;
  unit: string;
  measure: MeasureType;
  accumulation: Accumulation;
  bounds: [number, number] | null;
  status: AssessmentStatus;
  /** one sentence when `status !== 'ok'`, else `null` */
  reason: string | null;
  target: ResolvedTarget;
  /** the base the required growth starts from (base year of a relative target, else the last observation) */
  base: YearValue | null;
  lastObservation: YearValue | null;
  /** for cumulative targets: the observed part of the period already counted, and the years still simulated */
  cumulative: { observedSum: number; observedYears: number[]; simulatedYears: number[] } | null;
  projection: ProjectionSummary | null;
  /**
   * P(attain). With the pooled projection and the outcome model: the statistical probability recalibrated on past
   * plans' outcomes (`calibration`); otherwise the statistical probability itself.
   */
  probability: number | null;
  /** Monte Carlo standard error of the statistical probability: sqrt(p (1 - p) / nPaths) */
  probabilityStdError: number | null;
  /** P(comparator holds at the target year) = share of simulated paths on which it holds (the pure statistics) */
  statisticalProbability?: number | null;
  /**
   * 95 % interval of `probability`: for a calibrated one, the outcome model's bootstrap over plan families at the
   * ends of the statistical probability's Monte Carlo (Wilson) interval; otherwise the Wilson interval alone
   */
  probabilityInterval?: ProbabilityInterval | null;
  /** how the outcome model turned the statistical probability into `probability` */
  calibration?: { features: Record<string, number>; source: string } | null;
  atTarget: DistributionAt | null;
  growth: GrowthComparison | null;
  /** Eurostat, ESCAP, SDSN, 序时进度, in that order; always four entries */
  verdicts: Verdict[];
  fan: Fan | null;
  /** set when another target of the same indicator and year states a different value (see `PlanAssessment`) */
  conflictId: string | null;
  /** caveats that do not stop the assessment, e.g. "two 2020 figures (147, 146): their mean is used" */
  notes: string[];
}

/**
 * Targets that contradict each other: the same indicator (or two indicators A's `findConflicts` pairs) with the
 * same target year and different values, e.g. Nankai high-tech firms in 2023: 650 (doc 000) vs 500 (doc 002).
 * Both are assessed; this record puts them side by side.
 */
export interface TargetConflict {
  id: string;
  region: string;
  year: number;
  /** keys of the conflicting `TargetAssessment`s, in the order of `values` */
  keys: string[];
  values: (number | null)[];
  probabilities: (number | null)[];
  note: string;
}

/** Every target of one region. */
export interface RegionAssessment {
  region: string;
  targets: TargetAssessment[];
  conflicts: TargetConflict[];
}

/** The assessment of a whole plan (all regions of a dataset). */
export interface PlanAssessment {
  schemaVersion: typeof ASSESSMENT_SCHEMA_VERSION;
  seed: number;
  nPaths: number;
  regions: RegionAssessment[];
  summary: {
    indicators: number;
    targets: number;
    /** targets with a probability */
    assessed: number;
    /** targets whose status is not `ok` */
    notOk: number;
    conflicts: number;
    /** with a user's data file: its rows skipped because no analyst confirmed them (column `confirmed`) */
    skippedUnconfirmed?: number;
  };
}
