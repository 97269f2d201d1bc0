/**
 * Candidates as CSV rows in the seed dataset's column format (`seeds/indicators.csv`) plus `confidence` and
 * `rule`, so an analyst can review them and paste accepted rows into the dataset. Columns the extractor cannot
 * know (`region`, `indicator` slug, `indicator_en`) are left empty. Written atomically (temp file + rename).
 */
import { basename } from 'node:path';
import { table } from 'arquero';
import { INDICATOR_COLUMNS, neutralizeCsvCell } from '@trajectory/core';
import { writeFileAtomicSync } from '@trajectory/core/node';
import { CANDIDATE_COLUMNS, type Candidate } from './candidate.ts';

/** The seed dataset's columns (`INDICATOR_COLUMNS` of @trajectory/core), then the extractor's own two. */
export const CSV_COLUMNS = [...INDICATOR_COLUMNS, 'confidence', 'rule'] as const;

/** One CSV row: column name → cell (numbers stay numbers, null is an empty cell). */
export type CsvRow = Record<(typeof CSV_COLUMNS)[number], string | number | null>;

/**
 * One CSV row per candidate. `id` is `<doc stem>.c<n>` (n counts from 1 in document order); `region`,
 * `indicator` (the grouping key) and `indicator_en` are left for the analyst.
 *
 * @example candidateRows(candidates, 'plan.txt')[0].id // 'plan.c1'
 */
export function candidateRows(candidates: Candidate[], doc: string): CsvRow[] {
  const stem = basename(doc).replace(/\.[^.]+$/, '');
  return candidates.map((c, i) => {
    const row = { id: `${stem}.c${i + 1}`, doc: basename(doc), region: '', indicator: '', indicator_en: '' } as CsvRow;
    for (const column of CANDIDATE_COLUMNS) row[column] = c[column];
    return row;
  });
}

/**
 * CSV text (RFC 4180 quoting via arquero's `toCSV`; empty cells for null).
 *
 * @example candidatesToCsv(candidates, 'plan.txt').split('\n')[0] // 'id,doc,region,...,confidence,rule'
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
