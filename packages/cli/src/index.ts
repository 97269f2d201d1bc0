/**
 * @trajectory/cli — the `trajectory` command's subcommands as functions, for scripts and tests: each takes the
 * arguments after the subcommand's name, prints what the command prints and resolves to its exit code
 * (0 ok, 1 failure, 2 bad arguments).
 */
export { run as assessCommand } from './commands/assess.ts';
export { run as dataCommand } from './commands/data.ts';
export { run as extractCommand } from './commands/extract.ts';
export { run as proposeCommand } from './commands/propose.ts';
export { run as reviewCommand } from './commands/review.ts';
export { run as runCommand } from './commands/run.ts';
// Terminal tables (CJK characters take two columns)
export {
  formatNumber,
  formatPlanTables,
  formatRegionTable,
  formatRegionCompact,
  regionConclusion,
  TABLE_HEADERS,
  TABLE_WIDTH,
  targetRow,
  type FormatTableOptions,
} from './format-table.ts';
export { progressBar } from './progress.ts';
export {
  readIndicatorXlsx,
  readIndicatorFile,
  readReviewedIndicatorXlsx,
  readReviewedIndicatorFile,
  assessmentXlsx,
  ASSESSMENT_XLSX_COLUMNS,
  INDICATOR_SHEET,
} from './xlsx.ts';
export { readStdin } from './read-stdin.ts';
export { alignColumns, columnWidths, displayWidth, padDisplay } from './text-table.ts';
