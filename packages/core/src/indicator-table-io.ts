/**
 * Indicator rows in and out of CSV and JSON, through arquero (`fromCSV`/`toCSV`, `fromJSON`/`toJSON`). Reading
 * validates everything and throws one {@link IndicatorDataError} listing every problem with file, row, field.
 */
import { from, fromJSON } from 'arquero';
import { IndicatorDataError, type DataIssue } from './indicator-data-error.ts';
import { INDICATOR_COLUMNS, type IndicatorRow, REVIEW_COLUMNS } from './indicator-row.ts';
import { parseReviewedRecords, type ReviewedRows, unconfirmedIssues } from './indicator-rows.ts';
import { readCsvText } from './csv-text-table.ts';
import { neutralizeCsvCell, restoreCsvCell } from './safe-text.ts';

function fail(issues: DataIssue[]): never {
  throw new IndicatorDataError(issues);
}

/**
 * Problems of a header: a dataset column missing, a column twice, a column that is neither a dataset column nor a
 * {@link REVIEW_COLUMNS review column}. Shared by every reader (CSV, JSON, spreadsheets).
 *
 * @example
 * checkIndicatorColumns(['id', 'doc'], 'x.csv', 1) // one 'missing column' issue per absent column
 */
export function checkIndicatorColumns(names: readonly string[], file: string, line: number | null): DataIssue[] {
  const issues: DataIssue[] = [];
  for (const c of INDICATOR_COLUMNS) {
    if (!names.includes(c)) issues.push({ file, row: null, line, field: c, message: 'missing column' });
  }
  const seen = new Set<string>();
  for (const c of names) {
    if (seen.has(c)) issues.push({ file, row: null, line, field: c, message: 'duplicate column' });
    seen.add(c);
    if (!(INDICATOR_COLUMNS as readonly string[]).includes(c) && !(REVIEW_COLUMNS as readonly string[]).includes(c))
      issues.push({ file, row: null, line, field: c, message: 'unknown column' });
  }
  return issues;
}

/**
 * Read and validate indicator rows from CSV text (header row with the {@link INDICATOR_COLUMNS}; UTF-8; RFC 4180
 * quoting, fields may span lines). The {@link REVIEW_COLUMNS} of an extracted candidates file are accepted; a row
 * an analyst has not confirmed is an error here (see {@link readReviewedIndicatorCsv} to skip and count them).
 *
 * @param file name used in error messages
 * @throws IndicatorDataError listing malformed records, missing/unknown columns, non-numeric values, unknown units
 *   or comparators, duplicate ids, targets before their base year, unconfirmed rows, ...
 * @example
 * const rows = readIndicatorCsv(readFileSync('seeds/indicators.csv', 'utf8'), 'seeds/indicators.csv');
 */
export function readIndicatorCsv(
  text: string,
  file: string,
  options: { unknownUnits?: 'error' | 'label' } = {},
): IndicatorRow[] {
  return confirmedOnly(readReviewedIndicatorCsv(text, file, options), file);
}

/**
 * Like {@link readIndicatorCsv}, but rows whose `confirmed` cell says no or is empty (candidates from
 * `trajectory extract` not reviewed yet) are set aside and returned in `unconfirmed` for the caller to report.
 * A file without a `confirmed` column reads exactly as with {@link readIndicatorCsv}.
 *
 * @throws IndicatorDataError as {@link readIndicatorCsv}, and for a `confirmed` cell that is neither yes nor no
 * @example
 * const { rows, unconfirmed } = readReviewedIndicatorCsv(text, 'candidates.csv');
 * if (unconfirmed.length) console.error(`${unconfirmed.length} rows not confirmed, skipped`);
 */
