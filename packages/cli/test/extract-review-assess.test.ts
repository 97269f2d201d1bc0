// From a new plan to an assessment: `extract --out` → an analyst's review (the test fills in what only the analyst
// knows and confirms all rows but one, as in a spreadsheet) → `assess --data`. The plan is a short test fixture
// outside the seed documents (a made-up district), not dataset data.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { fromCSV } from 'arquero';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { run as assess } from '../src/commands/assess.ts';
import { run as data } from '../src/commands/data.ts';
import { run as extract } from '../src/commands/extract.ts';
import { capture } from './support/capture.ts';

const plan = new URL('./fixtures/new-district-plan.txt', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'extract-review-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

/** What the analyst adds: the grouping key and English name of each indicator the extractor named. */
const analyst: Record<string, [string, string]> = {
  全区国家级高新技术企业: ['demo.hightech_firms', 'national high-tech enterprises'],
  科技型中小企业: ['demo.tech_smes', 'tech-based SMEs'],
  研究与试验发展经费投入强度: ['demo.rd_intensity', 'R&D expenditure, share of GDP'],
  每万人口发明专利拥有量: ['demo.invention_patents_per_10k', 'invention patents per 10,000 people'],
};

type Row = Record<string, string>;

/** Review: fill region, indicator and indicator_en; confirm every row except those in `leave`. */
function review(rows: Row[], leave: (r: Row) => boolean): Row[] {
  return rows.map((r) => {
    const [indicator, en] = analyst[r.indicator_zh!] ?? ['', ''];
    return { ...r, region: 'demo', indicator, indicator_en: en, confirmed: leave(r) ? '' : '是' };
  });
}

function toCsv(rows: Row[]): string {
  const columns = Object.keys(rows[0]!);
  const cell = (v: string) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  return `\uFEFF${[columns.join(','), ...rows.map((r) => columns.map((c) => cell(r[c] ?? '')).join(','))].join('\n')}\n`;
}

describe('extract → review → assess on a plan outside the seeds', () => {
  let candidates: Row[] = [];
  let left: Row;

  it('extract --out writes a review file: BOM, confirmed = no on every row, the evidence columns', async () => {
    const csv = join(dir, 'candidates.csv');
    capture({ stderr: 'silence' });
    expect(await extract([plan, '--out', csv])).toBe(0);
    const bytes = readFileSync(csv, 'utf8');
    expect(bytes.startsWith('\uFEFF')).toBe(true);
    candidates = fromCSV(bytes.slice(1), { autoType: false }).objects() as Row[];
    expect(candidates.length).toBeGreaterThanOrEqual(8);
    expect(candidates.every((r) => r.confirmed === 'no' && r.rule !== '' && Number(r.confidence) > 0)).toBe(true);
    // the reviewed file is not assessable before review: every row is still unconfirmed
    const io = capture({ stderr: 'silence' });
    expect(await assess(['--data', csv, '--json', '--paths', '200'])).toBe(0);
    const none = JSON.parse(io.out.join('\n'));
    expect(none.summary.targets).toBe(0);
    expect(none.summary.skippedUnconfirmed).toBe(candidates.length);
    expect(io.err.join('\n')).toContain(`skipped ${candidates.length} unconfirmed rows`);
  });

  it('assess --data covers exactly the confirmed targets and reports the unconfirmed row it skipped', async () => {
    // the analyst leaves the patents target unconfirmed (say, the figure is still being checked)
    left = candidates.find((r) => r.kind === 'target' && r.indicator_zh === '每万人口发明专利拥有量')!;
    expect(left).toBeDefined();
    const reviewed = join(dir, 'reviewed.csv');
    writeFileSync(reviewed, toCsv(review(candidates, (r) => r === left)));
    const io = capture({ stderr: 'silence' });
    expect(await assess(['--data', reviewed, '--json', '--paths', '400'])).toBe(0);
    const result = JSON.parse(io.out.join('\n'));
    const assessed = result.regions.flatMap((r: { targets: { indicatorId: string; target: { year: number } }[] }) =>
      r.targets.map((t) => `${t.indicatorId} ${t.target.year}`),
    );
    const confirmedTargets = review(candidates, () => false)
      .filter((r) => r.kind === 'target' && r.id !== left.id)
      .map((r) => `${r.indicator} ${r.year}`);
    expect(assessed.sort()).toEqual([...new Set(confirmedTargets)].sort());
    expect(assessed).not.toContain('demo.invention_patents_per_10k 2025');
    expect(result.summary.skippedUnconfirmed).toBe(1);
    const row = candidates.indexOf(left) + 1;
    expect(io.err.join('\n')).toContain(`reviewed.csv: skipped 1 unconfirmed row (row ${row})`);
    for (const t of result.regions[0].targets) expect(t.probability).toBeGreaterThanOrEqual(0);
  });

  it('the same review in an .xlsx gives the same assessment', async () => {
    const rows = review(candidates, (r) => r === left);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('indicators');
    const columns = Object.keys(rows[0]!);
    ws.addRow(columns);
    for (const r of rows) ws.addRow(columns.map((c) => r[c] ?? ''));
    const xlsx = join(dir, 'reviewed.xlsx');
    await wb.xlsx.writeFile(xlsx);
    const csvIo = capture({ stderr: 'silence' });
    expect(await assess(['--data', join(dir, 'reviewed.csv'), '--json', '--paths', '300'])).toBe(0);
    const xlsxIo = capture({ stderr: 'silence' });
    expect(await assess(['--data', xlsx, '--json', '--paths', '300'])).toBe(0);
    const fromXlsx = JSON.parse(xlsxIo.out.join('\n'));
    expect(fromXlsx).toEqual(JSON.parse(csvIo.out.join('\n')));
    expect(fromXlsx.summary.skippedUnconfirmed).toBe(1);
    expect(xlsxIo.err.join('\n')).toContain('reviewed.xlsx: skipped 1 unconfirmed row');
  });

  it('assess --out: the report summary says how many rows were not confirmed', async () => {
    const out = join(dir, 'report');
    capture({ stderr: 'silence' });
    expect(await assess(['--data', join(dir, 'reviewed.csv'), '--out', out, '--paths', '200'])).toBe(0);
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    const summary = html.slice(html.indexOf('<section id="summary"'), html.indexOf('</section>'));
    expect(summary).toContain('数据文件中有 1 行未经确认');
    expect(JSON.parse(readFileSync(join(out, 'assessment.json'), 'utf8')).summary.skippedUnconfirmed).toBe(1);
  });

  it('data --data, which cannot skip rows, refuses the unconfirmed row, naming file, row and field', async () => {
    const io = capture({ stderr: 'silence' });
    expect(await data(['--data', join(dir, 'reviewed.csv')])).toBe(1);
    const row = candidates.indexOf(left) + 1;
    expect(io.err.join('\n')).toMatch(
      new RegExp(`reviewed\\.csv:${row + 1} \\(row ${row}\\) field 'confirmed': empty: not confirmed`),
    );
  });

  it('a confirmed value that is neither yes nor no is an error naming file, row and field', async () => {
    const rows = review(candidates, () => false);
    rows[2] = { ...rows[2]!, confirmed: 'maybe' };
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, toCsv(rows));
    const io = capture({ stderr: 'silence' });
    expect(await assess(['--data', bad, '--json'])).toBe(1);
    expect(io.err.join('\n')).toMatch(/bad\.csv:4 \(row 3\) field 'confirmed': 'maybe' is neither yes nor no/);
  });
});
