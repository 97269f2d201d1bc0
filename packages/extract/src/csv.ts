/**
 * Candidates as a review file: core's dataset rows (`INDICATOR_COLUMNS`) with the review columns of
 * @trajectory/core — `confirmed` first (written `no`; the analyst writes yes), the extractor's `confidence` and
 * `rule` last. Once an analyst has filled in what only they know (`region`, the `indicator` key, `indicator_en`)
 * and confirmed rows, `trajectory assess --data` reads the file; unconfirmed rows are skipped and counted.
 * Written atomically (temp file + rename) with a UTF-8 BOM so Excel reads the Chinese text.
 */
import { basename } from 'node:path';
import { table } from 'arquero';
import {
  INDICATOR_COLUMNS,
  type IndicatorColumn,
  neutralizeCsvCell,
  parseValueText,
  type ReviewColumn,
  sameNumber,
} from '@trajectory/core';
import { writeFileAtomicSync } from '@trajectory/core/node';
import type { Candidate } from './candidate.ts';

/** `confirmed`, the dataset's columns (`INDICATOR_COLUMNS` of @trajectory/core), then `confidence` and `rule`. */
export const CSV_COLUMNS = ['confirmed', ...INDICATOR_COLUMNS, 'confidence', 'rule'] as const satisfies readonly (
  | IndicatorColumn
  | ReviewColumn
)[];

/** One CSV row: column name → cell (numbers stay numbers, null is an empty cell). */
export type CsvRow = Record<(typeof CSV_COLUMNS)[number], string | number | null>;

/**
 * A candidate as a dataset row with its evidence: the text's fields as the dataset spells them (`null` where the
 * text leaves a field open), the analyst's fields empty, `confirmed` `no`. A `share` qualifier (占全市21.6%) is not
 * a dataset relative form: it goes to `note`, and the share itself is a row of its own.
 *
 * @example candidateRow(candidate, 'plan.c1', 'plan.txt').confirmed // 'no'
 */
export function candidateRow(c: Candidate, id: string, doc: string): CsvRow {
  // a share qualifier (占全市21.6%) and an observation's comparison (比2015年增加…) are notes in the dataset:
  // its relative forms are targets' (翻番, 比…增长25%)
  const share = c.relative_kind === 'share' || (c.relative_kind !== '' && c.kind === 'observed');
  const relative = c.relative_kind !== '' && !share;
  const valueText = datasetValueText(c);
  // a blank left in a draft ("达 家以上") has no number: the dataset keeps value_text empty and says so in the note
  const blank =
    c.value === null && !relative && c.value_text.trim() !== '' ? `blank in the document ("${c.value_text}")` : '';
  const row: CsvRow = {
    confirmed: 'no',
    id,
    doc,
    region: '',
    indicator: '',
    indicator_zh: c.indicator_zh,
    indicator_en: '',
    kind: c.kind,
    year: c.year,
    value: c.value,
    value_text: valueText,
    unit: c.unit,
    comparator: c.comparator || null,
    measure: c.measure,
    accumulation: c.accumulation,
    period_start: c.period_start,
    period_end: c.period_end,
    lower: c.lower,
    upper: c.upper,
    relative_kind: share ? null : c.relative_kind || null,
    relative_amount: share ? null : c.relative_amount,
    relative_base_year: share ? null : c.relative_base_year,
    relative_text: share ? '' : c.relative_text,
    // 预期性/约束性 qualify a plan's target, not the base-year figure in the same table row
    attribute: c.kind === 'target' ? c.attribute || null : null,
    scope: c.scope,
    note: [c.note, share ? c.relative_text : '', blank].filter(Boolean).join('; '),
    quote: c.quote,
    confidence: c.confidence,
    rule: c.rule,
  };
  return row;
}

/**
 * `value_text` as the dataset writes it: the number alone as in the quote ("600" of "600家以上", "55亿" of
 * "55亿元" in 亿元, "9" of the table cell "国家级孵化器:9", "10" of the range "8-10 家" read as its high end), so
 * core's check that it parses to `value` holds; a relative word (翻番) as is; '' for a blank. The earliest, longest
 * part that parses to the value wins; when none does, the extractor's words stay for the analyst to correct.
 */
function datasetValueText(c: Candidate): string {
  if (c.value === null) return c.relative_kind !== '' && c.relative_kind !== 'share' ? c.value_text : '';
  const chars = [...c.value_text].slice(0, 60);
  for (let start = 0; start < chars.length; start++) {
    for (let end = chars.length; end > start; end--) {
      const part = chars.slice(start, end).join('');
      if (part.trim() !== part) continue;
      const parsed = parseValueText(part, c.unit);
      if (parsed !== null && sameNumber(parsed, c.value)) return part;
    }
  }
  return c.value_text;
}

/**
 * One CSV row per candidate. `id` is `<doc stem>.c<n>` (n counts from 1 in document order); `region`,
 * `indicator` (the grouping key) and `indicator_en` are left for the analyst.
 *
 * @example candidateRows(candidates, 'plan.txt')[0].id // 'plan.c1'
 */
export function candidateRows(candidates: Candidate[], doc: string): CsvRow[] {
  const stem = basename(doc).replace(/\.[^.]+$/, '');
  return candidates.map((c, i) => candidateRow(c, `${stem}.c${i + 1}`, basename(doc)));
}

/**
 * CSV text (RFC 4180 quoting via arquero's `toCSV`; empty cells for null).
 *
 * @example candidatesToCsv(candidates, 'plan.txt').split('\n')[0] // 'confirmed,id,doc,region,...,confidence,rule'
 */
export function candidatesToCsv(candidates: Candidate[], doc: string): string {
  const rows = candidateRows(candidates, doc);
  const columns: Record<string, Array<string | number | null>> = {};
  // text from the document (quotes, names) must not run as a formula in a spreadsheet: OWASP's leading '
  for (const name of CSV_COLUMNS)
    columns[name] = rows.map((r) => {
      const v = r[name] ?? null;
      return typeof v === 'string' ? neutralizeCsvCell(v) : v;
    });
  const csv = table(columns).toCSV();
  return csv.endsWith('\n') ? csv : `${csv}\n`;
}

/**
 * Write the candidates' CSV to `path` atomically: a temp file in the same directory, then rename, so a reader
 * never sees a half-written file and a failure leaves any previous file intact.
 *
 * @example writeCandidatesCsv('candidates.csv', extractCandidates(text).candidates, 'plan.txt')
 */
export function writeCandidatesCsv(path: string, candidates: Candidate[], doc: string): void {
  // a UTF-8 BOM, so Excel opens the Chinese text as UTF-8 (core's CSV reader skips it)
  writeFileAtomicSync(path, `\uFEFF${candidatesToCsv(candidates, doc)}`);
}
