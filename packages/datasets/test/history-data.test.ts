/**
 * Checks of `data/history.csv` (yearly values of the seed indicators and of their parent regions) and of its README
 * `data/history.md`: provenance, units, keys, the vintage rule, visible conflicts and breaks, and the coverage table.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Indicator, isKnownUnit, parseValueText, resolveIndicator, sameNumber } from '@trajectory/core';
import { fromCSV } from 'arquero';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadHistory, loadSeedIndicators, REGIONS } from '../src/node.ts';

const dataDir = new URL('../data/', import.meta.url);
const csvPath = fileURLToPath(new URL('history.csv', dataDir));
const readmePath = fileURLToPath(new URL('history.md', dataDir));

const COLUMNS = [
  'id',
  'region',
  'indicator',
  'indicator_zh',
  'indicator_en',
  'kind',
  'year',
  'value',
  'value_text',
  'unit',
  'measure',
  'accumulation',
  'status',
  'as_of',
  'quote',
  'source_title',
  'source_url',
  'scope_note',
  'break_note',
] as const;
type Column = (typeof COLUMNS)[number];
type Row = Record<Column, string>;

/** Parent regions whose series count as evidence for the model (not for the coverage of the seed's own key). */
const PARENTS = ['tianjin', 'binhai_new_area', 'china'];
const TIANJIN_REGIONS = ['tianjin', 'binhai_new_area', 'nankai', 'hexi', 'teda', 'binhai'];
const MEASURES = ['count', 'amount', 'share', 'rate', 'growth', 'level'];
const ACCUMULATIONS = ['stock', 'flow', 'cumulative'];
const STATUSES = ['final', 'preliminary', 'revised'];
/** The years the coverage counts, and the last year any row may have (vintage rule). */
const WINDOW = [2015, 2020] as const;
const LAST_YEAR = 2020;
const CONFLICT = /\bCONFLICT\b/;
/** A fall larger than this between two year-end values of an amount is a break unless a row says so. */
const MAX_UNFLAGGED_FALL = 0.1;

function readRows(): { header: string[]; rows: Row[] } {
  const text = readFileSync(csvPath, 'utf8');
  const table = fromCSV(text, { autoType: false });
  const rows = (table.objects() as Record<string, string | null>[]).map(
    (r) => Object.fromEntries(COLUMNS.map((c) => [c, r[c] ?? ''])) as Row,
  );
  return { header: table.columnNames(), rows };
}

/** Rows grouped by a key. */
function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/** An assessable seed target: the indicator has a baseline observation and the target resolves to a value. */
interface Assessable {
  indicator: Indicator;
  targetIndex: number;
}

function assessableTargets(indicators: readonly Indicator[]): Assessable[] {
  const out: Assessable[] = [];
  for (const raw of indicators) {
    if (raw.observations.length === 0) continue;
    const ind = resolveIndicator(raw);
    ind.targets.forEach((t, targetIndex) => {
      if (t.value !== null && Number.isFinite(t.value)) out.push({ indicator: ind, targetIndex });
    });
  }
  return out;
}

/** Years in the window with a history row for `indicatorId` that the seed does not already observe. */
function newYears(indicator: Indicator, rows: readonly Row[]): Set<number> {
  const seedYears = new Set(indicator.observations.map((o) => o.year));
  const years = new Set<number>();
  for (const r of rows) {
    const y = Number(r.year);
    if (r.indicator === indicator.id && y >= WINDOW[0] && y <= WINDOW[1] && !seedYears.has(y)) years.add(y);
  }
  return years;
}

/** The coverage figures the README must print. */
function coverage(indicators: readonly Indicator[], rows: readonly Row[]) {
  const targets = assessableTargets(indicators);
  const counts = targets.map((t) => newYears(t.indicator, rows).size);
  const atLeast = (n: number) => counts.filter((c) => c >= n).length;
  const yearsOf = (key: string) =>
    new Set(
      rows
        .filter((r) => r.indicator === key && Number(r.year) >= WINDOW[0] && Number(r.year) <= WINDOW[1])
        .map((r) => r.year),
    );
  const withParent = targets.filter((t) => {
    const suffix = t.indicator.id.slice(t.indicator.region.length + 1);
    return PARENTS.some((p) => p !== t.indicator.region && yearsOf(`${p}.${suffix}`).size >= 2);
  }).length;
  const short = [...new Set(targets.filter((_, i) => (counts[i] ?? 0) < 2).map((t) => t.indicator.id))].sort();
  return {
    assessable: targets.length,
    atLeast1: atLeast(1),
    atLeast2: atLeast(2),
    atLeast3: atLeast(3),
    sharePercent2: targets.length ? Math.round((1000 * atLeast(2)) / targets.length) / 10 : 0,
    withParent2: withParent,
    shortIndicators: short,
  };
}

