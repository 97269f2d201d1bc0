import { fromCSV } from 'arquero';
import { type CsvRecordInfo, scanCsvRecords } from './csv-records.ts';
import { type DataIssue, IndicatorDataError } from './indicator-data-error.ts';

/** Result of {@link readCsvText}: the header and data records (with their lines) and arquero's reading of them. */
export interface CsvText {
  /** The header record. */
  header: CsvRecordInfo;
  /** The data records, in order; `records[i]` is data row `i + 1`. */
  records: CsvRecordInfo[];
  /** Column names as arquero read them (duplicates kept, for the caller's column checks). */
  columns: string[];
  /** One object per data record, every value as text (arquero with `autoType: false`). */
  objects: Record<string, unknown>[];
}

function fail(issues: DataIssue[]): never {
  throw new IndicatorDataError(issues);
}

/**
 * Reads a CSV text (without its BOM) as text values, after checking its structure record by record: the one place
 * that turns malformed CSV (unterminated or stray quotes, ragged rows, no header) into errors naming file and line,
 * for the indicator dataset and every other bundled dataset. Column checks are the caller's.
 *
 * @param file name used in error messages
 * @throws IndicatorDataError listing every malformed record
 * @example
 * readCsvText('a,b\n1,2\n', 'x.csv').objects // [{ a: '1', b: '2' }]
 */
export function readCsvText(body: string, file: string): CsvText {
  const scan = scanCsvRecords(body);
  const issues: DataIssue[] = scan.errors.map((e) => ({
    file,
    row: null,
    line: e.line,
    field: null,
    message: `malformed CSV: ${e.message}`,
  }));
  const header = scan.records[0];
  if (!header) fail([{ file, row: null, line: 1, field: null, message: 'empty file (no header row)' }]);
  const records = scan.records.slice(1);
  records.forEach((r, i) => {
    if (r.fields !== header.fields) {
      issues.push({
        file,
        row: i + 1,
        line: r.line,
        field: null,
        message: `malformed CSV: ${r.fields} fields, the header has ${header.fields}`,
      });
    }
  });
  if (issues.length) fail(issues);
  let table: ReturnType<typeof fromCSV>;
  try {
    table = fromCSV(body, { autoType: false });
  } catch (error) {
    fail([{ file, row: null, line: null, field: null, message: `malformed CSV: ${(error as Error).message}` }]);
  }
  const objects = table.objects() as Record<string, unknown>[];
  if (objects.length !== records.length) {
    const message = `malformed CSV: ${records.length} records found, arquero read ${objects.length}`;
    fail([{ file, row: null, line: null, field: null, message }]);
  }
  return { header, records, columns: table.columnNames(), objects };
}
