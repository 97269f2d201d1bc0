/**
 * Turning raw records (strings from CSV, values from JSON) into typed {@link IndicatorRow}s, and the checks that
 * span rows: unique ids, one definition per indicator, no target before its base year. Every problem becomes a
 * {@link DataIssue} naming file, row and field; nothing is dropped silently.
 */
import {
  ACCUMULATIONS as accumulations,
  COMPARATORS as comparators,
  MEASURE_TYPES as measures,
  type RelativeTarget,
  TARGET_ATTRIBUTES as attributes,
} from './indicator.ts';
import { fieldReader } from './field-reader.ts';
import type { DataIssue } from './indicator-data-error.ts';
import {
  CONFIRMED_VALUES,
  INDICATOR_COLUMNS,
  type IndicatorRow,
  parseConfirmed,
  REVIEW_COLUMNS,
} from './indicator-row.ts';
import { convertUnit, isKnownUnit } from './units.ts';
import { parseValueText, relativeWordFactor } from './value-text.ts';

const knownColumns = new Set<string>([...INDICATOR_COLUMNS, ...REVIEW_COLUMNS]);
const relativeKinds: readonly RelativeTarget['kind'][] = ['multiple', 'increase-percent', 'increase'];

/** Where a batch of records came from, for error messages. */
export interface RecordContext {
  file: string;
  /** CSV line on which each data record starts (index 0 = first data row), when known */
  lines?: readonly number[];
  /** 1-based data row of each record, when some records were set aside (unconfirmed); default index + 1 */
  rows?: readonly number[];
  /** `label`: a unit outside the known list is kept as a label (users' own data); default `error` */
  unknownUnits?: 'error' | 'label';
}

/** The data row (1-based, as the file counts it) of record `index`. */
function rowOf(ctx: RecordContext, index: number): number {
  return ctx.rows?.[index] ?? index + 1;
}

function issueAt(ctx: RecordContext, index: number | null, field: string | null, message: string): DataIssue {
  return {
    file: ctx.file,
    row: index === null ? null : rowOf(ctx, index),
    line: index === null ? null : (ctx.lines?.[index] ?? null),
    field,
    message,
  };
}

/**
 * Whether two numbers are equal up to floating-point noise (relative 1e-9): a number written in a document and
 * the same number parsed back, or a value and the same value from another statement.
 *
 * @example
 * sameNumber(0.1 + 0.2, 0.3) // true
 */
