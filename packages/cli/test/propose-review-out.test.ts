// `propose --out DIR` and `review --out DIR`: JSON, CSV, workbook and report page; `--data FILE.xlsx` for both;
// the pages in headless Chromium (offline, no console error) with a hostile indicator name escaped.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { INDICATOR_COLUMNS, writeIndicatorCsv } from '@trajectory/core';
import { readIndicatorCsvFile } from '@trajectory/core/node';
import { CHROMIUM, haveChromium, launchChromium, openReport, texts } from '../../../test/support/browser.ts';
import { run as propose } from '../src/commands/propose.ts';
import { run as review } from '../src/commands/review.ts';
import { displayWidth } from '../src/text-table.ts';
import { capture } from './support/capture.ts';

const EXAMPLE = join(import.meta.dirname, '../../../examples/review/china-2015-work-report.csv');
const HOSTILE = '<script>window.__pwned=1</script>';

afterEach(() => vi.restoreAllMocks());

/** The sheet's rows as objects keyed by the header, empty cells as null. */
async function sheetRecords(path: string, sheet: string): Promise<Record<string, unknown>[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new Error(`${path}: no sheet ${sheet} (${wb.worksheets.map((w) => w.name).join(', ')})`);
  const header = (ws.getRow(1).values as unknown[]).slice(1) as string[];
  const out: Record<string, unknown>[] = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    out.push(Object.fromEntries(header.map((h, i) => [h, row.getCell(i + 1).value ?? null])));
  }
  return out;
}

let dir: string;
let hostileCsv: string;
let hostileXlsx: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'propose-review-out-'));
  // the example with a script tag in the GDP indicator's Chinese and English names
  const rows = readIndicatorCsvFile(EXAMPLE).map((r) =>
    r.indicator === 'china.gdp_growth'
      ? { ...r, indicator_zh: `${HOSTILE}增长率`, indicator_en: `GDP ${HOSTILE} & "growth"` }
      : r,
  );
  hostileCsv = join(dir, 'hostile.csv');
  await writeFile(hostileCsv, writeIndicatorCsv(rows));
  // the same rows as a workbook (numbers as numbers), as xlsx.test.ts builds them
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('indicators');
  ws.addRow([...INDICATOR_COLUMNS]);
  for (const r of rows) ws.addRow(INDICATOR_COLUMNS.map((c) => r[c] ?? null));
  hostileXlsx = join(dir, 'hostile.xlsx');
  await wb.xlsx.writeFile(hostileXlsx);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('--data FILE.xlsx', () => {
  it('propose: an .xlsx input gives the same JSON as the same rows in CSV', async () => {
    const io = capture();
    for (const f of [hostileCsv, hostileXlsx])
      expect(await propose(['--data', f, '--as-of', '2014', '--year', '2016', '--json'])).toBe(0);
    const [a, b] = io.out.map((o) => JSON.parse(o));
    expect(a.proposals.length).toBeGreaterThan(1);
    expect(a.proposals.some((p: { ladder: unknown[] }) => p.ladder.length === 4)).toBe(true);
    expect(b).toEqual(a);
  });

  it('review: an .xlsx input gives the same JSON as the same rows in CSV', async () => {
    const io = capture();
    for (const f of [hostileCsv, hostileXlsx])
      expect(await review(['--data', f, '--written', '2014', '--json'])).toBe(0);
    const [a, b] = io.out.map((o) => JSON.parse(o));
    expect(a.targets.length).toBeGreaterThan(2);
    expect(a.summary.brier).not.toBeNull();
    expect(b).toEqual(a);
  });
});

