import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import { shiftDecimal } from '../scripts/build-panels.ts';
import { provinceKey } from '../scripts/panel-sources.ts';
import { growthFromIndex } from '../scripts/province-rows.ts';
import { listPanelTypes, loadPanel } from '../src/node.ts';

const DIR = fileURLToPath(new URL('../data/panels/', import.meta.url));
const README = readFileSync(join(DIR, 'README.md'), 'utf8');
const COLUMNS = [
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
];

interface Row {
  type: string;
  region: string;
  region_level: string;
  year: string;
  value: string;
  unit: string;
  source_title: string;
  source_url: string;
  licence: string;
  quote: string;
}

/** Plausibility bounds per type: a unit mistake (fraction for %, months for years, 万 for 亿) falls outside. */
const BOUNDS: Record<string, [number, number]> = {
  rd_intensity: [0, 10],
  invention_patents_per_10k: [0, 300],
  invention_patents_valid: [0, 1_000_000],
  invention_patents_granted: [0, 200_000],
  tech_contract_turnover: [0, 20_000],
  population: [100, 20_000],
  urban_population: [10, 20_000],
  patent_applications_per_10k: [0, 100],
  hightech_firms: [0, 200_000],
  hightech_industry_firms: [0, 50_000],
  gdp: [1, 200_000],
  gdp_growth: [-70, 100],
  services_share: [0, 100],
  industry_share: [0, 100],
  urbanisation: [0, 100],
  life_expectancy: [20, 100],
  schooling_years: [0, 20],
  good_air_days_share: [0, 100],
};

/** Cells of the markdown table rows between two markers of the README (whitespace-insensitive, header and rule dropped). */
function readmeTable(marker: string): string[][] {
  const block = README.split(`<!-- ${marker}:start -->`)[1]?.split(`<!-- ${marker}:end -->`)[0] ?? '';
  return block
    .split('\n')
    .filter((l) => l.trim().startsWith('|'))
    .map((l) =>
      l
        .trim()
        .replace(/^\||\|$/g, '')
        .split('|')
        .map((c) => c.trim()),
    )
    .slice(2);
}

/** Units per type as listed in the README's units table (`a`; `b` for several). */
function readmeUnits(): Map<string, Set<string>> {
  return new Map(
    readmeTable('units').map(([type, units]) => [
      (type ?? '').replace(/`/g, ''),
      new Set((units ?? '').split(';').map((u) => u.trim().replace(/`/g, ''))),
    ]),
  );
}

const files = readdirSync(DIR).filter((f) => f.endsWith('.csv'));
const panels = new Map<string, Row[]>(
  files.map((f) => {
    const t = aq.fromCSV(readFileSync(join(DIR, f), 'utf8'), { autoType: false });
    expect(t.columnNames(), f).toEqual(COLUMNS);
    return [f.replace(/\.csv$/, ''), t.objects() as Row[]];
  }),
);

/**
 * The quote contains the value as written, or one of the two conversions the README lists holds: growth read from an
 * index with the previous year = 100 (the quoted index minus 100 is the value), or a rate per million people kept
 * per 10,000 (the quoted rate divided by 100 is the value).
 */
function quoteHolds(r: Row): boolean {
  if (r.quote.includes(r.value)) return true;
  const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
  const index = /\(上年=100\): (\d+(?:\.\d+)?)$/.exec(r.quote)?.[1];
  if (index !== undefined) return close(Number(index) - 100, Number(r.value));
  const perMillion = /,(\d+(?:\.\d+)?) \(per million people\)$/.exec(r.quote)?.[1];
  return perMillion !== undefined && close(Number(perMillion) / 100, Number(r.value));
}

/** Regions with at least 8 yearly values in 2010–2020, per region level. */
function dense(rows: Row[]): Map<string, number> {
  const n = new Map<string, number>();
  for (const r of rows) {
    const y = Number(r.year);
    if (y >= 2010 && y <= 2020)
      n.set(`${r.region_level}:${r.region}`, (n.get(`${r.region_level}:${r.region}`) ?? 0) + 1);
  }
  return new Map([...n].filter(([, k]) => k >= 8));
}

