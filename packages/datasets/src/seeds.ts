/**
 * The bundled seed data (`data/seeds/`: `indicators.csv`, `documents.csv`, `documents/*.txt`), read from this
 * package's own location (`import.meta.url`), never from the working directory. Node only.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  type Indicator,
  IndicatorDataError,
  type IndicatorRow,
  readIndicatorCsv,
  rowsToIndicators,
  validateQuotes,
} from '@trajectory/core';
import { parseSeedDocumentsCsv, type SeedDocument } from './seed-documents.ts';

const seedsUrl = new URL('../data/seeds/', import.meta.url);
const indicatorsFile = 'seeds/indicators.csv';

/** Absolute path of the bundled `seeds/` directory (resolved from this package, e.g. `.../datasets/data/seeds/`). */
export const seedsDir: string = fileURLToPath(seedsUrl);

/** Absolute path of the bundled `seeds/indicators.csv`. */
export const seedIndicatorsPath: string = fileURLToPath(new URL('indicators.csv', seedsUrl));

/**
 * The five source documents with their original names, regions, titles and dates.
 *
 * @example
 * loadSeedDocuments().map((d) => d.doc)
 */
export function loadSeedDocuments(): SeedDocument[] {
  return parseSeedDocumentsCsv(readFileSync(new URL('documents.csv', seedsUrl), 'utf8'), 'seeds/documents.csv');
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
  const rows = readIndicatorCsv(readFileSync(seedIndicatorsPath, 'utf8'), indicatorsFile);
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
      { file: indicatorsFile },
    );
    if (issues.length) throw new IndicatorDataError(issues);
  }
  return rows;
}

/**
 * The seed dataset as typed indicators (targets not yet resolved; see `resolveIndicator` in `@trajectory/core`).
 *
 * @example
 * loadSeedIndicators().filter((i) => i.region === 'binhai').length
 */
export function loadSeedIndicators(options: LoadSeedOptions = {}): Indicator[] {
  return rowsToIndicators(loadSeedRows(options), { file: indicatorsFile });
}
