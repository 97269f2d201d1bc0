/**
 * The one CSV reader of the bundled datasets: the same structural pass and arquero parse as core's
 * `readIndicatorCsv`, and the same {@link IndicatorDataError} naming file, line, row and field, for tables whose
 * columns are given by the caller.
 */
import { type DataIssue, IndicatorDataError, readCsvText } from '@trajectory/core';

/** The columns a table must have (`required`) and may have (`optional`); any other column is an error. */
export interface CsvColumns {
  required: readonly string[];
  optional?: readonly string[];
}

/** Records of a CSV table as text cells (empty cell = `''`), with the line each record starts on. */
export interface CsvTable {
  /** column names in file order */
  columns: string[];
  records: Record<string, string>[];
  /** 1-based CSV line on which each record starts (index 0 = first data row) */
  lines: number[];
}

function fail(issues: DataIssue[]): never {
  throw new IndicatorDataError(issues);
}

/**
 * Read CSV text (UTF-8, optional byte order mark, CRLF or LF, RFC 4180 quoting) into text records, checking the
 * structure and the columns.
 *
 * @param file name used in error messages
 * @throws IndicatorDataError listing malformed records (unterminated or stray quotes, ragged rows) and missing,
 *   unknown or duplicate columns
 * @example
 * readCsvTable('a,b\n1,2\n', 'x.csv', { required: ['a', 'b'] }).records // [{ a: '1', b: '2' }]
 */
export function readCsvTable(text: string, file: string, columns: CsvColumns): CsvTable {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const { header, records, columns: names, objects } = readCsvText(body, file);
  const issues: DataIssue[] = [];
  const allowed = new Set([...columns.required, ...(columns.optional ?? [])]);
  const seen = new Set<string>();
  for (const c of columns.required) {
    if (!names.includes(c)) issues.push({ file, row: null, line: header.line, field: c, message: 'missing column' });
  }
  for (const c of names) {
    if (seen.has(c)) issues.push({ file, row: null, line: header.line, field: c, message: 'duplicate column' });
    seen.add(c);
    if (!allowed.has(c)) issues.push({ file, row: null, line: header.line, field: c, message: 'unknown column' });
  }
  if (issues.length) fail(issues);
  return {
    columns: names,
    records: objects.map((o) => Object.fromEntries(names.map((c) => [c, o[c] == null ? '' : String(o[c])]))),
    lines: records.map((r) => r.line),
  };
}
