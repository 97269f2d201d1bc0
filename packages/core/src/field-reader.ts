/**
 * Typed reading of one record's cells, shared by every table reader (the indicator dataset here, the bundled
 * datasets in @trajectory/datasets). Each reader records a {@link DataIssue} naming file, line, row and field when a
 * cell is empty, not a number, or outside its vocabulary, and returns a placeholder, so every problem of every row
 * is collected before the table is rejected. Cells are text (CSV) or JSON values (numbers stay numbers).
 */
import type { DataIssue } from './indicator-data-error.ts';

const numberPattern = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** Readers of the cells of one record. */
export interface FieldReader {
  /** the cell as written (`''` when empty; a finite number as its decimal text) */
  text(field: string): string;
  /** a non-empty cell */
  required(field: string): string;
  /** a finite number (an integer with `integer`), `null` for an empty cell */
  number(field: string, options?: { integer?: boolean }): number | null;
  /** a number that must be present */
  requiredNumber(field: string): number;
  /** a four-digit year in 1900–2100, `null` for an empty cell unless `required` */
  year(field: string, required: boolean): number | null;
  /** one of `allowed`; `null` for an empty cell when `optional` */
  oneOf<T extends string>(field: string, allowed: readonly T[], optional: boolean): T | null;
  /** record a problem of this row */
  bad(field: string | null, message: string): void;
}

/** Where a record sits, for its issues: file, 1-based data row, line where the record starts. */
export interface RecordPlace {
  file: string;
  row: number;
  line: number | null;
}

/**
 * A {@link FieldReader} for one record at `place`, whose problems go to `issues`.
 *
 * @example
 * const issues: DataIssue[] = [];
 * fieldReader({ year: '2020x' }, { file: 'x.csv', row: 1, line: 2 }, issues).year('year', true);
 * // null; issues[0] names x.csv, line 2, row 1, field 'year'
 */
export function fieldReader(
  record: Readonly<Record<string, unknown>>,
  place: RecordPlace,
  issues: DataIssue[],
): FieldReader {
  const bad = (field: string | null, message: string) =>
    issues.push({ file: place.file, row: place.row, line: place.line, field, message });
  const text = (field: string): string => {
    const v = record[field];
    if (v === null || v === undefined) return '';
    if (typeof v === 'string') return v;
    if (typeof v === 'number' && Number.isFinite(v)) return String(v);
    bad(field, `expected text, got ${JSON.stringify(v)}`);
    return '';
  };
  const number = (field: string, options: { integer?: boolean } = {}): number | null => {
    const raw = record[field];
    if (raw === null || raw === undefined) return null;
    const s = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : String(raw);
    // a cell of spaces looks empty in a spreadsheet, and is read as empty
    if (s === '' && typeof raw === 'string') return null;
    if (!numberPattern.test(s)) {
      bad(field, `not a number: ${JSON.stringify(raw)}`);
      return null;
    }
    const n = Number(s);
    if (options.integer && !Number.isInteger(n)) {
      bad(field, `not an integer: ${JSON.stringify(raw)}`);
      return null;
    }
    return n;
  };
  return {
    text,
    bad,
    number,
    required(field) {
      const v = text(field);
      if (v.trim() === '') bad(field, 'is empty');
      return v;
    },
    requiredNumber(field) {
      if (text(field).trim() === '') bad(field, 'is empty');
      return number(field) ?? Number.NaN;
    },
    year(field, required) {
      const s = text(field).trim();
      if (s === '') {
        if (required) bad(field, 'is empty');
        return null;
      }
      if (!/^\d{4}$/.test(s)) {
        bad(field, `not a year: ${JSON.stringify(text(field))}`);
        return null;
      }
      const y = Number(s);
      if (y < 1900 || y > 2100) {
        bad(field, `year ${y} out of range 1900-2100`);
        return null;
      }
      return y;
    },
    oneOf<T extends string>(field: string, allowed: readonly T[], optional: boolean): T | null {
      const v = text(field).trim();
      if (v === '') {
        if (!optional) bad(field, `is empty (expected one of ${allowed.join(', ')})`);
        return null;
      }
      if (!(allowed as readonly string[]).includes(v)) {
        bad(field, `unknown value '${v}' (expected one of ${allowed.join(', ')})`);
        return null;
      }
      return v as T;
    },
  };
}
