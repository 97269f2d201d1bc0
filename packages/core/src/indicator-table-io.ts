/**
 * Indicator rows in and out of CSV and JSON, through arquero (`fromCSV`/`toCSV`, `fromJSON`/`toJSON`). Reading
 * validates everything and throws one {@link IndicatorDataError} listing every problem with file, row, field.
 */
import { from, fromJSON } from 'arquero';
import { IndicatorDataError, type DataIssue } from './indicator-data-error.ts';
import { INDICATOR_COLUMNS, type IndicatorRow } from './indicator-row.ts';
import { parseIndicatorRecords, validateIndicatorRows } from './indicator-rows.ts';
import { readCsvText } from './csv-text-table.ts';
import { neutralizeCsvCell, restoreCsvCell } from './safe-text.ts';

function fail(issues: DataIssue[]): never {
  throw new IndicatorDataError(issues);
}

function checkColumns(names: readonly string[], file: string, line: number | null): DataIssue[] {
  const issues: DataIssue[] = [];
  for (const c of INDICATOR_COLUMNS) {
    if (!names.includes(c)) issues.push({ file, row: null, line, field: c, message: 'missing column' });
  }
  const seen = new Set<string>();
  for (const c of names) {
    if (seen.has(c)) issues.push({ file, row: null, line, field: c, message: 'duplicate column' });
    seen.add(c);
    if (!(INDICATOR_COLUMNS as readonly string[]).includes(c))
      issues.push({ file, row: null, line, field: c, message: 'unknown column' });
  }
  return issues;
}

/**
 * Read and validate indicator rows from CSV text (header row with the {@link INDICATOR_COLUMNS}; UTF-8; RFC 4180
 * quoting, fields may span lines).
 *
 * @param file name used in error messages
 * @throws IndicatorDataError listing malformed records, missing/unknown columns, non-numeric values, unknown units
 *   or comparators, duplicate ids, targets before their base year, ...
 * @example
 * const rows = readIndicatorCsv(readFileSync('seeds/indicators.csv', 'utf8'), 'seeds/indicators.csv');
 */
export function readIndicatorCsv(
  text: string,
  file: string,
  options: { unknownUnits?: 'error' | 'label' } = {},
): IndicatorRow[] {
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
  const columnIssues = checkColumns(names, file, header.line);
  if (columnIssues.length) fail(columnIssues);
  const objects = read.map((o) => {
    for (const k of Object.keys(o)) if (typeof o[k] === 'string') o[k] = restoreCsvCell(o[k]);
    return o;
  });
  const ctx = { file, lines: records.map((r) => r.line), ...options };
  const parsed = parseIndicatorRecords(objects, ctx);
  const all = [...parsed.issues, ...validateIndicatorRows(parsed.rows, ctx)];
  if (all.length) fail(all);
  return parsed.rows;
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
    const columnIssues = checkColumns(table.columnNames(), file, null);
    if (columnIssues.length) fail(columnIssues);
    objects = table.objects() as Record<string, unknown>[];
  }
  const ctx = { file };
  const parsed = parseIndicatorRecords(objects, ctx);
  const all = [...parsed.issues, ...validateIndicatorRows(parsed.rows, ctx)];
  if (all.length) fail(all);
  return parsed.rows;
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
