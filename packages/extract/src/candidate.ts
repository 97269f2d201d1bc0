/**
 * A candidate indicator row: one row of the seed dataset (`seeds/indicators.csv`) as the extractor proposes it,
 * plus how sure it is and which rule found it. Field names are the dataset's column names so that a candidate
 * maps onto a CSV row one to one.
 */
import type { Accumulation, Comparator, MeasureType, TargetAttribute } from '@trajectory/core';

/** Relative forms: 翻番 (`multiple` 2), 比2020年增长25% (`increase-percent` 25), 增加N (`increase`), 占全市21.6% (`share`). */
export type RelativeKind = 'multiple' | 'increase-percent' | 'increase' | 'share';

/** One proposed dataset row (see the module doc); `offset` locates it in the decoded text. */
export interface Candidate {
  /** the phrase naming the indicator, as the document words it (e.g. 国家级高新技术企业) */
  indicator_zh: string;
  /** `observed` (a value at or before the plan's base year) or `target` */
  kind: 'observed' | 'target';
  /** the year the value refers to (end year for cumulative values); `null` if no time context was found */
  year: number | null;
  /** the number as written, in `unit` ("55亿元" → 55, unit 亿元); `null` for a blank left in a draft or a purely relative target */
  value: number | null;
  /** the unit as written, magnitude included: 家, 亿元, 万人, %, 件/万人 */
  unit: string;
  /** `>=` for 以上/不低于, `>` for 超过, `<=` for 以内/不超过, `=` otherwise for targets; '' when not stated for observations */
  comparator: Comparator | '';
  /** an exact substring of the document that contains the value (or the blank) */
  quote: string;
  /** the value's own words in the document, e.g. "146家", "5.6以上", "翻番", "家以上" for a blank */
  value_text: string;
  relative_kind: RelativeKind | '';
  /** factor for `multiple`, percent for `increase-percent` and `share`, units for `increase`; `null` if none */
  relative_amount: number | null;
  /** the base year of a relative target (`十三五末` → 2020); `null` if none */
  relative_base_year: number | null;
  /** the words of the relative form: "翻番", "比“十三五”末增长25%", "占全市21.6%" */
  relative_text: string;
  /** 预期性 / 约束性 where a table states it */
  attribute: TargetAttribute | '';
  /** guessed from the unit and wording; '' if unclear */
  measure: MeasureType | '';
  /** `cumulative` for 累计/五年共/十三五期间累计, `stock` for counts at a date, `flow` for yearly amounts; '' if unclear */
  accumulation: Accumulation | '';
  /** first and last year of a cumulative period (e.g. 2021–2025); `null` if none */
  period_start: number | null;
  period_end: number | null;
  /** bounds of a share in percent: 0 and 100; `null` otherwise */
  lower: number | null;
  upper: number | null;
  /** scope qualifier: 占全市 share base, 本区/全市 column labels, a table row label */
  scope: string;
  /** how the row was read when it is not plain (a derived value, a range end, a default year) */
  note: string;
  /** 0–1: how likely the row is one an analyst would keep (rule strength, explicit year, predicate position) */
  confidence: number;
  /** the name of the rule that proposed the row */
  rule: string;
  /** character offset of the value in the decoded document (for ordering and for locating the quote) */
  offset: number;
}

/** A candidate's dataset fields in the seed dataset's column order, then confidence and rule. */
export const CANDIDATE_COLUMNS = [
  'indicator_zh',
  'kind',
  'year',
  'value',
  'value_text',
  'unit',
  'comparator',
  'measure',
  'accumulation',
  'period_start',
  'period_end',
  'lower',
  'upper',
  'relative_kind',
  'relative_amount',
  'relative_base_year',
  'relative_text',
  'attribute',
  'scope',
  'note',
  'quote',
  'confidence',
  'rule',
] as const;

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
