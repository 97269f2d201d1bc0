// Indicator data model
export type {
  Accumulation,
  Comparator,
  Indicator,
  MeasureType,
  Observation,
  RelativeTarget,
  Source,
  Target,
  TargetAttribute,
} from './indicator.ts';
export { ACCUMULATIONS, COMPARATORS, MEASURE_TYPES, TARGET_ATTRIBUTES } from './indicator.ts';

// Dataset rows and table I/O (arquero)
export {
  INDICATOR_COLUMNS,
  REVIEW_COLUMNS,
  CONFIRMED_VALUES,
  parseConfirmed,
  type IndicatorColumn,
  type IndicatorRow,
  type ReviewColumn,
} from './indicator-row.ts';
export { IndicatorDataError, formatIssue, type DataIssue } from './indicator-data-error.ts';
export {
  readIndicatorCsv,
  readReviewedIndicatorCsv,
  writeIndicatorCsv,
  readIndicatorJson,
  writeIndicatorJson,
  checkIndicatorColumns,
} from './indicator-table-io.ts';
export {
  parseIndicatorRecords,
  parseReviewedRecords,
  unconfirmedIssues,
  type ReviewedRows,
  type UnconfirmedRow,
  validateIndicatorRows,
  checkIndicatorRow,
  sameNumber,
  type RecordContext,
} from './indicator-rows.ts';
export { fieldReader, type FieldReader, type RecordPlace } from './field-reader.ts';
export { scanCsvRecords, type CsvScan, type CsvRecordInfo } from './csv-records.ts';
export { readCsvText, type CsvText } from './csv-text-table.ts';
export { rowsToIndicators, indicatorsToRows, type RowsToIndicatorsOptions } from './indicator-model.ts';
export { validateQuotes, type ValidateQuotesOptions } from './validate-quotes.ts';

// Units, numbers as written
export { UNITS, isKnownUnit, convertUnit, type UnitInfo } from './units.ts';
export {
  parseValueText,
  parseChineseNumeral,
  parseNumberText,
  toHalfWidth,
  relativeWordFactor,
  type ChineseNumeralOptions,
} from './value-text.ts';

// Relative targets and conflicts
export { resolveTarget, resolveIndicator, applyRelative, invertRelative, baseObservation } from './resolve-target.ts';
export { findConflicts, type Conflict, type ConflictEntry } from './find-conflicts.ts';

// Text for other tools: CSV cells (formula injection) and terminals (escape sequences)
export { neutralizeCsvCell, restoreCsvCell, terminalSafe } from './safe-text.ts';

// Files and resource limits
export {
  LIMITS,
  InputLimitError,
  simulationBytes,
  checkSimulationBudget,
  parseByteSize,
  bracketDepth,
} from './limits.ts';
export { decodeUtf8Text } from './decode-utf8.ts';
// (file reading and writing: '@trajectory/core/node'; this entry imports no Node built-in and runs in a browser)

// Randomness
export { createRng, hashId, type Rng } from './random.ts';
export { PROBABILITY_INTERVAL_Z, wilsonInterval } from './share-interval.ts';
