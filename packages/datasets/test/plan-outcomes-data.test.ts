/**
 * Checks of `data/plan-outcomes.csv` against its README (`data/plan-outcomes.md`): exact columns, quotes that
 * contain their values as written, `met` recomputed from the comparator, known units, unique keys, year order,
 * and the per-family row counts the README states.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { UNITS } from '@trajectory/core';
import { fromCSV } from 'arquero';
import { loadPlanOutcomes } from '../src/load.ts';
import { describe, expect, it } from 'vitest';

const dataDir = fileURLToPath(new URL('../data/', import.meta.url));
const csvText = readFileSync(`${dataDir}plan-outcomes.csv`, 'utf8');
const readme = readFileSync(`${dataDir}plan-outcomes.md`, 'utf8');

const COLUMNS = [
  'plan',
  'family',
  'region',
  'indicator_zh',
  'indicator_en',
  'unit',
  'measure',
  'attribute',
  'base_year',
  'base_value',
  'target_year',
  'target_value',
  'comparator',
  'outcome_year',
  'outcome_value',
  'met',
  'quote_target',
  'source_target',
  'quote_outcome',
  'source_outcome',
] as const;
type Row = Record<(typeof COLUMNS)[number], string>;

const MEASURES = new Set(['count', 'amount', 'share', 'rate', 'growth', 'level', 'ratio']);
/** 约束性 binding, 预期性 expected; empty where no quoted source classifies the target */
const ATTRIBUTES = new Set(['约束性', '预期性', '']);
const COMPARATORS = new Set(['>=', '<=', '=']);
/** The issue's bar (at least 250 rows, from at least 5 families) and the families landed so far. */
const MIN_ROWS = 250;
const MIN_FAMILIES = 10;

const table = fromCSV(csvText, { autoType: false });
const rows = (table.objects() as Record<string, string | null>[]).map(
  (r) => Object.fromEntries(COLUMNS.map((c) => [c, r[c] ?? ''])) as Row,
);

