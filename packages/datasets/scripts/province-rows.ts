/**
 * Readers of the Chinese province source files (see PROVINCE_SOURCES). Each returns long-form panel rows with the
 * value as written in the file and a quote that locates it.
 */
import { readFileSync } from 'node:fs';
import * as aq from 'arquero';
import readXlsxFile from 'read-excel-file/node';
import type { PanelRow } from './build-panels.ts';
import { blobUrl, PROVINCES, type ProvinceSource, provinceKey } from './panel-sources.ts';

/** Years kept for province series (nothing after 2020: vintage rule). */
export const PROVINCE_YEARS = { from: 2000, to: 2020 } as const;

function row(s: ProvinceSource, region: string, year: number, value: string, quote: string): PanelRow {
  return {
    type: s.type,
    region,
    region_level: 'province',
    year: String(year),
    value,
    unit: s.unit,
    source_title: s.title,
    source_url: blobUrl(s),
    licence: s.licence,
    quote,
  };
}

async function sheet(file: string): Promise<unknown[][]> {
  const sheets = await readXlsxFile(file);
  const first = sheets[0];
  if (!first) throw new Error(`${file}: no sheet`);
  return first.data as unknown[][];
}

/** `地区, RD经费, RD强度` table of one bulletin year. */
async function bulletinXlsx(file: string, s: ProvinceSource): Promise<PanelRow[]> {
  const rows: PanelRow[] = [];
  const data = await sheet(file);
  if (String(data[0]?.[2]) !== 'RD强度') throw new Error(`${file}: expected column 3 'RD强度', got '${data[0]?.[2]}'`);
  for (const [name, spend, intensity] of data.slice(1)) {
    const key = provinceKey(String(name));
    if (key === undefined || typeof intensity !== 'number') continue;
    rows.push(row(s, key, s.year!, String(intensity), `${name},${spend},${intensity}`));
  }
  return rows;
}

/** Text of an HTML page: tags dropped, non-breaking spaces and runs of white space collapsed to one space. */
export function pageText(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;|&#160;|\u00a0|\u3000/g, ' ')
    .replace(/\s+/g, ' ');
}

/** The regional annex of an R&D bulletin page: `天 津 492.4 2.62` → expenditure and intensity per province. */
export function bulletinHtml(text: string, s: ProvinceSource): PanelRow[] {
  const start = new RegExp(`${s.year}\\s*年各地区研究与试验发展`).exec(text);
  if (!start) throw new Error(`${s.path}: no regional table for ${s.year}`);
  const table = text.slice(start.index, text.indexOf('附注', start.index));
  const rows: PanelRow[] = [];
  for (const [zh, key] of Object.entries(PROVINCES)) {
    const m = new RegExp(`${[...zh].join('\\s*')}\\s+(\\d+(?:\\.\\d+)?)\\s+(\\d+(?:\\.\\d+)?)`).exec(table);
    if (!m) throw new Error(`${s.path}: no row for ${zh} in the ${s.year} regional table`);
    rows.push(row(s, key, s.year!, m[2]!, m[0]));
  }
  return rows;
}

/** NBS data export (GBK): `数据库：…`, `指标：…`, `时间：…`, then `地区, 2017年, …` and notes. */
export function nbsExport(buffer: Buffer, s: ProvinceSource): PanelRow[] {
  const lines = new TextDecoder('gbk').decode(buffer).split(/\r?\n/);
  const header = lines.findIndex((l) => l.startsWith('地区,'));
  if (header < 0) throw new Error(`${s.path}: no '地区,' header line`);
  const body = lines.slice(header).filter((l, i) => i === 0 || provinceKey(l.split(',')[0] ?? '') !== undefined);
  const rows: PanelRow[] = [];
  for (const r of aq.fromCSV(body.join('\n'), { autoType: false }).objects() as Record<string, string>[]) {
    const name = r.地区 ?? '';
    const key = provinceKey(name)!;
    for (const [col, v] of Object.entries(r)) {
      const year = Number(/^(\d{4})年$/.exec(col)?.[1]);
      if (!year || year < PROVINCE_YEARS.from || year > PROVINCE_YEARS.to || v === '' || v == null) continue;
      rows.push(row(s, key, year, v, `${name} ${col}: ${v}`));
    }
  }
  return rows;
}

/** Long yearbook table: keeps the rows of `s.block` for `s.year`. */
async function yearbookLong(file: string, s: ProvinceSource): Promise<PanelRow[]> {
  const data = await sheet(file);
  const cols = (data[0] ?? []).map(String);
  const at = (name: string) => {
    const i = cols.indexOf(name);
    if (i < 0) throw new Error(`${file}: no column '${name}'`);
    return i;
  };
  const [p, y, b, v] = [at('province'), at('year'), at('chn_block4'), at('value')];
  const rows: PanelRow[] = [];
  for (const r of data.slice(1)) {
    const key = provinceKey(String(r[p]));
    if (key === undefined || String(r[b]) !== s.block || Number(r[y]) !== s.year || typeof r[v] !== 'number') continue;
    rows.push(row(s, key, s.year!, String(r[v]), `${r[p]},${r[y]},${r[b]},${r[v]}`));
  }
  return rows;
}

/** `index − 100` written with the index's decimals (`104.8` → `4.8`, `99.5` → `-0.5`), so no float noise enters. */
export function growthFromIndex(index: string): string {
  const decimals = index.split('.')[1]?.length ?? 0;
  const out = (Number(index) - 100).toFixed(decimals);
  return out === `-${(0).toFixed(decimals)}` ? (0).toFixed(decimals) : out;
}

/** NBS province data in long form: one row per province and year, one column per indicator. */
export function nbsLong(text: string, s: ProvinceSource): PanelRow[] {
  const t = aq.fromCSV(text.replace(/^\uFEFF/, ''), { autoType: false });
  const column = s.column!;
  if (!t.columnNames().includes(column)) throw new Error(`${s.path}: no column '${column}'`);
  const rows: PanelRow[] = [];
  for (const r of t.objects() as Record<string, string>[]) {
    const key = provinceKey(r.省份 ?? '');
    const year = Number(r.年份);
    const v = r[column];
    if (key === undefined || year < PROVINCE_YEARS.from || year > PROVINCE_YEARS.to || v == null || v === '') continue;
    const value = s.fromIndex ? growthFromIndex(v) : v;
    rows.push(row(s, key, year, value, `${r.省份},${r.年份},${column}: ${v}`));
  }
  return rows;
}

/** Rows of one province source file at `file`. */
export async function provinceRows(file: string, s: ProvinceSource): Promise<PanelRow[]> {
  switch (s.format) {
    case 'rd-bulletin-xlsx':
      return bulletinXlsx(file, s);
    case 'rd-bulletin-html':
      return bulletinHtml(pageText(readFileSync(file, 'utf8')), s);
    case 'nbs-export-gbk':
      return nbsExport(readFileSync(file), s);
    case 'yearbook-long-xlsx':
      return yearbookLong(file, s);
    case 'nbs-long-csv':
      return nbsLong(readFileSync(file, 'utf8'), s);
  }
}