describe('propose --out DIR', () => {
  let out: string;
  let result: {
    year: number;
    proposals: {
      indicatorId: string;
      base: { year: number; value: number };
      ladder: { requested: number; value: number; probability: number; annualGrowth: number | null }[];
    }[];
  };
  beforeAll(async () => {
    out = join(dir, 'propose-out');
    capture();
    expect(await propose(['--data', hostileXlsx, '--as-of', '2014', '--year', '2016', '--out', out])).toBe(0);
    vi.restoreAllMocks();
    result = JSON.parse(await readFile(join(out, 'proposals.json'), 'utf8'));
  });

  it('writes the JSON, the CSV with a BOM, the workbook and the page with its assets', async () => {
    expect((await readdir(out)).sort()).toEqual(
      ['assets', 'index.html', 'proposals.csv', 'proposals.json', 'proposals.xlsx'].sort(),
    );
    const csv = await readFile(join(out, 'proposals.csv'), 'utf8');
    expect(csv.startsWith('\ufeffindicator,region,unit,direction,')).toBe(true);
  });

  it('the workbook reads back with the numbers of the JSON, one row per rung', async () => {
    const rows = await sheetRecords(join(out, 'proposals.xlsx'), 'proposals');
    const rungs = result.proposals.flatMap((p) => p.ladder.map((x) => ({ p, x })));
    expect(rungs.length).toBeGreaterThan(4);
    for (const { p, x } of rungs) {
      const row = rows.find((r) => r.indicator === p.indicatorId && r.requested === x.requested);
      expect(row, `${p.indicatorId} ${x.requested}`).toBeDefined();
      expect(row).toMatchObject({
        base_year: p.base.year,
        base_value: p.base.value,
        year: result.year,
        value: x.value,
        probability: x.probability,
        annual_growth: x.annualGrowth,
      });
    }
  });

  it('the page shows each base and rung value, the hostile name escaped', async () => {
    const html = await readFile(join(out, 'index.html'), 'utf8');
    expect(html).not.toContain(HOSTILE);
    expect(html).toContain('&lt;script&gt;window.__pwned=1&lt;/script&gt;');
    for (const p of result.proposals)
      for (const x of p.ladder) expect(html).toContain(x.value.toLocaleString('en-US', { maximumFractionDigits: 4 }));
    expect(html).toMatch(/稳妥.*预期.*进取.*挑战/s);
    // each rung's evidence in both languages: the library's sentence and its Chinese counterpart
    expect(html).toMatch(/<span class="zh">变化超过 \d+% 的参照组（gdp_growth）地区/);
    expect(html).toMatch(/<span class="en">higher than \d+ % of gdp_growth regions/);
  });
});

describe('review --out DIR', () => {
  let out: string;
  let result: {
    targets: {
      indicatorId: string;
      status: string;
      progress: number | null;
      elapsed: number | null;
      probabilityAtWriting: number | null;
      probability: number | null;
    }[];
    summary: { brier: number | null };
  };
  beforeAll(async () => {
    out = join(dir, 'review-out');
    capture();
    expect(await review(['--data', hostileCsv, '--written', '2014', '--out', out])).toBe(0);
    vi.restoreAllMocks();
    result = JSON.parse(await readFile(join(out, 'review.json'), 'utf8'));
  });

  it('writes the JSON, the CSV with a BOM, the workbook and the page', async () => {
    expect((await readdir(out)).sort()).toEqual(
      ['assets', 'index.html', 'review.csv', 'review.json', 'review.xlsx'].sort(),
    );
    expect((await readFile(join(out, 'review.csv'), 'utf8')).startsWith('\ufeffindicator,')).toBe(true);
  });

  it('the workbook reads back with the numbers of the JSON, one row per target', async () => {
    const rows = await sheetRecords(join(out, 'review.xlsx'), 'review');
    expect(rows).toHaveLength(result.targets.length);
    result.targets.forEach((t, i) => {
      expect(rows[i]).toMatchObject({
        indicator: t.indicatorId,
        status: t.status,
        progress: t.progress,
        elapsed: t.elapsed,
        probability_at_writing: t.probabilityAtWriting,
        probability: t.probability,
      });
    });
  });

  it('the page has the status counts, the Brier score and the hostile name escaped', async () => {
    const html = await readFile(join(out, 'index.html'), 'utf8');
    expect(html).not.toContain(HOSTILE);
    expect(html).toContain('&lt;script&gt;window.__pwned=1&lt;/script&gt;');
    expect(result.summary.brier).not.toBeNull();
    expect(html).toContain(result.summary.brier!.toFixed(3));
    expect(html).toContain('已达成');
  });
});

