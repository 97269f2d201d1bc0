/**
 * Excel in and out, through exceljs: indicator rows from an `.xlsx` (the same columns and the same validation as the
 * CSV reader, so both paths share core's checks) and the assessment as a workbook, one sheet per region.
 */
import ExcelJS from 'exceljs';
import {
  checkIndicatorColumns,
  type DataIssue,
  IndicatorDataError,
  type IndicatorRow,
  parseReviewedRecords,
  readIndicatorCsv,
  readReviewedIndicatorCsv,
  type ReviewedRows,
  unconfirmedIssues,
} from '@trajectory/core';
import { readTextFileBounded } from '@trajectory/core/node';
import type { PlanAssessment } from '@trajectory/forecast';
import { attainmentClass, wilsonInterval } from '@trajectory/charts';

/** The sheet an indicator workbook keeps its rows in. */
export const INDICATOR_SHEET = 'indicators';

/** The text of a cell as the CSV reader would see it, or an issue (formula, error value, date). */
function cellText(cell: ExcelJS.Cell): { text: string } | { problem: string } {
  if (cell.type === ExcelJS.ValueType.Formula)
    return { problem: `formula in ${cell.address} (=${cell.formula}): paste the values instead` };
  const v = cell.value;
  if (v === null || v === undefined) return { text: '' };
  if (typeof v === 'number') return { text: String(v) };
  if (typeof v === 'string') return { text: v };
  if (typeof v === 'boolean') return { text: String(v) };
  if (v instanceof Date) return { problem: `date in ${cell.address}: type the year or value as a number or text` };
  if (typeof v === 'object' && 'richText' in v) return { text: v.richText.map((r) => r.text).join('') };
  if (typeof v === 'object' && 'text' in v && typeof v.text === 'string') return { text: v.text };
  if (typeof v === 'object' && 'error' in v) return { problem: `error value ${String(v.error)} in ${cell.address}` };
  return { problem: `unsupported value in ${cell.address}` };
}

function fail(issues: DataIssue[]): never {
  throw new IndicatorDataError(issues);
}

/**
 * Read and validate indicator rows from sheet `indicators` of an `.xlsx` file: header row with the indicator
 * columns, one row per record. Merged cells, formulas, dates and error values are refused; every row then goes
 * through the CSV reader's parser and checks. Errors name the file, the sheet, the row and the column. A row an
 * analyst has not confirmed (review column `confirmed`) is an error; see {@link readReviewedIndicatorXlsx}.
 *
 * @throws IndicatorDataError listing every problem
 * @example
 * const rows = await readIndicatorXlsx('my-plan/indicators.xlsx');
 */
export async function readIndicatorXlsx(
  path: string,
  options: { unknownUnits?: 'error' | 'label' } = {},
): Promise<IndicatorRow[]> {
  const read = await readReviewedIndicatorXlsx(path, options);
  if (read.unconfirmed.length) fail(unconfirmedIssues(read.unconfirmed, `${path} sheet '${INDICATOR_SHEET}'`));
  return read.rows;
}

/**
 * Like {@link readIndicatorXlsx}, but rows not confirmed in a `confirmed` column are set aside in `unconfirmed`
 * (an extracted candidates file, reviewed in Excel).
 *
 * @throws IndicatorDataError listing every problem
 * @example
 * const { rows, unconfirmed } = await readReviewedIndicatorXlsx('candidates.xlsx');
 */
export async function readReviewedIndicatorXlsx(
  path: string,
  options: { unknownUnits?: 'error' | 'label' } = {},
): Promise<ReviewedRows> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(path);
  } catch (error) {
    fail([
      { file: path, row: null, line: null, field: null, message: `not a readable .xlsx: ${(error as Error).message}` },
    ]);
  }
  const ws = wb.getWorksheet(INDICATOR_SHEET);
  const file = `${path} sheet '${INDICATOR_SHEET}'`;
  if (!ws) {
    const names = wb.worksheets.map((w) => w.name).join(', ');
    fail([
      {
        file: path,
        row: null,
        line: null,
        field: null,
        message: `missing sheet '${INDICATOR_SHEET}' (sheets: ${names || 'none'})`,
      },
    ]);
  }
  const issues: DataIssue[] = [];
  const merges = (ws.model as { merges?: string[] }).merges ?? [];
  for (const range of merges) {
    const first = ws.getCell(range.split(':')[0] ?? 'A1');
    issues.push({
      file,
      row: null,
      line: Number(first.row),
      field: null,
      message: `merged cells ${range}: unmerge them (one value per cell)`,
    });
  }
  const headerRow = ws.getRow(1);
  const header: string[] = [];
  for (let c = 1; c <= ws.columnCount; c++) {
    const t = cellText(headerRow.getCell(c));
    header.push('text' in t ? t.text.trim() : '');
  }
  while (header.length && header[header.length - 1] === '') header.pop();
  for (const issue of checkIndicatorColumns(
    header.filter((h) => h !== ''),
    file,
    1,
  )) {
    const at = header.indexOf(issue.field ?? '');
    const cell = issue.message === 'missing column' || at < 0 ? '' : ` (${headerRow.getCell(at + 1).address})`;
    issues.push({ ...issue, message: `${issue.message}${cell}` });
  }
  if (issues.length) fail(issues);
  const records: Record<string, string>[] = [];
  const lines: number[] = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const record: Record<string, string> = {};
    let empty = true;
    header.forEach((h, i) => {
      if (!h) return;
      const t = cellText(row.getCell(i + 1));
      if ('problem' in t) issues.push({ file, row: records.length + 1, line: r, field: h, message: t.problem });
      else {
        record[h] = t.text;
        if (t.text !== '') empty = false;
      }
    });
    if (empty) continue; // blank rows between blocks, as spreadsheets have
    records.push(record);
    lines.push(r);
  }
  if (issues.length) fail(issues);
  const ctx = { file, lines, ...(options.unknownUnits ? { unknownUnits: options.unknownUnits } : {}) };
  const { issues: rowIssues, ...read } = parseReviewedRecords(records, ctx);
  if (rowIssues.length) fail(rowIssues);
  return read;
}

