// @trajectory/datasets: the bundled datasets' record types, pure parsers and the region list (browser-safe; the
// loaders that read the bundled files are in '@trajectory/datasets/node')

// Regions
export { REGIONS, type RegionInfo } from './regions.ts';
export { indicatorsByRegion, type RegionIndicators } from './group-by-region.ts';

// Parsers (text + file name in, typed records out; errors name file, line, row and field)
export { readCsvTable, type CsvColumns, type CsvTable } from './csv-table.ts';
export { fieldReader, type FieldReader } from '@trajectory/core';
export { parseSeedDocumentsCsv, type SeedDocument } from './seed-documents.ts';
export {
  parseHistoryCsv,
  HISTORY_COLUMNS,
  HISTORY_STATUSES,
  type HistoryRecord,
  type HistoryStatus,
} from './history.ts';
export { parsePanelCsv, PANEL_COLUMNS, type PanelRecord } from './panels.ts';
export { parsePlanOutcomesCsv, PLAN_OUTCOME_COLUMNS, type PlanOutcomeRecord } from './plan-outcomes.ts';

// History beside the seed indicators
export {
  matchHistory,
  quantityOf,
  type HistoryMatch,
  type IndicatorHistory,
} from './indicator-history.ts';
