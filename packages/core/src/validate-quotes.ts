/**
 * Provenance check: every row's quote must be an exact substring of its document (same whitespace, web debris
 * included) and contain the value as written.
 */
import type { DataIssue } from './indicator-data-error.ts';
import type { IndicatorRow } from './indicator-row.ts';

/** Options of {@link validateQuotes}. */
export interface ValidateQuotesOptions {
  /** name used in error messages @default '(rows)' */
  file?: string;
  /** CSV line of each row, when known */
  lines?: readonly number[];
}

/**
 * Check each row's quote against its document. `readDoc(doc)` returns the document text, or `undefined` when
 * there is no such document. Returns the problems (empty when all quotes are found).
 *
 * @example
 * const issues = validateQuotes(rows, (doc) => readSeedDocument(doc));
 */
export function validateQuotes(
  rows: readonly IndicatorRow[],
  readDoc: (doc: string) => string | undefined,
  options: ValidateQuotesOptions = {},
): DataIssue[] {
  const file = options.file ?? '(rows)';
  const cache = new Map<string, string | undefined>();
  const issues: DataIssue[] = [];
  rows.forEach((row, index) => {
    const at = (field: string, message: string) =>
      issues.push({ file, row: index + 1, line: options.lines?.[index] ?? null, field, message });
    if (!cache.has(row.doc)) cache.set(row.doc, readDoc(row.doc));
    const text = cache.get(row.doc);
    if (text === undefined) at('doc', `unknown document '${row.doc}'`);
    else if (!text.includes(row.quote))
      at('quote', `not found in ${row.doc}: ${JSON.stringify(row.quote.slice(0, 60))}`);
    if (!row.quote.includes(row.value_text)) at('value_text', `'${row.value_text}' is not in the quote`);
  });
  return issues;
}