/**
 * Indicator rows of a `.xlsx` (sheet `indicators`) or a CSV file, by extension: the same columns either way.
 * @example
 * const indicators = rowsToIndicators(await readIndicatorFile('plan.xlsx'));
 */
export async function readIndicatorFile(
  path: string,
  options: { unknownUnits?: 'error' | 'label' } = {},
): Promise<IndicatorRow[]> {
  return /\.xlsx$/i.test(path)
    ? readIndicatorXlsx(path, options)
    : readIndicatorCsv(readTextFileBounded(path), path, options);
}

/**
 * Like {@link readIndicatorFile}, but rows not confirmed in a `confirmed` column (extracted candidates not reviewed
 * yet) are set aside in `unconfirmed` for the caller to report; files without the column read all their rows.
 * @example
 * const { rows, unconfirmed } = await readReviewedIndicatorFile('candidates.csv', { unknownUnits: 'label' });
 */
export async function readReviewedIndicatorFile(
  path: string,
  options: { unknownUnits?: 'error' | 'label' } = {},
): Promise<ReviewedRows> {
  return /\.xlsx$/i.test(path)
    ? readReviewedIndicatorXlsx(path, options)
    : readReviewedIndicatorCsv(readTextFileBounded(path), path, options);
}

/** Columns of each region sheet of `assessment.xlsx`, in order. */
export const ASSESSMENT_XLSX_COLUMNS = [
  'key',
  'indicator',
  'name_en',
  'unit',
  'year',
  'comparator',
  'target',
  'base_year',
  'base',
  'p_attain',
  'p_lower_95',
  'p_upper_95',
  'class',
  'method',
  'status',
  'reason',
  'document',
  'quote',
] as const;

/** A sheet name Excel accepts: at most 31 characters, none of []:*?/\ . */
function sheetName(region: string, used: Set<string>): string {
  let base = region.replace(/[[\]:*?/\\]/g, '_').slice(0, 31) || 'region';
  for (let i = 2; used.has(base); i++) base = `${region.slice(0, 28)}_${i}`;
  used.add(base);
  return base;
}

/** One sheet of {@link tableXlsx}: its name and its rows, the first being the header. */
export interface XlsxSheet {
  name: string;
  rows: readonly (readonly (string | number | boolean | null)[])[];
}

/**
 * A workbook of plain tables: one sheet per entry, header row bold and frozen, numbers as numbers and text as text
 * (a cell starting with `=` stays a string, never a formula). Sheet names are made valid and unique.
 * @example
 * await writeFile('out/proposals.xlsx', await tableXlsx([{ name: 'proposals', rows: [['indicator', 'value'], ['gdp', 7]] }]));
 */
export async function tableXlsx(sheets: readonly XlsxSheet[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const used = new Set<string>();
  for (const sheet of sheets) {
    const ws = wb.addWorksheet(sheetName(sheet.name, used));
    for (const row of sheet.rows) ws.addRow([...row]);
    ws.getRow(1).font = { bold: true };
    ws.views = [{ state: 'frozen', ySplit: 1 }];
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * The assessment as an Excel workbook: one sheet per region, one row per target with P(attain), its 95% Monte
 * Carlo interval (or the calibrated probability's interval of calibration and simulation error), the class, method, status and the source document and quote. Text stays text (never a formula).
 * @example
 * await writeFile('out/assessment.xlsx', await assessmentXlsx(plan));
 */
export async function assessmentXlsx(plan: PlanAssessment): Promise<Buffer> {
  return tableXlsx(
    plan.regions.map((region) => ({
      name: region.region,
      rows: [
        [...ASSESSMENT_XLSX_COLUMNS],
        ...region.targets.map((t) => {
          const p = t.probability;
          // the calibrated probability's interval (calibration and simulation error) when the assessment has one
          const interval =
            p === null
              ? null
              : t.probabilityInterval
                ? [t.probabilityInterval.lower, t.probabilityInterval.upper]
                : wilsonInterval(p, t.projection?.nPaths ?? plan.nPaths);
          return [
            t.key,
            t.nameZh,
            t.nameEn,
            t.unit,
            t.target.year,
            t.target.comparator,
            t.target.value,
            t.base?.year ?? null,
            t.base?.value ?? null,
            p,
            interval?.[0] ?? null,
            interval?.[1] ?? null,
            attainmentClass(p),
            t.projection?.method ?? null,
            t.status,
            t.reason,
            t.target.source.doc,
            t.target.source.quote,
          ];
        }),
      ],
    })),
  );
}
