/**
 * Builds `packages/datasets/data/panels/<type>.csv` from pinned source files (see panel-sources.ts).
 *
 *   pnpm exec tsx packages/datasets/scripts/build-panels.ts <sources-dir>
 *
 * `<sources-dir>/<owner>/<repo>/<path>` must hold each file of the manifest (fetch them from `rawUrl(source)`);
 * nothing is downloaded here. Values are copied as written in the source (no rounding, no unit change), and each
 * row's `quote` repeats the source cell so a reader can find it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as aq from 'arquero';
import { blobUrl, COUNTRY_SOURCES, type PanelSource, PROVINCE_SOURCES, WDI_COUNTRY_LIST } from './panel-sources.ts';
import { provinceRows } from './province-rows.ts';

/** Column order of every panel file. */
export const PANEL_COLUMNS = [
  'type',
  'region',
  'region_level',
  'year',
  'value',
  'unit',
  'source_title',
  'source_url',
  'licence',
  'quote',
] as const;

export type PanelRow = Record<(typeof PANEL_COLUMNS)[number], string>;

/**
 * Years kept for country series: the prior window of the Chinese panels, nothing after 2020. Earlier years would
 * double the files' size for little gain.
 */
export const COUNTRY_YEARS = { from: 2010, to: 2020 } as const;

/** A country series is kept only with at least this many yearly values in COUNTRY_YEARS (sparse ones add size, not signal). */
export const MIN_COUNTRY_YEARS = 8;

const OUT_DIR = resolve(fileURLToPath(new URL('../data/panels/', import.meta.url)));

/** Local path of a pinned source file under the sources directory. */
export function sourcePath(dir: string, s: Pick<PanelSource, 'repo' | 'path'>): string {
  const [owner, repo] = s.repo.split('/') as [string, string];
  return join(dir, owner, repo, s.path);
}

function readSource(dir: string, s: Pick<PanelSource, 'repo' | 'path'>): string {
  return readFileSync(sourcePath(dir, s), 'utf8').replace(/^\uFEFF/, '');
}

/** Reads a World Bank bulk CSV (4 preamble lines before the header). */
function parseWdi(text: string): aq.ColumnTable {
  const lines = text.split(/\r?\n/);
  if (!lines[0]?.startsWith('"Data Source"'))
    throw new Error('not a World Bank bulk CSV: first line is not "Data Source"');
  return aq.fromCSV(lines.slice(4).join('\n'), { autoType: false });
}

/** ISO3 codes of countries (not aggregates) in the WDI country metadata. */
export function wdiCountries(dir: string): Set<string> {
  const t = aq.fromCSV(readSource(dir, WDI_COUNTRY_LIST), { autoType: false });
  const out = new Set<string>();
  for (const r of t.objects() as Record<string, string>[]) {
    if (r.Region && r['Country Code']) out.add(r['Country Code']);
  }
  return out;
}

/**
 * A decimal number written with its point moved `places` to the right (left when negative), digits kept as written:
 * `shiftDecimal('1212.5', -2)` is `'12.125'`, `shiftDecimal('3.4', -2)` is `'0.034'`.
 */
export function shiftDecimal(text: string, places: number): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) throw new Error(`shiftDecimal: '${text}' is not a plain decimal number`);
  const [, sign, int, frac = ''] = m as unknown as [string, string, string, string | undefined];
  const digits = int + frac;
  const point = int.length + places;
  const padded = point <= 0 ? '0'.repeat(1 - point) + digits : digits.padEnd(point, '0');
  const at = Math.max(point, 1);
  const whole = padded.slice(0, at).replace(/^0+(?=\d)/, '');
  const rest = padded.slice(at).replace(/0+$/, '');
  return `${sign}${whole}${rest ? `.${rest}` : ''}`;
}

function row(s: PanelSource, region: string, year: number, value: string, quote: string): PanelRow {
  return {
    type: s.type,
    region,
    region_level: 'country',
    year: String(year),
    value,
    unit: s.unit,
    source_title: s.title,
    source_url: blobUrl(s),
    licence: s.licence,
    quote,
  };
}

