/**
 * `history.csv`: yearly values of the seed indicators and of the same indicators in their parent regions, each row
 * with its source (title, URL, exact quote) and what the number is (stock, flow, cumulative; final, preliminary or
 * revised; the month a partial-year figure runs to).
 */
import {
  ACCUMULATIONS,
  type Accumulation,
  type DataIssue,
  IndicatorDataError,
  isKnownUnit,
  MEASURE_TYPES,
  type MeasureType,
} from '@trajectory/core';
import { readCsvTable } from './csv-table.ts';
import { fieldReader } from '@trajectory/core';
import { REGIONS } from './regions.ts';

/** Columns of `history.csv`, in file order. */
export const HISTORY_COLUMNS = [
  'id',
  'region',
  'indicator',
  'indicator_zh',
  'indicator_en',
  'kind',
  'year',
  'value',
  'value_text',
  'unit',
  'measure',
  'accumulation',
  'status',
  'as_of',
  'quote',
  'source_title',
  'source_url',
  'scope_note',
  'break_note',
] as const;

/** Whether a figure is the final one, a preliminary release, or a later revision. */
export type HistoryStatus = 'final' | 'preliminary' | 'revised';

/** The statuses, in the order error messages list them. */
export const HISTORY_STATUSES: readonly HistoryStatus[] = ['final', 'preliminary', 'revised'];

/** One yearly value of an indicator, with its source. */
export interface HistoryRecord {
  /** unique row id */
  id: string;
  /** region key (see `REGIONS`) */
  region: string;
  /** seed indicator key (`binhai.hightech_firms`) or a parent-region key of the same form (`tianjin.hightech_firms`) */
  indicator: string;
  indicator_zh: string;
  indicator_en: string;
  kind: 'observed' | 'target';
  year: number;
  value: number;
  /** the number exactly as written in `quote` */
  value_text: string;
  unit: string;
  measure: MeasureType;
  accumulation: Accumulation;
  status: HistoryStatus;
  /** `YYYY-MM` the figure runs to when it is a partial year or a release of that month; `null` otherwise */
  as_of: string | null;
  quote: string;
  source_title: string;
  source_url: string;
  /** what the figure covers when it differs from the indicator's usual scope */
  scope_note: string;
  /** set on the first value after a series break (a census revision, a changed definition) */
  break_note: string;
}

/**
 * Parse and validate `history.csv` text.
 *
 * @param file name used in error messages
 * @throws IndicatorDataError naming file, line, row and field for every malformed or missing cell, unknown region,
 *   unit, measure, accumulation, kind or status, a bad `as_of`, and duplicate ids
 * @example
 * parseHistoryCsv(readFileSync('data/history.csv', 'utf8'), 'history.csv').filter((r) => r.region === 'tianjin')
 */
export function parseHistoryCsv(text: string, file: string): HistoryRecord[] {
  const table = readCsvTable(text, file, { required: HISTORY_COLUMNS });
  const issues: DataIssue[] = [];
  const firstById = new Map<string, number>();
  const out = table.records.map((record, index): HistoryRecord => {
    const f = fieldReader(record, { file, row: index + 1, line: table.lines[index] ?? null }, issues);
    const region = f.required('region');
    if (region && !REGIONS.has(region)) f.bad('region', `unknown region '${region}'`);
    const unit = f.required('unit');
    if (unit && !isKnownUnit(unit)) f.bad('unit', `unknown unit '${unit}'`);
    const asOf = f.text('as_of').trim();
    if (asOf !== '' && !/^\d{4}-(0[1-9]|1[0-2])$/.test(asOf)) f.bad('as_of', `'${asOf}' is not blank or YYYY-MM`);
    const id = f.required('id');
    const first = firstById.get(id);
    if (id && first !== undefined) f.bad('id', `duplicate id '${id}' (first in row ${first + 1})`);
    else firstById.set(id, index);
    return {
      id,
      region,
      indicator: f.required('indicator'),
      indicator_zh: f.required('indicator_zh'),
      indicator_en: f.required('indicator_en'),
      kind: f.oneOf('kind', ['observed', 'target'] as const, false) ?? 'observed',
      year: f.year('year', true) ?? 0,
      value: f.requiredNumber('value'),
      value_text: f.required('value_text'),
      unit,
      measure: f.oneOf('measure', MEASURE_TYPES, false) ?? 'count',
      accumulation: f.oneOf('accumulation', ACCUMULATIONS, false) ?? 'stock',
      status: f.oneOf('status', HISTORY_STATUSES, false) ?? 'final',
      as_of: asOf === '' ? null : asOf,
      quote: f.required('quote'),
      source_title: f.required('source_title'),
      source_url: f.required('source_url'),
      scope_note: f.text('scope_note'),
      break_note: f.text('break_note'),
    };
  });
  if (issues.length) throw new IndicatorDataError(issues);
  return out;
}
