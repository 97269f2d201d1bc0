/**
 * Typed reading of one text record's cells. Each reader records a {@link DataIssue} naming file, line, row and field
 * when a cell is empty, not a number, or outside its vocabulary, and returns a placeholder so every problem of every
 * row is collected before the table is rejected.
 */
import type { DataIssue } from '@trajectory/core';

const numberPattern = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** Readers of the cells of one record. */
export interface FieldReader {
  /** the cell as written (`''` when empty) */
  text(field: string): string;
  /** a non-empty cell */
  required(field: string): string;
  /** a finite number, `null` for an empty cell */
  number(field: string): number | null;
  /** a number that must be present */
  requiredNumber(field: string): number;
  /** an integer year in 1900–2100, `null` for an empty cell unless `required` */
  year(field: string, required: boolean): number | null;
  /** one of `allowed`; `null` for an empty cell when `optional` */
  oneOf<T extends string>(field: string, allowed: readonly T[], optional: boolean): T | null;
  /** record a problem of this row */
  bad(field: string | null, message: string): void;
}

/**
 * A {@link FieldReader} for data row `index` (0-based) of `file`, whose problems go to `issues`.
 *
 * @example
 * const issues: DataIssue[] = [];
 * fieldReader({ year: '2020x' }, 'x.csv', 0, 2, issues).year('year', true); // null; issues name x.csv:2 row 1 'year'
 */
export function fieldReader(
  record: Readonly<Record<string, string>>,
  file: string,
  index: number,
  line: number | null,
  issues: DataIssue[],
): FieldReader {
  const bad = (field: string | null, message: string) => issues.push({ file, row: index + 1, line, field, message });
  const text = (field: string) => record[field] ?? '';
  const number = (field: string): number | null => {
    const s = text(field).trim();
    if (s === '') return null;
    if (!numberPattern.test(s)) {
      bad(field, `not a number: ${JSON.stringify(text(field))}`);
      return null;
    }
    return Number(s);
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
