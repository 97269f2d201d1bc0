// Excel in and out: `assess --data FILE.xlsx`, `data --data`, `assess --out DIR` → DIR/assessment.xlsx.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { INDICATOR_COLUMNS, type IndicatorRow, IndicatorDataError, writeIndicatorCsv } from '@trajectory/core';
import { readIndicatorCsvFile } from '@trajectory/core/node';
import { seedIndicatorsPath } from '@trajectory/datasets/node';
import { run as assess } from '../src/commands/assess.ts';
import { run as data } from '../src/commands/data.ts';
import { readIndicatorXlsx } from '../src/xlsx.ts';
import { capture } from './support/capture.ts';

afterEach(() => vi.restoreAllMocks());

let dir: string;
let rows: IndicatorRow[];
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cli-xlsx-'));
  // the Binhai and Hexi rows of the seed dataset: observations, targets, blanks, relative targets
  rows = readIndicatorCsvFile(seedIndicatorsPath).filter((r) => r.region === 'hexi' || r.region === 'binhai');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A workbook with the rows in sheet `indicators`, numbers as numbers; `edit` changes the sheet before saving. */
async function workbook(name: string, edit?: (ws: ExcelJS.Worksheet) => void, sheet = 'indicators'): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  ws.addRow([...INDICATOR_COLUMNS]);
  for (const r of rows) ws.addRow(INDICATOR_COLUMNS.map((c) => r[c] ?? null));
  edit?.(ws);
  const path = join(dir, name);
  await wb.xlsx.writeFile(path);
  return path;
}

async function errorOf(path: string): Promise<string> {
  try {
    await readIndicatorXlsx(path);
  } catch (error) {
    expect(error).toBeInstanceOf(IndicatorDataError);
    return (error as Error).message;
  }
  throw new Error(`${path} was accepted`);
}

describe('readIndicatorXlsx(path)', () => {
  it('reads the same rows as the CSV reader', async () => {
    expect(await readIndicatorXlsx(await workbook('same.xlsx'))).toEqual(rows);
  });

  it('an .xlsx input gives the same assessment as the same rows in CSV', async () => {
    const csv = join(dir, 'same.csv');
    await writeFile(csv, writeIndicatorCsv(rows));
    const xlsx = await workbook('same-assess.xlsx');
    const io = capture();
    expect(await assess(['--data', csv, '--json', '--paths', '300'])).toBe(0);
    expect(await assess(['--data', xlsx, '--json', '--paths', '300'])).toBe(0);
    const [a, b] = io.out.map((o) => JSON.parse(o));
    expect(a.summary.targets).toBeGreaterThan(50);
    expect(b).toEqual(a);
  });

  it('data --data FILE.xlsx lists the workbook’s indicators', async () => {
    const io = capture();
    expect(await data(['--data', await workbook('list.xlsx'), '--json'])).toBe(0);
    const listed = JSON.stringify(JSON.parse(io.out.join('\n')));
    expect(listed).toContain('hexi');
    expect(listed).not.toContain('nankai');
  });

  it('a missing sheet is named with the sheets the file has', async () => {
    const msg = await errorOf(await workbook('sheet.xlsx', undefined, 'Sheet1'));
    expect(msg).toContain("sheet.xlsx: missing sheet 'indicators' (sheets: Sheet1)");
  });

  it('a missing column names file, sheet, row and column', async () => {
    const msg = await errorOf(
      await workbook('column.xlsx', (ws) => {
        ws.spliceColumns(INDICATOR_COLUMNS.indexOf('unit') + 1, 1);
      }),
    );
    expect(msg).toMatch(/column\.xlsx sheet 'indicators':1 field 'unit': missing column/);
  });

  it('merged cells are refused with their range', async () => {
    const msg = await errorOf(await workbook('merged.xlsx', (ws) => ws.mergeCells('D3:E3')));
    expect(msg).toMatch(/merged\.xlsx sheet 'indicators':3: merged cells D3:E3/);
  });

  it('text in a number cell names file, sheet, row and column', async () => {
    const col = INDICATOR_COLUMNS.indexOf('value') + 1;
    const msg = await errorOf(await workbook('text.xlsx', (ws) => (ws.getRow(5).getCell(col).value = 'about 300')));
    expect(msg).toMatch(/text\.xlsx sheet 'indicators':5 \(row 4\) field 'value': /);
  });

  it('a formula names the cell', async () => {
    const col = INDICATOR_COLUMNS.indexOf('value') + 1;
    const msg = await errorOf(
      await workbook('formula.xlsx', (ws) => (ws.getRow(6).getCell(col).value = { formula: '1+1', result: 2 })),
    );
    expect(msg).toMatch(/formula\.xlsx sheet 'indicators':6 \(row 5\) field 'value': formula in I6 \(=1\+1\)/);
  });
});

describe('assess --out DIR writes assessment.xlsx', () => {
  it('one sheet per region whose numbers read back equal to assessment.json', async () => {
    const out = join(dir, 'out');
    capture();
    expect(await assess(['--data', join(dir, 'same.csv'), '--paths', '300', '--out', out])).toBe(0);
    const plan = JSON.parse(await (await import('node:fs/promises')).readFile(join(out, 'assessment.json'), 'utf8'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, 'assessment.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(plan.regions.map((r: { region: string }) => r.region));
    for (const region of plan.regions) {
      const ws = wb.getWorksheet(region.region)!;
      const header = (ws.getRow(1).values as unknown[]).slice(1);
      const col = (name: string) => header.indexOf(name) + 1;
      expect(ws.rowCount).toBe(region.targets.length + 1);
      region.targets.forEach(
        (
          t: {
            key: string;
            probability: number | null;
            target: { value: number | null };
            base: { value: number } | null;
          },
          i: number,
        ) => {
          const row = ws.getRow(i + 2);
          expect(row.getCell(col('key')).value).toBe(t.key);
          expect(row.getCell(col('p_attain')).value ?? null).toBe(t.probability);
          expect(row.getCell(col('target')).value ?? null).toBe(t.target.value);
          expect(row.getCell(col('base')).value ?? null).toBe(t.base?.value ?? null);
          if (t.probability !== null) {
            const lo = row.getCell(col('p_lower_95')).value as number;
            const hi = row.getCell(col('p_upper_95')).value as number;
            expect(lo).toBeLessThanOrEqual(t.probability);
            expect(hi).toBeGreaterThanOrEqual(t.probability);
          }
        },
      );
    }
  });
});