describe('data/panels', () => {
  it('has one file per type, named by its type, with the exact columns', () => {
    expect(files.length).toBeGreaterThan(0);
    for (const [type, rows] of panels) {
      expect(rows.length, type).toBeGreaterThan(0);
      for (const r of rows) expect(r.type, `${type}.csv`).toBe(type);
    }
  });

  it('rows are complete: finite values, known levels, source and licence, a quote containing the value as written', () => {
    const problems: string[] = [];
    for (const [type, rows] of panels) {
      rows.forEach((r, i) => {
        const at = `${type}.csv row ${i + 2}`;
        if (r.value === '' || !Number.isFinite(Number(r.value))) problems.push(`${at}: value "${r.value}"`);
        if (!['country', 'province', 'city'].includes(r.region_level)) problems.push(`${at}: region_level`);
        if (!Number.isInteger(Number(r.year))) problems.push(`${at}: year "${r.year}"`);
        if (!r.source_title) problems.push(`${at}: source_title`);
        if (!/^https?:\/\//.test(r.source_url ?? '')) problems.push(`${at}: source_url`);
        if (!r.licence) problems.push(`${at}: licence`);
        if (!quoteHolds(r)) problems.push(`${at}: quote does not contain the value`);
        const regionOk = r.region_level === 'country' ? /^[A-Z]{3}$/ : /^[a-z_]+$/;
        if (!regionOk.test(r.region ?? '')) problems.push(`${at}: region "${r.region}"`);
      });
    }
    expect(problems.slice(0, 20)).toEqual([]);
  });

  it('every file loads with loadPanel (known units, no duplicate region-year, well-formed cells)', () => {
    expect(listPanelTypes()).toEqual([...panels.keys()].sort());
    for (const type of panels.keys()) expect(loadPanel(type).length, type).toBe(panels.get(type)!.length);
  });

  it('units are the ones the README lists for the type', () => {
    const units = readmeUnits();
    const problems: string[] = [];
    for (const [type, rows] of panels) {
      const allowed = units.get(type);
      if (!allowed) problems.push(`README lists no unit for ${type}`);
      for (const r of rows)
        if (allowed && !allowed.has(r.unit!)) problems.push(`${type} ${r.region} ${r.year}: ${r.unit}`);
    }
    expect(problems.slice(0, 20)).toEqual([]);
  });

  it('values lie within plausibility bounds for their type', () => {
    const problems: string[] = [];
    for (const [type, rows] of panels) {
      const b = BOUNDS[type];
      if (!b) problems.push(`no bounds for ${type}`);
      for (const r of rows) {
        const v = Number(r.value);
        if (b && !(v >= b[0] && v <= b[1])) problems.push(`${type} ${r.region} ${r.year} = ${r.value}`);
      }
    }
    expect(problems.slice(0, 20)).toEqual([]);
  });

  it('has no duplicate (type, region, year) and no year outside 1960–2020 (vintage rule: Tianjin <= 2020)', () => {
    const problems: string[] = [];
    for (const [type, rows] of panels) {
      const seen = new Set<string>();
      for (const r of rows) {
        const key = `${type}|${r.region_level}|${r.region}|${r.year}`;
        if (seen.has(key)) problems.push(`duplicate ${key}`);
        seen.add(key);
        const y = Number(r.year);
        if (!(y >= 1960 && y <= 2020)) problems.push(`${key}: year outside 1960–2020`);
        if (r.region?.includes('tianjin') && y > 2020) problems.push(`${key}: Tianjin after 2020`);
      }
    }
    expect(problems.slice(0, 20)).toEqual([]);
  });

  it('meets the bar: >= 8 types, each with >= 25 regions having >= 8 yearly values in 2010–2020', () => {
    const passing = [...panels].filter(([, rows]) => dense(rows).size >= 25).map(([t]) => t);
    expect(passing.length, `types meeting the bar: ${passing.join(', ')}`).toBeGreaterThanOrEqual(8);
  });

  it("the README's coverage table matches the files", () => {
    const computed: string[][] = [];
    for (const type of [...panels.keys()].sort()) {
      const rows = panels.get(type)!;
      for (const level of [...new Set(rows.map((r) => r.region_level))].sort()) {
        const sub = rows.filter((r) => r.region_level === level);
        const regions = new Set(sub.map((r) => r.region)).size;
        const years = sub.map((r) => Number(r.year));
        computed.push([
          type,
          level,
          String(regions),
          String(dense(sub).size),
          `${Math.min(...years)}–${Math.max(...years)}`,
          String(sub.length),
        ]);
      }
    }
    expect(readmeTable('coverage')).toEqual(computed);
  });
});

describe('build-panels conversions', () => {
  it('shiftDecimal(text, -2) divides by 100 without float noise and keeps the digits', () => {
    expect(shiftDecimal('1212.5', -2)).toBe('12.125');
    expect(shiftDecimal('1.0342474', -2)).toBe('0.010342474');
    expect(shiftDecimal('3.4', -2)).toBe('0.034');
    expect(shiftDecimal('100', -2)).toBe('1');
    expect(shiftDecimal('0', -2)).toBe('0');
    expect(() => shiftDecimal('1e-5', -2)).toThrow(/not a plain decimal/);
  });

  it('growthFromIndex(index) is index - 100 with the index decimals', () => {
    expect(growthFromIndex('104.8')).toBe('4.8');
    expect(growthFromIndex('99.5')).toBe('-0.5');
    expect(growthFromIndex('100.0')).toBe('0.0');
    expect(growthFromIndex('112')).toBe('12');
  });

  it('provinceKey(name) reads full, short and spaced province names and rejects the national total', () => {
    expect(provinceKey('天津市')).toBe('tianjin');
    expect(provinceKey('天 津')).toBe('tianjin');
    expect(provinceKey('内蒙古自治区')).toBe('neimenggu');
    expect(provinceKey('陕西')).toBe('shaanxi');
    expect(provinceKey('山西省')).toBe('shanxi');
    expect(provinceKey('全国')).toBeUndefined();
  });
});