function decimals(text: string): number {
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

/** `met` as the README defines it: the outcome rounded to the target's stated decimals, compared with it. */
function recomputeMet(r: Pick<Row, 'target_value' | 'outcome_value' | 'comparator'>): boolean {
  const d = decimals(r.target_value);
  const target = Number(r.target_value);
  const outcome = Number(Number(r.outcome_value).toFixed(d));
  if (r.comparator === '>=') return outcome >= target;
  if (r.comparator === '<=') return outcome <= target;
  return outcome === target;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function withThousands(text: string): string {
  const [int, frac] = text.split('.');
  const sign = int?.startsWith('-') ? '-' : '';
  const digits = (int ?? '').replace('-', '');
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${grouped}${frac === undefined ? '' : `.${frac}`}`;
}

/**
 * The ways a source may write `value` (as the CSV writes it): literally, with thousands separators, with a
 * decimal comma, or — in tabular sources — a percentage as a fraction with two more decimals (3.0 % as 0.030) and
 * a growth rate as an index with the previous year = 100 (6.1 % as 106.1).
 */
function writtenForms(value: string, unit: string, measure = ''): string[] {
  const forms = new Set([value, withThousands(value), value.replace('.', ',')]);
  if (unit === '%') forms.add((Number(value) / 100).toFixed(decimals(value) + 2));
  if (unit === '%' && measure === 'growth') forms.add((100 + Number(value)).toFixed(decimals(value)));
  return [...forms];
}

/**
 * Whether `quote` contains `value` in one of its written forms, not as part of a longer number: no digit or point
 * before or after it, and no thousands group (`,ddd`) continuing it on either side (CSV commas are separators).
 * A form with a decimal point cannot continue into a thousands group, so `106.0,103` holds 106.0.
 */
function quoteHasValue(quote: string, value: string, unit: string, measure = ''): boolean {
  return writtenForms(value, unit, measure).some((form) => {
    const after = form.includes('.') ? '(?!\\d|\\.\\d)' : '(?!\\d|\\.\\d|,\\d{3}(?![\\d.]))';
    return new RegExp(`(?<![\\d.])(?!(?<=\\d,)\\d{3}(?![\\d.]))${escapeRe(form)}${after}`).test(quote);
  });
}

describe('plan-outcomes.csv', () => {
  it('has exactly the documented columns, in order', () => {
    expect(table.columnNames()).toEqual([...COLUMNS]);
  });

  it('fills every column except attribute and the base; a base value always has its year, and only growth targets have a year alone', () => {
    const optional = new Set(['attribute', 'base_year', 'base_value']);
    const gaps = rows.flatMap((r, i) =>
      COLUMNS.filter((c) => !optional.has(c) && r[c].trim() === '').map((c) => `row ${i + 2}: ${c}`),
    );
    const badBase = rows
      .map((r, i) => ({ r, i }))
      .filter(
        ({ r }) =>
          (r.base_value !== '' && r.base_year === '') ||
          (r.base_year !== '' && r.base_value === '' && r.measure !== 'growth'),
      )
      .map(({ i }) => `row ${i + 2}: base_year and base_value`);
    expect([...gaps, ...badBase]).toEqual([]);
  });

  it('loads through the package loader, which agrees on every row', () => {
    const loaded = loadPlanOutcomes();
    expect(loaded).toHaveLength(rows.length);
    expect(loaded.map((r) => [r.region, r.target_year, r.met])).toEqual(
      rows.map((r) => [r.region, Number(r.target_year), r.met === 'true']),
    );
  });

  it('uses the documented vocabularies and known units', () => {
    const bad = rows.flatMap((r, i) => {
      const out: string[] = [];
      if (!MEASURES.has(r.measure)) out.push(`row ${i + 2}: measure ${r.measure}`);
      if (!ATTRIBUTES.has(r.attribute)) out.push(`row ${i + 2}: attribute ${r.attribute}`);
      if (!COMPARATORS.has(r.comparator)) out.push(`row ${i + 2}: comparator ${r.comparator}`);
      if (!UNITS.has(r.unit)) out.push(`row ${i + 2}: unit ${r.unit}`);
      if (r.met !== 'true' && r.met !== 'false') out.push(`row ${i + 2}: met ${r.met}`);
      for (const c of ['base_value', 'target_value', 'outcome_value'] as const) {
        if (r[c] !== '' && !/^-?\d+(\.\d+)?$/.test(r[c])) out.push(`row ${i + 2}: ${c} ${r[c]}`);
      }
      return out;
    });
    expect(bad).toEqual([]);
  });

  it('states met as recomputed from target, comparator and outcome', () => {
    const wrong = rows
      .map((r, i) => ({ i, r }))
      .filter(({ r }) => String(recomputeMet(r)) !== r.met)
      .map(({ i, r }) => `row ${i + 2}: ${r.region} ${r.indicator_en}`);
    expect(wrong).toEqual([]);
  });

  it('quotes contain their values as written', () => {
    const bad = rows.flatMap((r, i) => {
      const out: string[] = [];
      if (!quoteHasValue(r.quote_target, r.target_value, r.unit)) out.push(`row ${i + 2}: target ${r.target_value}`);
      if (!quoteHasValue(r.quote_outcome, r.outcome_value, r.unit, r.measure)) {
        out.push(`row ${i + 2}: outcome ${r.outcome_value}`);
      }
      if (
        r.base_value !== '' &&
        !quoteHasValue(r.quote_target, r.base_value, r.unit) &&
        !quoteHasValue(r.quote_outcome, r.base_value, r.unit)
      ) {
        out.push(`row ${i + 2}: base ${r.base_value}`);
      }
      if (!/^https?:\/\//.test(r.source_target) || !/^https?:\/\//.test(r.source_outcome)) {
        out.push(`row ${i + 2}: source URL`);
      }
      return out;
    });
    expect(bad).toEqual([]);
  });

  it('has no duplicate (plan, region, indicator_en, target_year)', () => {
    const keys = rows.map((r) => [r.plan, r.region, r.indicator_en, r.target_year].join('|'));
    const dupes = keys.filter((k, i) => keys.indexOf(k) !== i);
    expect(dupes).toEqual([]);
  });

  it('orders years: base_year (where given) < target_year <= outcome_year', () => {
    const bad = rows
      .map((r, i) => ({ i, r }))
      .filter(
        ({ r }) => !(Number(r.base_year) < Number(r.target_year) && Number(r.target_year) <= Number(r.outcome_year)),
      )
      .map(({ i }) => `row ${i + 2}`);
    expect(bad).toEqual([]);
  });

  it('matches the README table of rows per family, and holds enough rows and families', () => {
    const counted = new Map<string, number>();
    for (const r of rows) counted.set(r.family, (counted.get(r.family) ?? 0) + 1);
    const stated = new Map<string, number>();
    for (const m of readme.matchAll(/^\|\s*`([a-z0-9-]+)`\s*\|[^|\n]*\|\s*(\d+)\s*\|/gm)) {
      stated.set(m[1] as string, Number(m[2]));
    }
    expect(Object.fromEntries(stated)).toEqual(Object.fromEntries(counted));
    const total = /In all: (\d+) rows, (\d+) met, (\d+) families; (\d+) rows give a base value\./.exec(readme);
    expect(total?.slice(1).map(Number)).toEqual([
      rows.length,
      rows.filter((r) => r.met === 'true').length,
      counted.size,
      rows.filter((r) => r.base_value !== '').length,
    ]);
    expect(rows.length).toBeGreaterThanOrEqual(MIN_ROWS);
    expect(counted.size).toBeGreaterThanOrEqual(MIN_FAMILIES);
  });
});

describe('quote matching rule', () => {
  it('accepts the forms sources use and rejects a wrong number', () => {
    expect(quoteHasValue('BE,0.732,0.030,-0.150', '3.0', '%')).toBe(true);
    expect(quoteHasValue('BE,0.732,0.030,-0.150', '3.1', '%')).toBe(false);
    expect(quoteHasValue('Austria 23,3 29.2 34', '23.3', '%')).toBe(true);
    expect(quoteHasValue('1,400,000 persons', '1400000', '人')).toBe(true);
    expect(quoteHasValue('北 京 | -5.00 | -6.04 |', '-6.04', '%')).toBe(true);
    expect(quoteHasValue('北 京 | -5.00 | -6.04 |', '-6.0', '%')).toBe(false);
    expect(quoteHasValue('"3.20758","3.25565"', '3.2', '%')).toBe(false);
    expect(quoteHasValue('AT,0.770,0.038,-0.160', '3.8', '%')).toBe(true);
    expect(quoteHasValue('total 1,400 firms', '400', '家')).toBe(false);
    expect(quoteHasValue('120000,天津市,2016,106.0,103,104.0,107.6', '6.0', '%', 'growth')).toBe(true);
    expect(quoteHasValue('120000,天津市,2016,106.0,103,104.0,107.6', '6.0', '%')).toBe(false);
    expect(quoteHasValue('120000,天津市,2016,106.0,103,104.0,107.6', '6.1', '%', 'growth')).toBe(false);
    expect(quoteHasValue('540000,西藏自治区,2017,110.0,104.1', '10.0', '%', 'growth')).toBe(true);
    expect(quoteHasValue('150000,内蒙古自治区,2011,113.6,106,116.3', '13.6', '%', 'growth')).toBe(true);
    expect(quoteHasValue('IT,0.670,0.015,-0.130,0.170,158,0.160', '17.0', '%')).toBe(true);
    expect(quoteHasValue('total 1,400,000 persons', '1400', '人')).toBe(false);
  });

  it('rounds the outcome to the target precision before comparing', () => {
    expect(recomputeMet({ target_value: '3.0', outcome_value: '2.96', comparator: '>=' })).toBe(true);
    expect(recomputeMet({ target_value: '3.00', outcome_value: '2.96', comparator: '>=' })).toBe(false);
    expect(recomputeMet({ target_value: '-5.00', outcome_value: '-4.99', comparator: '<=' })).toBe(false);
  });
});