export function sameNumber(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/**
 * Parse raw records into typed rows. Every record yields a row (with best-effort values) or issues; rows with
 * issues are still returned so later checks can name them, but callers must not use the rows when `issues` is
 * non-empty.
 *
 * @example
 * const { rows, issues } = parseIndicatorRecords(table.objects(), { file: 'x.csv' });
 */
export function parseIndicatorRecords(
  records: readonly Record<string, unknown>[],
  ctx: RecordContext,
): { rows: IndicatorRow[]; issues: DataIssue[] } {
  const issues: DataIssue[] = [];
  const rows: IndicatorRow[] = [];
  records.forEach((record, index) => {
    const f = fieldReader(record, { file: ctx.file, row: rowOf(ctx, index), line: ctx.lines?.[index] ?? null }, issues);
    const { text, required, number, oneOf } = f;
    const bad = (field: string, message: string) => f.bad(field, message);

    const kind = oneOf('kind', ['observed', 'target'] as const, false);
    const year = number('year', { integer: true });
    if (year === null && text('year').trim() === '') bad('year', 'is empty');
    else if (year !== null && (year < 1900 || year > 2100)) bad('year', `year ${year} out of range 1900-2100`);
    const unit = required('unit');
    if (unit && !isKnownUnit(unit) && ctx.unknownUnits !== 'label') bad('unit', `unknown unit '${unit}'`);
    const row: IndicatorRow = {
      id: required('id'),
      doc: required('doc'),
      region: required('region'),
      indicator: required('indicator'),
      indicator_zh: required('indicator_zh'),
      indicator_en: required('indicator_en'),
      kind: kind ?? 'observed',
      year: year ?? 0,
      value: number('value'),
      value_text: text('value_text'),
      unit,
      comparator: oneOf('comparator', comparators, true),
      measure: oneOf('measure', measures, false) ?? 'count',
      accumulation: oneOf('accumulation', accumulations, false) ?? 'stock',
      period_start: number('period_start', { integer: true }),
      period_end: number('period_end', { integer: true }),
      lower: number('lower'),
      upper: number('upper'),
      relative_kind: oneOf('relative_kind', relativeKinds, true),
      relative_amount: number('relative_amount'),
      relative_base_year: number('relative_base_year', { integer: true }),
      relative_text: text('relative_text'),
      attribute: oneOf('attribute', attributes, true),
      scope: text('scope'),
      note: text('note'),
      quote: required('quote'),
    };
    for (const key of Object.keys(record)) {
      if (!knownColumns.has(key)) bad(key, 'unknown column');
    }
    // the extractor's confidence is provenance only, but a reviewer's typo in it is still a typo
    const confidence = number('confidence');
    if (confidence !== null && !(confidence >= 0 && confidence <= 1))
      bad('confidence', `${confidence} is not in [0, 1]`);
    checkRow(row, (field, message) => bad(field, message));
    rows.push(row);
  });
  return { rows, issues };
}

/**
 * Checks within one typed row: value_text parses to value, the quote contains value_text, periods, bounds and
 * relative fields are complete and consistent, a relative target's year is after its base year.
 *
 * @example
 * checkIndicatorRow(row) // [] when the row is fine, else [{ field: 'value_text', message: ... }]
 */
export function checkIndicatorRow(
  row: IndicatorRow,
  options: { unknownUnits?: 'error' | 'label' } = {},
): { field: string; message: string }[] {
  const out: { field: string; message: string }[] = [];
  checkRow(row, (field, message) => out.push({ field, message }));
  if (!isKnownUnit(row.unit) && options.unknownUnits !== 'label')
    out.push({ field: 'unit', message: `unknown unit '${row.unit}'` });
  return out;
}

function checkRow(row: IndicatorRow, bad: (field: string, message: string) => void): void {
  if (row.kind === 'observed') {
    if (row.value === null) bad('value', 'an observation needs a value');
    if (row.relative_kind !== null) bad('relative_kind', 'only targets can be relative');
    if (row.attribute !== null) bad('attribute', 'only targets have an attribute (预期性/约束性)');
  } else if (row.comparator === null) {
    bad('comparator', 'a target needs a comparator (>=, >, =, <=, <)');
  }
  if (row.value !== null) {
    const parsed = parseValueText(row.value_text, row.unit);
    if (parsed === null) bad('value_text', `'${row.value_text}' does not parse as a number (value is ${row.value})`);
    else if (!sameNumber(parsed, row.value))
      bad('value_text', `'${row.value_text}' parses to ${parsed}, but value is ${row.value}`);
  } else if (row.value_text.trim() !== '') {
    const factor = relativeWordFactor(row.value_text);
    if (row.relative_kind === null) bad('value', `is empty but value_text is '${row.value_text}'`);
    else if (factor !== null && !(row.relative_kind === 'multiple' && row.relative_amount === factor)) {
      bad(
        'relative_amount',
        `'${row.value_text}' means multiple ${factor}, but the row says ${row.relative_kind} ${row.relative_amount}`,
      );
    }
  }
  if (row.quote && !row.quote.includes(row.value_text)) bad('quote', `does not contain value_text '${row.value_text}'`);
  if ((row.period_start === null) !== (row.period_end === null)) {
    bad(row.period_start === null ? 'period_start' : 'period_end', 'period_start and period_end go together');
  } else if (row.period_start !== null && row.period_end !== null) {
    if (row.period_start > row.period_end)
      bad('period_end', `period ${row.period_start}-${row.period_end} ends before it starts`);
    else if (row.period_end !== row.year)
      bad('period_end', `period ends in ${row.period_end}, not in the row's year ${row.year}`);
  }
  if ((row.lower === null) !== (row.upper === null))
    bad(row.lower === null ? 'lower' : 'upper', 'lower and upper go together');
  if (row.lower !== null && row.upper !== null && row.lower >= row.upper)
    bad('upper', `bounds [${row.lower}, ${row.upper}] are empty`);
  if (row.value !== null && row.lower !== null && row.value < row.lower)
    bad('value', `${row.value} is below the lower bound ${row.lower}`);
  if (row.value !== null && row.upper !== null && row.value > row.upper)
    bad('value', `${row.value} is above the upper bound ${row.upper}`);
  const rel = [row.relative_kind, row.relative_amount, row.relative_base_year];
  if (rel.some((v) => v !== null) && rel.some((v) => v === null)) {
    const missing = (['relative_kind', 'relative_amount', 'relative_base_year'] as const).filter(
      (f) => row[f] === null,
    );
    bad(missing[0]!, 'relative_kind, relative_amount and relative_base_year go together');
  }
  if (row.relative_base_year !== null && row.kind === 'target' && row.year <= row.relative_base_year) {
    bad('year', `target year ${row.year} is not after its base year ${row.relative_base_year}`);
  }
}

/** The fields every row of one indicator must agree on (the unit up to an equivalent counter, see below). */
const indicatorFields = ['region', 'indicator_zh', 'indicator_en', 'measure', 'scope', 'lower', 'upper'] as const;

/** Units that name the same quantity with the same scale (家 and 个 both count entities) may differ between rows. */
function equivalentUnits(a: string, b: string): boolean {
  return a === b || convertUnit(1, a, b) === 1;
}

/**
 * Checks across rows: unique ids; rows of one indicator agree on region, names, unit, measure, scope and bounds;
 * no target year before the base year (the latest observation of the same indicator in the same document).
 *
 * @example
 * const issues = validateIndicatorRows(rows, { file: 'seeds/indicators.csv' });
 */
export function validateIndicatorRows(rows: readonly IndicatorRow[], ctx: RecordContext): DataIssue[] {
  const issues: DataIssue[] = [];
  const firstById = new Map<string, number>();
  const firstByIndicator = new Map<string, number>();
  const latestObserved = new Map<string, { year: number; index: number }>();
  rows.forEach((row, index) => {
    const seen = firstById.get(row.id);
    if (seen !== undefined)
      issues.push(issueAt(ctx, index, 'id', `duplicate id '${row.id}' (first in row ${rowOf(ctx, seen)})`));
    else firstById.set(row.id, index);
    const first = firstByIndicator.get(row.indicator);
    if (first === undefined) firstByIndicator.set(row.indicator, index);
    else {
      const ref = rows[first]!;
      if (!equivalentUnits(ref.unit, row.unit)) {
        issues.push(
          issueAt(
            ctx,
            index,
            'unit',
            `'${row.unit}' differs from '${ref.unit}' in row ${rowOf(ctx, first)} of the same indicator '${row.indicator}' (only equivalent counters such as 家/个 may differ)`,
          ),
        );
      }
      for (const field of indicatorFields) {
        if (ref[field] !== row[field]) {
          issues.push(
            issueAt(
              ctx,
              index,
              field,
              `'${row[field] ?? ''}' differs from '${ref[field] ?? ''}' in row ${rowOf(ctx, first)} of the same indicator '${row.indicator}'`,
            ),
          );
        }
      }
    }
    if (row.kind === 'observed') {
      const key = `${row.indicator}\u0000${row.doc}`;
      const prev = latestObserved.get(key);
      if (!prev || row.year > prev.year) latestObserved.set(key, { year: row.year, index });
    }
  });
  rows.forEach((row, index) => {
    if (row.kind !== 'target') return;
    const base = latestObserved.get(`${row.indicator}\u0000${row.doc}`);
    if (base && row.year < base.year) {
      issues.push(
        issueAt(
          ctx,
          index,
          'year',
          `target year ${row.year} is before the base year ${base.year} (row ${rowOf(ctx, base.index)})`,
        ),
      );
    }
  });
  return issues;
}

/** A row set aside because the analyst has not confirmed it (an extracted candidate awaiting review). */
export interface UnconfirmedRow {
  /** 1-based data row */
  row: number;
  /** line where the record starts, when known */
  line: number | null;
  /** the row's id cell (may be empty) */
  id: string;
  /** the `confirmed` cell as written ('' when empty) */
  confirmed: string;
}

/** Rows of a file that may carry the review columns: the confirmed (or ordinary) rows and those set aside. */
export interface ReviewedRows {
  rows: IndicatorRow[];
  /** the file's 1-based data row of each of `rows` (they differ from positions once rows are set aside) */
  rowNumbers: number[];
  /** rows whose `confirmed` cell says no or is empty; always empty for a file without the column */
  unconfirmed: UnconfirmedRow[];
}

/**
 * Parse and validate records that may carry the {@link REVIEW_COLUMNS}: when any record has a `confirmed` cell,
 * only rows an analyst marked confirmed are parsed; the others are returned in `unconfirmed` (never dropped
 * silently) and a `confirmed` value that is not a yes or a no is an issue. Records without the column are all
 * parsed. Issues name the file's own row numbers either way.
 *
 * @example
 * const { rows, unconfirmed, issues } = parseReviewedRecords(records, { file: 'candidates.csv' });
 */
export function parseReviewedRecords(
  records: readonly Record<string, unknown>[],
  ctx: RecordContext,
): ReviewedRows & { issues: DataIssue[] } {
  const issues: DataIssue[] = [];
  const unconfirmed: UnconfirmedRow[] = [];
  const kept: Record<string, unknown>[] = [];
  const rows: number[] = [];
  const lines: number[] = [];
  const reviewed = records.some((r) => 'confirmed' in r);
  records.forEach((record, index) => {
    const line = ctx.lines?.[index] ?? null;
    if (reviewed) {
      const cell = record.confirmed;
      const confirmed = parseConfirmed(cell);
      const text = cell === null || cell === undefined ? '' : String(cell);
      if (confirmed === null) {
        issues.push(issueAt(ctx, index, 'confirmed', `'${text}' is neither yes nor no (use ${CONFIRMED_VALUES})`));
        return;
      }
      if (!confirmed) {
        const id = record.id;
        unconfirmed.push({ row: rowOf(ctx, index), line, id: typeof id === 'string' ? id : '', confirmed: text });
        return;
      }
    }
    kept.push(record);
    rows.push(rowOf(ctx, index));
    if (line !== null) lines.push(line);
  });
  const keptCtx: RecordContext = { ...ctx, rows, ...(ctx.lines ? { lines } : {}) };
  const parsed = parseIndicatorRecords(kept, keptCtx);
  issues.push(...parsed.issues, ...validateIndicatorRows(parsed.rows, keptCtx));
  return { rows: parsed.rows, rowNumbers: rows, unconfirmed, issues };
}

/**
 * The issues that make unconfirmed rows an error, for readers that cannot skip rows (everything but `assess`):
 * one per row, naming file, row and field `confirmed`.
 *
 * @example
 * const issues = unconfirmedIssues(unconfirmed, 'candidates.csv'); // [] when every row is confirmed
 */
export function unconfirmedIssues(unconfirmed: readonly UnconfirmedRow[], file: string): DataIssue[] {
  return unconfirmed.map((u) => ({
    file,
    row: u.row,
    line: u.line,
    field: 'confirmed',
    message: `${u.confirmed === '' ? 'empty' : `'${u.confirmed}'`}: not confirmed; review the row and write yes, or delete it`,
  }));
}