/** Long-form rows of one country source, restricted to countries and COUNTRY_YEARS. */
export function countryRows(dir: string, s: PanelSource, countries: Set<string>): PanelRow[] {
  const text = readSource(dir, s);
  const rows: PanelRow[] = [];
  if (s.format === 'wdi') {
    for (const r of parseWdi(text).objects() as Record<string, string>[]) {
      const code = r['Country Code'] ?? '';
      if (!countries.has(code)) continue;
      for (let y = COUNTRY_YEARS.from; y <= COUNTRY_YEARS.to; y++) {
        const v = r[String(y)];
        if (v === undefined || v === null || v === '') continue;
        rows.push(row(s, code, y, v, `${code} ${y}: ${v}`));
      }
    }
  } else {
    const t = aq.fromCSV(text, { autoType: false });
    const valueCol = t.columnNames()[3]!;
    for (const r of t.objects() as Record<string, string>[]) {
      const code = r.Code ?? '';
      const y = Number(r.Year);
      const v = r[valueCol] ?? '';
      if (!countries.has(code) || y < COUNTRY_YEARS.from || y > COUNTRY_YEARS.to || v === '') continue;
      const value = s.perMillionTo10k ? shiftDecimal(v, -2) : v;
      const quote = `${r.Entity},${code},${r.Year},${v}${s.perMillionTo10k ? ' (per million people)' : ''}`;
      rows.push(row(s, code, y, value, quote));
    }
  }
  return keepDense(rows);
}

function keepDense(rows: PanelRow[]): PanelRow[] {
  const n = new Map<string, number>();
  for (const r of rows) n.set(r.region, (n.get(r.region) ?? 0) + 1);
  return rows.filter((r) => (n.get(r.region) ?? 0) >= MIN_COUNTRY_YEARS);
}

function writePanel(type: string, rows: PanelRow[]): void {
  const sorted = [...rows].sort(
    (a, b) =>
      a.region_level.localeCompare(b.region_level) ||
      a.region.localeCompare(b.region) ||
      Number(a.year) - Number(b.year),
  );
  const table = aq.from(sorted).select([...PANEL_COLUMNS]);
  writeFileSync(join(OUT_DIR, `${type}.csv`), table.toCSV());
}

/** Markdown coverage table of the written files (pasted into data/panels/README.md; a test compares the two). */
export function coverageTable(byType: Map<string, PanelRow[]>): string {
  const lines = [
    '| type | region_level | regions | regions with >= 8 values in 2010–2020 | years | values |',
    '| --- | --- | ---: | ---: | --- | ---: |',
  ];
  for (const type of [...byType.keys()].sort()) {
    const rows = byType.get(type) ?? [];
    for (const level of [...new Set(rows.map((r) => r.region_level))].sort()) {
      const sub = rows.filter((r) => r.region_level === level);
      const perRegion = new Map<string, number>();
      for (const r of sub) {
        const y = Number(r.year);
        perRegion.set(r.region, (perRegion.get(r.region) ?? 0) + (y >= 2010 && y <= 2020 ? 1 : 0));
      }
      const dense = [...perRegion.values()].filter((n) => n >= 8).length;
      const years = sub.map((r) => Number(r.year));
      lines.push(
        `| ${type} | ${level} | ${perRegion.size} | ${dense} | ${Math.min(...years)}–${Math.max(...years)} | ${sub.length} |`,
      );
    }
  }
  return lines.join('\n');
}

async function main(dir: string): Promise<void> {
  const countries = wdiCountries(dir);
  const byType = new Map<string, PanelRow[]>();
  const add = (type: string, rows: PanelRow[]) => byType.set(type, [...(byType.get(type) ?? []), ...rows]);
  for (const s of COUNTRY_SOURCES) add(s.type, countryRows(dir, s, countries));
  for (const s of PROVINCE_SOURCES) add(s.type, await provinceRows(sourcePath(dir, s), s));
  for (const [type, rows] of byType) {
    writePanel(type, rows);
    console.log(`${type}: ${rows.length} rows`);
  }
  console.log(coverageTable(byType));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: build-panels.ts <sources-dir>');
    process.exit(2);
  }
  await main(resolve(dir));
}
