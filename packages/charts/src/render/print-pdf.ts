import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

/** Options of {@link printPdf}. */
export interface PrintPdfOptions {
  /** the Chromium binary; @default `TRAJECTORY_CHROMIUM` or Debian's `/usr/bin/chromium` */
  chromium?: string;
  /** milliseconds of page time Chromium grants the charts' scripts before printing; @default 20000 */
  budgetMs?: number;
  /** wall-clock limit of the Chromium process; @default 120000 */
  timeoutMs?: number;
}

/**
 * Print an HTML page (a report's `index.html`) to PDF with headless Chromium, after its scripts have drawn the
 * charts (a virtual-time budget); the page's print CSS applies. Throws naming the binary when Chromium is missing
 * or fails, or when no PDF was written.
 *
 * @example
 * await writeAssessmentReport('out/report', plan);
 * await printPdf('out/report/index.html', 'out/report/report.pdf');
 */
export async function printPdf(htmlFile: string, pdfFile: string, options: PrintPdfOptions = {}): Promise<void> {
  const {
    chromium = process.env.TRAJECTORY_CHROMIUM ?? '/usr/bin/chromium',
    budgetMs = 20_000,
    timeoutMs = 120_000,
  } = options;
  if (!existsSync(chromium)) {
    throw new Error(`printPdf: Chromium not found at ${chromium} (install Debian chromium or set TRAJECTORY_CHROMIUM)`);
  }
  const out = resolve(pdfFile);
  const args = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-pdf-header-footer',
    `--virtual-time-budget=${budgetMs}`,
    `--print-to-pdf=${out}`,
    pathToFileURL(resolve(htmlFile)).href,
  ];
  try {
    await promisify(execFile)(chromium, args, { timeout: timeoutMs });
  } catch (error) {
    throw new Error(`printPdf: ${chromium} failed to print ${htmlFile}: ${(error as Error).message}`);
  }
  const size = await stat(out).then(
    (s) => s.size,
    () => 0,
  );
  if (size === 0) throw new Error(`printPdf: ${chromium} wrote no PDF for ${htmlFile}`);
}
