/**
 * A candidate indicator row: the fields of core's dataset row ({@link IndicatorRow}, one row of
 * `seeds/indicators.csv`) that the text states, as the extractor reads them, plus how sure it is and which rule
 * found it. The row shape is core's; only the fields a text may leave open are widened to `''`/`null`, and the
 * fields only an analyst knows (id, document, region, grouping key, English name) are added when the row is written
 * (see `candidateRow` in csv.ts).
 */
import type { Accumulation, Comparator, IndicatorRow, MeasureType, TargetAttribute } from '@trajectory/core';

/** Relative forms: 翻番 (`multiple` 2), 比2020年增长25% (`increase-percent` 25), 增加N (`increase`), 占全市21.6% (`share`). */
export type RelativeKind = NonNullable<IndicatorRow['relative_kind']> | 'share';

/** Dataset fields an analyst supplies, not the text: row id, document, region, grouping key, English name. */
export type AnalystField = 'id' | 'doc' | 'region' | 'indicator' | 'indicator_en';

/** Dataset fields a text may leave open (widened below). */
type OpenField = 'year' | 'comparator' | 'measure' | 'accumulation' | 'relative_kind' | 'attribute';

/**
 * One proposed dataset row (see the module doc). The inherited fields are read from the text: `unit` as written,
 * magnitude included (55亿元 → 55, 亿元); `value_text` the value's own words ("146家", "5.6以上", "翻番", "家以上"
 * for a blank); `value` `null` for a blank left in a draft or a purely relative target; `scope` a share base
 * (占全市), a column label (本区/全市) or a table row label; `note` how the row was read when it is not plain.
 */
export interface Candidate extends Omit<IndicatorRow, AnalystField | OpenField> {
  /** the year the value refers to (end year for cumulative values); `null` if no time context was found */
  year: number | null;
  /** `>=` for 以上/不低于, `>` for 超过, `<=` for 以内/不超过, `=` otherwise for targets; '' when not stated for observations */
  comparator: Comparator | '';
  /** guessed from the unit and wording; '' if unclear */
  measure: MeasureType | '';
  /** `cumulative` for 累计/五年共/十三五期间累计, `stock` for counts at a date, `flow` for yearly amounts; '' if unclear */
  accumulation: Accumulation | '';
  /** the relative form; a `share` (占全市21.6%) qualifies the value and becomes a note in the dataset row */
  relative_kind: RelativeKind | '';
  /** 预期性 / 约束性 where a table states it */
  attribute: TargetAttribute | '';
  /** 0–1: how likely the row is one an analyst would keep (rule strength, explicit year, predicate position) */
  confidence: number;
  /** the name of the rule that proposed the row */
  rule: string;
  /** character offset of the value in the decoded document (for ordering and for locating the quote) */
  offset: number;
}

/**
 * A blank candidate with every optional field empty; rules fill in what they know.
 *
 * @example { ...emptyCandidate(), indicator_zh: '瞪羚企业', year: 2020, value: 16, unit: '家' }
 */
export function emptyCandidate(): Candidate {
  return {
    indicator_zh: '',
    kind: 'observed',
    year: null,
    value: null,
    unit: '',
    comparator: '',
    quote: '',
    value_text: '',
    relative_kind: '',
    relative_amount: null,
    relative_base_year: null,
    relative_text: '',
    attribute: '',
    measure: '',
    accumulation: '',
    period_start: null,
    period_end: null,
    lower: null,
    upper: null,
    scope: '',
    note: '',
    confidence: 0,
    rule: '',
    offset: 0,
  };
}