describe('a page cut at its limit', () => {
  it('lists the first indicators and targets and says where the rest are', async () => {
    const { proposalReport, reportHtml, reviewReport } = await import('@trajectory/charts/render');
    const proposals = JSON.parse(await readFile(join(dir, 'propose-out', 'proposals.json'), 'utf8'));
    const withLadder = proposals.proposals.filter((p: { ladder: unknown[] }) => p.ladder.length > 0).length;
    expect(withLadder).toBe(2);
    const cut = reportHtml(proposalReport(proposals, { limit: 1 })).html;
    const full = reportHtml(proposalReport(proposals)).html;
    expect(cut.match(/<details class="fold"/g)).toHaveLength(1);
    expect(full.match(/<details class="fold"/g)).toHaveLength(2);
    expect(cut).toContain('The page lists the first 1; the 1 more are in proposals.csv');
    expect(full).not.toContain('The page lists the first');
    const reviewed = JSON.parse(await readFile(join(dir, 'review-out', 'review.json'), 'utf8'));
    const rows = (html: string) => html.match(/<tr id="t-/g)?.length ?? 0;
    expect(rows(reportHtml(reviewReport(reviewed)).html)).toBe(reviewed.targets.length);
    const cutReview = reportHtml(reviewReport(reviewed, { limit: 2 })).html;
    expect(rows(cutReview)).toBe(2);
    expect(cutReview).toContain(`the ${reviewed.targets.length - 2} more are in review.csv`);
  });
});

describe('the terminal tables on the seed dataset', () => {
  it('review: fits 120 display columns (long indicator keys clipped to what the other columns leave)', async () => {
    const io = capture();
    expect(await review([])).toBe(0);
    const lines = io.out.join('\n').split('\n');
    expect(lines.length).toBeGreaterThan(50);
    for (const line of lines) expect(displayWidth(line), line).toBeLessThanOrEqual(120);
    expect(lines.some((l) => /…/.test(l))).toBe(true);
  });

  it('propose: fits 120 display columns', async () => {
    const io = capture();
    expect(await propose(['--as-of', '2020', '--year', '2025'])).toBe(0);
    const lines = io.out.join('\n').split('\n');
    expect(lines.length).toBeGreaterThan(50);
    for (const line of lines) expect(displayWidth(line), line).toBeLessThanOrEqual(120);
  });
});

const inCi = process.env.CI === 'true';
const chromiumPresent = haveChromium();
if (!chromiumPresent && !inCi)
  console.warn(`propose-review-out.test.ts: browser checks SKIPPED — ${CHROMIUM} not found (install Debian chromium).`);

describe.skipIf(!chromiumPresent && !inCi)('the propose and review pages in headless Chromium', () => {
  it('review --out DIR --pdf also prints the page to DIR/report.pdf', async () => {
    const out = join(dir, 'review-pdf');
    const io = capture();
    expect(await review(['--data', EXAMPLE, '--written', '2014', '--out', out, '--pdf'])).toBe(0);
    expect(io.err.join('\n')).toContain(join(out, 'report.pdf'));
    const pdf = await readFile(join(out, 'report.pdf'));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  let browser: Awaited<ReturnType<typeof launchChromium>>;
  beforeAll(async () => {
    if (!chromiumPresent) throw new Error(`${CHROMIUM} is missing: CI must install Debian chromium (scripts/setup.sh)`);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each([
    ['propose-out', 'proposals'],
    ['review-out', 'review'],
  ])('%s/index.html: no console error, no request outside the folder, the script tag shown as text', async (sub) => {
    const folder = join(dir, sub);
    const { page, problems } = await openReport(
      browser,
      pathToFileURL(join(folder, 'index.html')).href,
      pathToFileURL(folder).href,
    );
    const pwned = await page.evaluate('window.__pwned === undefined');
    const shown = (await texts(page, 'main')).join('');
    const scripts = await page.evaluate('document.querySelectorAll("script").length');
    await page.close();
    expect(problems).toEqual({ consoleErrors: [], failedRequests: [], externalRequests: [] });
    expect(pwned).toBe(true);
    expect(shown).toContain(HOSTILE);
    // the three vega builds, the specs block and the page's own script: nothing injected
    expect(scripts).toBe(5);
  });
});
