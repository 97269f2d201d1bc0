/**
 * Property-based tests (fast-check) of the data model: CSV -> rows -> CSV, rows -> indicators -> rows and JSON
 * round trips lose nothing, for arbitrary valid datasets (text with commas, quotes, newlines, CJK).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IndicatorRow } from '../src/indicator-row.ts';
import {
  readIndicatorCsv,
  readIndicatorJson,
  writeIndicatorCsv,
  writeIndicatorJson,
} from '../src/indicator-table-io.ts';
import { indicatorsToRows, rowsToIndicators } from '../src/indicator-model.ts';
import { UNITS } from '../src/units.ts';

const chars = fc.constantFrom('a', 'Z', '7', ' ', ',', '"', '\n', '中', '“', '%', '-', '(', ')', '.', '/', "'");
const text = (min = 0) => fc.string({ unit: chars, minLength: min, maxLength: 12 });
const nonBlank = text(1).map((s) => (s.trim() === '' ? `x${s}` : s));
const number = fc
  .tuple(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.integer({ min: 0, max: 3 }))
  .map(([m, d]) => m / 10 ** d);

const definition = fc.record({
  region: nonBlank,
  indicator_zh: nonBlank,
  indicator_en: nonBlank,
  unit: fc.constantFrom(...[...UNITS.keys()]),
  measure: fc.constantFrom('count', 'amount', 'share', 'rate', 'growth' as const),
  accumulation: fc.constantFrom('stock', 'flow', 'cumulative' as const),
  scope: text(),
});

interface Draft {
  kind: 'observed' | 'target';
  year: number;
  value: number | null;
  rel: boolean;
  cmp: string;
  note: string;
  pre: string;
  post: string;
  doc: string;
  attribute: string;
  period: boolean;
}
const draft = fc.record({
  kind: fc.constantFrom('observed', 'target' as const),
  year: fc.integer({ min: 2000, max: 2030 }),
  value: fc.option(number, { nil: null }),
  rel: fc.boolean(),
  cmp: fc.constantFrom('>=', '>', '=', '<=', '<', ''),
  note: text(),
  pre: text(),
  post: text(),
  doc: fc.constantFrom('a.txt', 'b.txt'),
  attribute: fc.constantFrom('预期性', '约束性', ''),
  period: fc.boolean(),
});

/** Arbitrary valid datasets: a few indicators, each with a few rows obeying the dataset's rules. */
const dataset = fc
  .array(fc.tuple(definition, fc.array(draft, { minLength: 1, maxLength: 4 })), { minLength: 1, maxLength: 4 })
  .map((groups) => {
    const rows: IndicatorRow[] = [];
    groups.forEach(([def, drafts], g) => {
      drafts.forEach((d: Draft, i) => {
        const target = d.kind === 'target';
        // observations up to 2020, targets after: no target before its base year
        const year = target ? 2021 + (d.year % 10) : 2000 + (d.year % 21);
        const relative = target && d.rel;
        const value = target ? d.value : (d.value ?? 1);
        const valueText = value === null ? (relative ? '翻番' : '') : String(value);
        rows.push({
          id: `i${g}.${year}.${d.kind}.${i}`,
          doc: d.doc,
          indicator: `i${g}`,
          ...def,
          // equivalent counters may differ between rows of one indicator (家 in 2015, 个 in the 2020 target)
          unit: def.unit === '家' && d.note.length % 2 === 1 ? '个' : def.unit,
          kind: d.kind,
          year,
          value,
          value_text: valueText,
          comparator: target
            ? ((d.cmp || '>=') as IndicatorRow['comparator'])
            : ((d.cmp || null) as IndicatorRow['comparator']),
          period_start: d.period ? year - 4 : null,
          period_end: d.period ? year : null,
          lower: null,
          upper: null,
          relative_kind: relative ? 'multiple' : null,
          relative_amount: relative ? 2 : null,
          relative_base_year: relative ? 2020 : null,
          relative_text: relative ? '翻番' : '',
          attribute: target && d.attribute ? (d.attribute as IndicatorRow['attribute']) : null,
          note: d.note,
          quote: (d.pre + valueText + d.post).trim() === '' ? `q${d.pre}` : d.pre + valueText + d.post,
        });
      });
    });
    return rows;
  });

/** Fixed seeds keep the runs reproducible (STYLE: randomness seeded); numRuns is high enough to explore. */
const runs = (numRuns: number) => ({ numRuns, seed: 20_260_101 });

const byId = (rows: IndicatorRow[]) => [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

describe('data model round trips (fast-check)', () => {
  it('readIndicatorCsv(writeIndicatorCsv(rows)) equals rows', () => {
    fc.assert(
      fc.property(dataset, (rows) => {
        expect(readIndicatorCsv(writeIndicatorCsv(rows), 'p.csv')).toEqual(rows);
      }),
      runs(300),
    );
  });

  it('CSV -> model -> CSV loses nothing: indicatorsToRows(rowsToIndicators(rows)) has the same rows', () => {
    fc.assert(
      fc.property(dataset, (rows) => {
        const back = indicatorsToRows(rowsToIndicators(readIndicatorCsv(writeIndicatorCsv(rows), 'p.csv')));
        expect(byId(back)).toEqual(byId(rows));
        expect(writeIndicatorCsv(byId(back))).toBe(writeIndicatorCsv(byId(rows)));
      }),
      runs(300),
    );
  });

  it('readIndicatorJson(writeIndicatorJson(rows)) equals rows', () => {
    fc.assert(
      fc.property(dataset, (rows) => {
        expect(readIndicatorJson(writeIndicatorJson(rows), 'p.json')).toEqual(rows);
      }),
      runs(150),
    );
  });
});
