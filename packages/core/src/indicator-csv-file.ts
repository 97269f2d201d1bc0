/**
 * Reading an indicator CSV file from disk: bounded, strict UTF-8, then {@link readIndicatorCsv}. Node only: exported
 * by `@trajectory/core/node`.
 */
import type { IndicatorRow } from './indicator-row.ts';
import { readIndicatorCsv } from './indicator-table-io.ts';
import { type ReadBoundedOptions, readTextFileBounded } from './read-file-bounded.ts';

/**
 * Read and validate the indicator rows of a CSV file (see {@link readIndicatorCsv}); errors name `path`.
 *
 * @throws IndicatorDataError for invalid rows; an `Error` for a file that cannot be read, is not a regular file or
 *   not UTF-8; `InputLimitError` past `maxBytes`
 * @example
 * const rows = readIndicatorCsvFile('my-plan/indicators.csv');
 */
export function readIndicatorCsvFile(path: string, options: ReadBoundedOptions = {}): IndicatorRow[] {
  return readIndicatorCsv(readTextFileBounded(path, options), path);
}
