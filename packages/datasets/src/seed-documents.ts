/**
 * `seeds/documents.csv`: the five source documents with their original names, regions, titles and dates.
 */
import { type DataIssue, IndicatorDataError } from '@trajectory/core';
import { readCsvTable } from './csv-table.ts';
import { fieldReader } from '@trajectory/core';

/** One source document, as listed in `seeds/documents.csv`. */
export interface SeedDocument {
  /** file name in `seeds/documents/` */
  doc: string;
  /** file name in `../shared/seeds/` */
  original: string;
  region: string;
  region_zh: string;
  title: string;
  /** publication date as far as the document says (`2021-07-31`, `2021-04`), or '' */
  date: string;
  date_note: string;
}

/**
 * Parse `seeds/documents.csv` text.
 *
 * @param file name used in error messages
 * @throws IndicatorDataError naming file, line, row and field for a missing column, an empty `doc`, `region` or
 *   `title`, a `doc` that is not a plain `.txt` file name, or a document listed twice
 * @example
 * parseSeedDocumentsCsv(readFileSync('data/seeds/documents.csv', 'utf8'), 'documents.csv').map((d) => d.doc)
 */
export function parseSeedDocumentsCsv(text: string, file: string): SeedDocument[] {
  const table = readCsvTable(text, file, {
    required: ['doc', 'original', 'region', 'region_zh', 'title', 'date', 'date_note'],
  });
  const issues: DataIssue[] = [];
  const seen = new Set<string>();
  const out = table.records.map((record, index): SeedDocument => {
    const f = fieldReader(record, { file, row: index + 1, line: table.lines[index] ?? null }, issues);
    const doc = f.required('doc');
    if (doc && !/^[\w.-]+\.txt$/.test(doc)) f.bad('doc', `'${doc}' is not a document file name`);
    if (seen.has(doc)) f.bad('doc', `document '${doc}' listed twice`);
    seen.add(doc);
    return {
      doc,
      original: f.text('original'),
      region: f.required('region'),
      region_zh: f.text('region_zh'),
      title: f.required('title'),
      date: f.text('date'),
      date_note: f.text('date_note'),
    };
  });
  if (issues.length) throw new IndicatorDataError(issues);
  return out;
}
