/**
 * One row of the indicator dataset (`seeds/indicators.csv`): one number stated in one document, observed or
 * targeted, with its exact quote. Keys are the CSV column names, so a row is the same in CSV, JSON and code.
 */
import type { Accumulation, Comparator, MeasureType, RelativeTarget, TargetAttribute } from './indicator.ts';

/** A typed dataset row. Empty CSV cells become `null` (numbers, enums) or `''` (free text). */
export interface IndicatorRow {
  /** unique row id, e.g. `binhai.hightech_firms.2025.target` (suffix when a document states it twice) */
  id: string;
  /** document file name in `seeds/documents/` */
  doc: string;
  region: string;
  /** indicator key grouping rows into one `Indicator`; the same key in two documents means "same quantity" */
  indicator: string;
  indicator_zh: string;
  indicator_en: string;
  kind: 'observed' | 'target';
  year: number;
  /** the number in `unit`; `null` for a blank draft target or a purely relative target */
  value: number | null;
  /** the number exactly as written in `quote` */
  value_text: string;
  unit: string;
  comparator: Comparator | null;
  measure: MeasureType;
  accumulation: Accumulation;
  period_start: number | null;
  period_end: number | null;
  lower: number | null;
  upper: number | null;
  relative_kind: RelativeTarget['kind'] | null;
  relative_amount: number | null;
  relative_base_year: number | null;
  relative_text: string;
  attribute: TargetAttribute | null;
  scope: string;
  note: string;
  /** exact substring of the document containing `value_text` */
  quote: string;
}

/**
 * The dataset's columns, in file order. `readIndicatorCsv` requires all of them and no others.
 *
 * @example
 * INDICATOR_COLUMNS.join(',') // the header line of seeds/indicators.csv
 */
export const INDICATOR_COLUMNS = [
  'id',
  'doc',
  'region',
  'indicator',
  'indicator_zh',
  'indicator_en',
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
] as const satisfies readonly (keyof IndicatorRow)[];

/** A column name of the dataset. */
export type IndicatorColumn = (typeof INDICATOR_COLUMNS)[number];

/**
 * Optional columns of a reviewed extraction (`trajectory extract --out`): `confirmed` (the analyst's yes/no),
 * the extractor's `confidence` (0–1) and the `rule` that proposed the row. The readers accept them and keep them out
 * of the model; a file with a `confirmed` column only yields its confirmed rows (see {@link parseConfirmed}).
 *
 * @example
 * [...REVIEW_COLUMNS, ...INDICATOR_COLUMNS].join(',') // the header of an extracted candidates file
 */
export const REVIEW_COLUMNS = ['confirmed', 'confidence', 'rule'] as const;

/** A review column's name. */
export type ReviewColumn = (typeof REVIEW_COLUMNS)[number];

/** Words an analyst writes in `confirmed` (case ignored): yes, or no / empty (not reviewed yet). */
const CONFIRMED_WORDS: Record<string, boolean> = {
  yes: true,
  y: true,
  true: true,
  '1': true,
  是: true,
  '✓': true,
  no: false,
  n: false,
  false: false,
  '0': false,
  否: false,
  '': false,
};

/**
 * Read a `confirmed` cell: `true` for yes / y / true / 1 / 是 / ✓, `false` for no / n / false / 0 / 否 or an empty
 * cell (a row not reviewed yet), `null` for anything else (the caller reports it with file, row and field).
 *
 * @example
 * parseConfirmed(' Yes ') // true
 * parseConfirmed('') // false
 * parseConfirmed('maybe') // null
 */
export function parseConfirmed(cell: unknown): boolean | null {
  if (cell === null || cell === undefined) return false;
  if (typeof cell === 'boolean') return cell;
  if (typeof cell !== 'string' && typeof cell !== 'number') return null;
  return CONFIRMED_WORDS[String(cell).trim().toLowerCase()] ?? null;
}

/** The words {@link parseConfirmed} accepts, for error messages. */
export const CONFIRMED_VALUES = 'yes, y, true, 1, 是, ✓ (confirmed) or no, n, false, 0, 否, empty (not yet)';
