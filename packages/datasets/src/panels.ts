/**
 * `panels/<type>.csv`: yearly series of one indicator type across many regions (China's provinces, cities,
 * countries), in long form, each series with its source and licence. They are the prior for an indicator with
 * little history of its own.
 */
import { type DataIssue, IndicatorDataError, isKnownUnit } from '@trajectory/core';
import { readCsvTable } from './csv-table.ts';
import { fieldReader } from '@trajectory/core';

/** Columns of a panel file, in file order (`quote` is optional). */
export const PANEL_COLUMNS = [
  'type',
  'region',
  'region_level',
  'year',
  'value',
  'unit',
  'source_title',
  'source_url',
  'licence',
] as const;

/** One yearly value of one region in a panel. */
export interface PanelRecord {
  /** indicator type, the file's name (`rd_intensity` in `panels/rd_intensity.csv`) */
  type: string;
  /** region as the source names it (a province, city or country code) */
  region: string;
  /** `province`, `city`, `country`, ... as the dataset's README lists them */
  region_level: string;
  year: number;
  value: number;
  unit: string;
  source_title: string;
  source_url: string;
  licence: string;
  /** the source's words for the value, where the source is a text rather than a table; `''` otherwise */
  quote: string;
}

/** A panel type is a lower-case key that is also a file name. */
const typePattern = /^[a-z0-9][a-z0-9_]*$/;

/**
 * Parse and validate the text of one panel file. Every row's `type` must equal `type` (the file's name).
 *
 * @param file name used in error messages
 * @throws IndicatorDataError naming file, line, row and field for every malformed or missing cell, unknown unit,
 *   a `type` other than the file's, and a region (of one level) given twice for one year
 * @example
 * parsePanelCsv(readFileSync('data/panels/rd_intensity.csv', 'utf8'), 'rd_intensity', 'rd_intensity.csv')
 */
export function parsePanelCsv(text: string, type: string, file: string): PanelRecord[] {
  if (!typePattern.test(type)) throw new RangeError(`parsePanelCsv: '${type}' is not a panel type (a-z, 0-9, _)`);
  const table = readCsvTable(text, file, { required: PANEL_COLUMNS, optional: ['quote'] });
  const issues: DataIssue[] = [];
  const firstByKey = new Map<string, number>();
  const out = table.records.map((record, index): PanelRecord => {
    const f = fieldReader(record, { file, row: index + 1, line: table.lines[index] ?? null }, issues);
    const rowType = f.required('type');
    if (rowType && rowType !== type) f.bad('type', `'${rowType}' in the file of type '${type}'`);
    const unit = f.required('unit');
    if (unit && !isKnownUnit(unit)) f.bad('unit', `unknown unit '${unit}'`);
    const region = f.required('region');
    const level = f.required('region_level');
    const year = f.year('year', true) ?? 0;
    const key = `${level}\u0000${region}\u0000${year}`;
    const first = firstByKey.get(key);
    if (first !== undefined) f.bad('year', `${level} '${region}' has ${year} already (row ${first + 1})`);
    else firstByKey.set(key, index);
    return {
      type: rowType,
      region,
      region_level: level,
      year,
      value: f.requiredNumber('value'),
      unit,
      source_title: f.required('source_title'),
      source_url: f.required('source_url'),
      licence: f.required('licence'),
      quote: f.text('quote'),
    };
  });
  if (issues.length) throw new IndicatorDataError(issues);
  return out;
}