export function readReviewedIndicatorCsv(
  text: string,
  file: string,
  options: { unknownUnits?: 'error' | 'label' } = {},
): ReviewedRows {
  let body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  // old-Mac line endings (CR alone, no LF anywhere): read them as line breaks rather than as one long record
  if (body.includes('\r') && !body.includes('\n')) body = body.replace(/\r/g, '\n');
  // text decoded leniently from GBK/GB18030 bytes holds U+FFFD where the bytes were not UTF-8: say so, with the line
  const bad = body.indexOf('\uFFFD');
  if (bad >= 0) {
    const line = body.slice(0, bad).split('\n').length;
    fail([
      {
        file,
        row: null,
        line,
        field: null,
        message: 'not valid UTF-8 (U+FFFD replacement characters; GBK/GB18030 bytes?): save the file as UTF-8',
      },
    ]);
  }
  const { header, records, columns: names, objects: read } = readCsvText(body, file);
  const columnIssues = checkIndicatorColumns(names, file, header.line);
  if (columnIssues.length) fail(columnIssues);
  const objects = read.map((o) => {
    for (const k of Object.keys(o)) if (typeof o[k] === 'string') o[k] = restoreCsvCell(o[k]);
    return o;
  });
  const ctx = { file, lines: records.map((r) => r.line), ...options };
  const { issues, ...reviewed } = parseReviewedRecords(objects, ctx);
  if (issues.length) fail(issues);
  return reviewed;
}

function confirmedOnly(read: ReviewedRows, file: string): IndicatorRow[] {
  if (read.unconfirmed.length) fail(unconfirmedIssues(read.unconfirmed, file));
  return read.rows;
}

/**
 * Write rows as CSV text with the {@link INDICATOR_COLUMNS} in order (empty cells for `null`); the inverse of
 * {@link readIndicatorCsv}.
 *
 * @example
 * writeFileSync(tmp, writeIndicatorCsv(rows)); renameSync(tmp, 'indicators.csv');
 */
export function writeIndicatorCsv(rows: readonly IndicatorRow[]): string {
  if (rows.length === 0) return `${INDICATOR_COLUMNS.join(',')}\n`;
  // text cells that a spreadsheet would evaluate as formulas get a leading ' (readIndicatorCsv removes it)
  const safe = rows.map((r) =>
    Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'string' ? neutralizeCsvCell(v) : v])),
  );
  const csv = from(safe)
    .select([...INDICATOR_COLUMNS])
    .toCSV();
  return csv.endsWith('\n') ? csv : `${csv}\n`;
}

/**
 * Read and validate rows from arquero's column-oriented JSON (`{"schema": ..., "data": {"id": [...], ...}}`, as
 * written by {@link writeIndicatorJson}) or a plain JSON array of row objects.
 *
 * @throws IndicatorDataError with the same checks as {@link readIndicatorCsv} (rows numbered from 1, no lines)
 * @example
 * const rows = readIndicatorJson(writeIndicatorJson(seedRows), 'rows.json');
 */
export function readIndicatorJson(text: string, file: string): IndicatorRow[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    fail([{ file, row: null, line: null, field: null, message: `malformed JSON: ${(error as Error).message}` }]);
  }
  let objects: Record<string, unknown>[];
  if (Array.isArray(data)) {
    const bad = data.findIndex((d) => typeof d !== 'object' || d === null || Array.isArray(d));
    if (bad >= 0) fail([{ file, row: bad + 1, line: null, field: null, message: 'not a JSON object' }]);
    objects = data as Record<string, unknown>[];
    const keys = new Set(objects.flatMap((o) => Object.keys(o)));
    const missing = INDICATOR_COLUMNS.filter((c) => objects.length > 0 && !keys.has(c));
    if (missing.length)
      fail(missing.map((c) => ({ file, row: null, line: null, field: c, message: 'missing column' })));
  } else {
    let table: ReturnType<typeof fromJSON>;
    try {
      table = fromJSON(text);
    } catch (error) {
      fail([
        { file, row: null, line: null, field: null, message: `not arquero column JSON: ${(error as Error).message}` },
      ]);
    }
    const columnIssues = checkIndicatorColumns(table.columnNames(), file, null);
    if (columnIssues.length) fail(columnIssues);
    objects = table.objects() as Record<string, unknown>[];
  }
  const { issues, ...read } = parseReviewedRecords(objects, { file });
  if (issues.length) fail(issues);
  return confirmedOnly(read, file);
}

/**
 * Write rows as arquero column-oriented JSON (`table.toJSON()`); read back with {@link readIndicatorJson}.
 *
 * @example
 * const json = writeIndicatorJson(rows);
 */
export function writeIndicatorJson(rows: readonly IndicatorRow[]): string {
  if (rows.length === 0) return JSON.stringify({ data: Object.fromEntries(INDICATOR_COLUMNS.map((c) => [c, []])) });
  return from(rows.map((r) => ({ ...r })))
    .select([...INDICATOR_COLUMNS])
    .toJSON();
}
