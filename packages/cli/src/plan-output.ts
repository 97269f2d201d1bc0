/**
 * `propose --out DIR` and `review --out DIR`: the result as JSON, the same table as CSV (UTF-8 BOM) and as a
 * workbook, and the report page, written as one set into a temporary directory swapped in at the end (as
 * `assess --out` does).
 */
import { join, resolve } from 'node:path';
import { writeDirAtomic, writeFileAtomic } from '@trajectory/core/node';
import { toCsv } from './plan-input.ts';
import { tableXlsx } from './xlsx.ts';

/** What one command writes under `--out`. */
export interface PlanOutput {
  /** base of the file names: `<name>.json`, `<name>.csv`, `<name>.xlsx` (also the workbook's sheet name) */
  name: string;
  /** the command's result, written as `<name>.json` */
  result: unknown;
  /** the table of `<name>.csv` and of the workbook's sheet, header first */
  rows: readonly (readonly (string | number | boolean | null)[])[];
  /** writes `index.html` (and its `assets/`) into the directory it is given */
  report: (dir: string) => Promise<unknown>;
  /** also print the page to `report.pdf` (headless Chromium), as `assess --pdf` does; @default false */
  pdf?: boolean;
}

/**
 * Write `<name>.json`, `<name>.csv`, `<name>.xlsx` and the report page (and `report.pdf` with `pdf`) into `dir`
 * atomically; returns the paths of the data files and the page. A directory holding files the command does not write is refused.
 * @example
 * const written = await writePlanOutput('out', { name: 'review', result, rows, report: (d) => writeReviewReport(d, result) });
 */
export async function writePlanOutput(dir: string, output: PlanOutput): Promise<string[]> {
  const target = resolve(dir);
  const files = ['json', 'csv', 'xlsx'].map((ext) => `${output.name}.${ext}`);
  await writeDirAtomic(
    target,
    async (tmp) => {
      await writeFileAtomic(join(tmp, files[0]!), `${JSON.stringify(output.result, null, 2)}\n`);
      await writeFileAtomic(join(tmp, files[1]!), toCsv(output.rows));
      await writeFileAtomic(join(tmp, files[2]!), await tableXlsx([{ name: output.name, rows: output.rows }]));
      await output.report(tmp);
      if (output.pdf) {
        const { printPdf } = await import('@trajectory/charts/render');
        await printPdf(join(tmp, 'index.html'), join(tmp, 'report.pdf'));
      }
    },
    { expected: [...files, 'index.html', 'assets', 'specs', 'report.pdf'] },
  );
  return [...files, 'index.html', ...(output.pdf ? ['report.pdf'] : [])].map((f) => join(target, f));
}