/** The `| label | value |` rows between the README's coverage markers. */
function readmeCoverage(readme: string): Map<string, string> {
  const m = /<!-- coverage:begin -->([\s\S]*?)<!-- coverage:end -->/.exec(readme);
  if (!m) throw new Error(`${readmePath}: no <!-- coverage:begin --> ... <!-- coverage:end --> block`);
  const cells = new Map<string, string>();
  for (const line of m[1]!.split('\n')) {
    const parts = line.split('|').map((s) => s.trim());
    if (parts.length >= 4 && parts[1] && parts[2] && !/^-+$/.test(parts[1])) cells.set(parts[1], parts[2]);
  }
  return cells;
}

describe('history.csv', () => {
  let header: string[];
  let rows: Row[];
  beforeAll(() => {
    ({ header, rows } = readRows());
  });

  it('has exactly the documented columns, in order, and some rows', () => {
    expect(header).toEqual([...COLUMNS]);
    expect(rows.length).toBeGreaterThan(30);
  });

  it('is read whole by the package loader (loadHistory validates every field)', () => {
    const records = loadHistory();
    expect(records.map((r) => r.id)).toEqual(rows.map((r) => r.id));
    expect(records.map((r) => r.value)).toEqual(rows.map((r) => Number(r.value)));
  });

  it('quotes every value: the quote is non-empty and contains value_text, which parses to value', () => {
    const bad = rows.filter((r) => {
      const parsed = parseValueText(r.value_text, r.unit);
      return (
        !r.quote ||
        !r.value_text ||
        !r.quote.includes(r.value_text) ||
        parsed === null ||
        !sameNumber(parsed, Number(r.value))
      );
    });
    expect(bad.map((r) => r.id)).toEqual([]);
  });

  it('names a source (title and http(s) address) for every row', () => {
    const bad = rows.filter((r) => !r.source_title.trim() || !/^https?:\/\/\S+$/.test(r.source_url));
    expect(bad.map((r) => r.id)).toEqual([]);
  });

  it('uses known units, regions, measures, accumulations and statuses', () => {
    const regions = new Set(REGIONS.keys());
    const bad = rows.filter(
      (r) =>
        !isKnownUnit(r.unit) ||
        !regions.has(r.region) ||
        !r.indicator.startsWith(`${r.region}.`) ||
        r.kind !== 'observed' ||
        !MEASURES.includes(r.measure) ||
        !ACCUMULATIONS.includes(r.accumulation) ||
        !STATUSES.includes(r.status) ||
        !r.indicator_zh.trim() ||
        !r.indicator_en.trim(),
    );
    expect(bad.map((r) => r.id)).toEqual([]);
  });

  it('has integer years from 2010 and as_of dates (YYYY-MM) inside their year', () => {
    const bad = rows.filter((r) => {
      const y = Number(r.year);
      if (!Number.isInteger(y) || y < 2010) return true;
      if (!r.as_of) return false;
      const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(r.as_of);
      return !m || Number(m[1]) !== y;
    });
    expect(bad.map((r) => r.id)).toEqual([]);
  });

  it('has unique ids of the form indicator.year.letter', () => {
    const ids = rows.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    const bad = rows.filter(
      (r) => !new RegExp(`^${r.indicator.replace(/\./g, '\\.')}\\.${r.year}\\.[a-z]$`).test(r.id),
    );
    expect(bad.map((r) => r.id)).toEqual([]);
  });

  it('has no duplicate (indicator, year, as_of, source_url)', () => {
    const dups = [...groupBy(rows, (r) => [r.indicator, r.year, r.as_of, r.source_url].join('|'))].filter(
      ([, g]) => g.length > 1,
    );
    expect(dups.map(([k]) => k)).toEqual([]);
  });

  it('keeps the vintage rule: no figure after 2020 for a Tianjin region (nor for any other)', () => {
    const late = rows.filter((r) => Number(r.year) > LAST_YEAR);
    expect(late.filter((r) => TIANJIN_REGIONS.includes(r.region)).map((r) => r.id)).toEqual([]);
    expect(late.map((r) => r.id)).toEqual([]);
  });

  it('marks every conflict (two values for one indicator, year and date) on both rows, and only real ones', () => {
    const seed = loadSeedIndicators({ checkQuotes: false });
    const seedValues = new Map<string, number[]>();
    for (const ind of seed) {
      for (const o of ind.observations) {
        const k = `${ind.id}|${o.year}|`;
        seedValues.set(k, [...(seedValues.get(k) ?? []), o.value]);
      }
    }
    const unmarked: string[] = [];
    const stale: string[] = [];
    for (const [key, group] of groupBy(rows, (r) => `${r.indicator}|${r.year}|${r.as_of}`)) {
      const values = [...group.map((r) => Number(r.value)), ...(seedValues.get(key) ?? [])];
      const differ = values.some((v) => !sameNumber(v, values[0]!));
      for (const r of group) {
        const differsHere = values.some((v) => !sameNumber(v, Number(r.value)));
        if (differsHere && !CONFLICT.test(r.scope_note)) unmarked.push(r.id);
        if (!differ && CONFLICT.test(r.scope_note)) stale.push(r.id);
      }
    }
    expect(unmarked).toEqual([]);
    expect(stale).toEqual([]);
  });

  it('flags series breaks: a fall of more than 10 % between year-end amounts (here or in the seed) carries a break_note', () => {
    type Point = { year: number; value: number; id: string; breakNote: string | null };
    const seedPoints = new Map<string, Point[]>();
    for (const ind of loadSeedIndicators({ checkQuotes: false })) {
      if (ind.measure !== 'amount' || ind.accumulation === 'cumulative') continue;
      seedPoints.set(
        ind.id,
        ind.observations.map((o) => ({
          year: o.year,
          value: o.value,
          id: `seed:${ind.id}.${o.year}`,
          breakNote: null,
        })),
      );
    }
    const amounts = rows.filter((r) => r.measure === 'amount' && !r.as_of && r.accumulation !== 'cumulative');
    const unflagged: string[] = [];
    for (const [indicator, group] of groupBy(amounts, (r) => r.indicator)) {
      const points: Point[] = [
        ...group.map((r) => ({
          year: Number(r.year),
          value: Number(r.value),
          id: r.id,
          breakNote: r.break_note.trim(),
        })),
        ...(seedPoints.get(indicator) ?? []),
      ];
      // consecutive observed years; a break declared on any row of either year covers the step
      const years = [...groupBy(points, (p) => String(p.year))].sort(([a], [b]) => Number(a) - Number(b));
      for (let i = 1; i < years.length; i++) {
        const before = years[i - 1]![1];
        const after = years[i]![1];
        if ([...before, ...after].some((p) => p.breakNote)) continue;
        for (const a of before) {
          for (const b of after) {
            if (1 - b.value / a.value > MAX_UNFLAGGED_FALL) unflagged.push(`${a.id} -> ${b.id}`);
          }
        }
      }
    }
    expect(unflagged).toEqual([]);
  });

  it("marks Tianjin's GDP revision after the 2018 economic census", () => {
    const gdp = rows.filter((r) => r.indicator === 'tianjin.gdp');
    expect(gdp.length).toBeGreaterThan(0);
    expect(gdp.some((r) => /economic census/.test(r.break_note))).toBe(true);
  });
});

