/**
 * Validation problems of indicator data, each naming the file, the row and the field, collected into one
 * `IndicatorDataError` so a user sees every problem at once and nothing is silently dropped.
 */

/** One problem in the data. */
export interface DataIssue {
  /** file (or label) the data came from */
  file: string;
  /** 1-based data row (the header is row 0); `null` for problems of the whole file */
  row: number | null;
  /** 1-based line of the CSV where the record starts, when known */
  line: number | null;
  /** column name, or `null` for problems of the whole record */
  field: string | null;
  message: string;
}

/**
 * Format an issue in the one fixed format: `file:line (row N) field 'x': message`.
 *
 * @example
 * formatIssue({ file: 'a.csv', row: 3, line: 4, field: 'unit', message: "unknown unit 'kg'" })
 * // "a.csv:4 (row 3) field 'unit': unknown unit 'kg'"
 */
export function formatIssue(issue: DataIssue): string {
  const where = issue.line !== null ? `${issue.file}:${issue.line}` : issue.file;
  const row = issue.row !== null ? ` (row ${issue.row})` : '';
  const field = issue.field !== null ? ` field '${issue.field}'` : '';
  return `${where}${row}${field}: ${issue.message}`;
}

/**
 * Thrown when indicator data is invalid; `issues` lists every problem found (not only the first).
 *
 * @example
 * try { readIndicatorCsv(text, 'x.csv') } catch (e) { if (e instanceof IndicatorDataError) console.log(e.issues) }
 */
export class IndicatorDataError extends Error {
  readonly issues: DataIssue[];
  constructor(issues: DataIssue[]) {
    const shown = issues.slice(0, 20).map(formatIssue);
    const more = issues.length > 20 ? [`... and ${issues.length - 20} more`] : [];
    super(
      [`${issues.length} problem${issues.length === 1 ? '' : 's'} in indicator data:`, ...shown, ...more].join('\n'),
    );
    this.name = 'IndicatorDataError';
    this.issues = issues;
  }
}
