/**
 * The repository's seed data: `seeds/indicators.csv`, `seeds/documents.csv` and the documents in
 * `seeds/documents/`, found relative to this file (not the working directory).
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fromCSV } from 'arquero';
import type { Indicator } from './indicator.ts';
import { IndicatorDataError } from './indicator-data-error.ts';
import { rowsToIndicators } from './indicator-model.ts';
import type { IndicatorRow } from './indicator-row.ts';
import { readIndicatorCsv } from './indicator-table-io.ts';
import { validateQuotes } from './validate-quotes.ts';

const seedsUrl = new URL('../../../seeds/', import.meta.url);

/** Absolute path of the repository's `seeds/` directory (resolved from this file, e.g. `/work/main/seeds/`). */
export const seedsDir: string = fileURLToPath(seedsUrl);

/** Absolute path of `seeds/indicators.csv`. */
export const seedIndicatorsPath: string = fileURLToPath(new URL('indicators.csv', seedsUrl));

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
 * The five source documents with their original names, regions, titles and dates.
 *
 * @example
 * loadSeedDocuments().map((d) => d.doc)
 */
export function loadSeedDocuments(): SeedDocument[] {
  const text = readFileSync(new URL('documents.csv', seedsUrl), 'utf8');
  return (fromCSV(text, { autoType: false }).objects() as Record<string, string | null>[]).map((r) => ({
    doc: r.doc ?? '',
    original: r.original ?? '',
    region: r.region ?? '',
    region_zh: r.region_zh ?? '',
    title: r.title ?? '',
    date: r.date ?? '',
    date_note: r.date_note ?? '',
  }));
}

/**
 * Absolute path of a seed document.
 *
 * @throws Error if `doc` is not a plain file name of an existing document
 * @example
 * seedDocumentPath('hexi-sci-tech-14th-plan-draft.txt')
 */
export function seedDocumentPath(doc: string): string {
  if (!/^[\w.-]+\.txt$/.test(doc)) throw new Error(`seedDocumentPath: '${doc}' is not a document file name`);
  const path = fileURLToPath(new URL(`documents/${doc}`, seedsUrl));
  if (!existsSync(path)) throw new Error(`seedDocumentPath: no document '${doc}' in ${seedsDir}documents`);
  return path;
}

/**
 * The text of a seed document (UTF-8, as published).
 *
 * @example
 * readSeedDocument('nankai-sci-tech-action-plan-2020-2022.txt').includes('瞪羚企业16家') // true
 */
export function readSeedDocument(doc: string): string {
  return readFileSync(seedDocumentPath(doc), 'utf8');
}

/** Options of {@link loadSeedRows}. */
export interface LoadSeedOptions {
  /** also check every quote against its document @default true */
  checkQuotes?: boolean;
}

/**
 * The validated rows of `seeds/indicators.csv`.
 *
 * @throws IndicatorDataError if the dataset is invalid or (with `checkQuotes`) a quote is not in its document
 * @example
 * loadSeedRows().filter((r) => r.region === 'hexi').length
 */
export function loadSeedRows(options: LoadSeedOptions = {}): IndicatorRow[] {
  const rows = readIndicatorCsv(readFileSync(seedIndicatorsPath, 'utf8'), 'seeds/indicators.csv');
  if (options.checkQuotes ?? true) {
    const issues = validateQuotes(
      rows,
      (doc) => {
        try {
          return readSeedDocument(doc);
        } catch {
          return undefined;
        }
      },
      { file: 'seeds/indicators.csv' },
    );
    if (issues.length) throw new IndicatorDataError(issues);
  }
  return rows;
}

/**
 * The seed dataset as typed indicators (targets not yet resolved; see `resolveIndicator`).
 *
 * @example
 * loadSeedIndicators().filter((i) => i.region === 'binhai').length
 */
export function loadSeedIndicators(options: LoadSeedOptions = {}): Indicator[] {
  return rowsToIndicators(loadSeedRows(options), { file: 'seeds/indicators.csv' });
}