describe('history.md', () => {
  it('prints the coverage the data gives (so the README cannot go stale)', () => {
    const { rows } = readRows();
    const c = coverage(loadSeedIndicators({ checkQuotes: false }), rows);
    const readme = readFileSync(readmePath, 'utf8');
    const cells = readmeCoverage(readme);
    const printed = {
      assessable: cells.get('assessable seed targets'),
      atLeast1: cells.get('with ≥ 1 new observation'),
      atLeast2: cells.get('with ≥ 2 new observations'),
      atLeast3: cells.get('with ≥ 3 new observations'),
      sharePercent2: cells.get('share with ≥ 2 (%)'),
      withParent2: cells.get('with a parent-region series of ≥ 2 years'),
    };
    expect(printed).toEqual({
      assessable: String(c.assessable),
      atLeast1: String(c.atLeast1),
      atLeast2: String(c.atLeast2),
      atLeast3: String(c.atLeast3),
      sharePercent2: c.sharePercent2.toFixed(1),
      withParent2: String(c.withParent2),
    });
    expect(c.assessable).toBeGreaterThan(0);
  });

  it('lists the searches made for every assessable indicator that did not gain two observations', () => {
    const { rows } = readRows();
    const c = coverage(loadSeedIndicators({ checkQuotes: false }), rows);
    const readme = readFileSync(readmePath, 'utf8');
    const section = readme.split(/^## Searches/m)[1] ?? '';
    const missing = c.shortIndicators.filter((id) => !section.includes(`\`${id}\``));
    expect(missing).toEqual([]);
  });
});
