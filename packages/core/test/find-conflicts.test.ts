import { describe, expect, it } from 'vitest';
import type { Indicator } from '../src/indicator.ts';
import { findConflicts } from '../src/find-conflicts.ts';

const src = (doc: string, rowId: string) => ({ doc, quote: 'q', rowId });
function ind(partial: Partial<Indicator>): Indicator {
  return {
    id: 'x',
    region: 'x',
    nameZh: '企业',
    nameEn: 'firms',
    unit: '家',
    measure: 'count',
    accumulation: 'stock',
    observations: [],
    targets: [],
    ...partial,
  };
}

describe('findConflicts(indicators)', () => {
  it('flags two documents giving different targets for the same year as cross-document', () => {
    const [c, ...rest] = findConflicts([
      ind({
        targets: [
          { year: 2023, value: 650, comparator: '>=', source: src('a.txt', 'r1') },
          { year: 2023, value: 500, comparator: '>=', source: src('b.txt', 'r2') },
        ],
      }),
    ]);
    expect(rest).toEqual([]);
    expect(c).toMatchObject({ indicator: 'x', kind: 'target', year: 2023, scope: 'cross-document' });
    expect(c!.entries.map((e) => e.value)).toEqual([650, 500]);
  });

  it('resolves relative targets before comparing (翻番 on 16 = 32 vs 30)', () => {
    const cs = findConflicts([
      ind({
        observations: [{ year: 2020, value: 16, source: src('b.txt', 'o') }],
        targets: [
          {
            year: 2023,
            value: null,
            comparator: '>=',
            relative: { kind: 'multiple', amount: 2, baseYear: 2020, text: '翻番' },
            source: src('a.txt', 'r1'),
          },
          { year: 2023, value: 30, comparator: '>=', source: src('b.txt', 'r2') },
        ],
      }),
    ]);
    expect(cs).toHaveLength(1);
    expect(cs[0]!.entries[0]).toMatchObject({ value: 32, relativeText: '翻番' });
  });

  it('flags the same document stating two values as within-document', () => {
    const cs = findConflicts([
      ind({
        observations: [
          { year: 2020, value: 147, source: src('h.txt', 's1') },
          { year: 2020, value: 146, source: src('h.txt', 's3') },
        ],
      }),
    ]);
    expect(cs.map((c) => [c.scope, c.kind])).toEqual([['within-document', 'observed']]);
  });

  it('does not flag agreeing restatements, consistent bounds, ranges, or blanks', () => {
    const cs = findConflicts([
      ind({
        observations: [
          { year: 2020, value: 5.16, source: src('b.txt', 'table') },
          { year: 2020, value: 5.0, comparator: '>=', source: src('b.txt', 'prose') },
        ],
        targets: [
          { year: 2025, value: 1500, comparator: '>=', source: src('b.txt', 't1') },
          { year: 2025, value: 1500, comparator: '>', source: src('b.txt', 't2') },
          { year: 2025, value: 50, comparator: '>=', source: src('b.txt', 'low') },
          { year: 2025, value: 100, comparator: '<=', source: src('b.txt', 'high') },
          { year: 2025, value: null, comparator: '>=', source: src('b.txt', 'blank') },
        ],
      }),
    ]);
    expect(cs.filter((c) => c.kind === 'observed')).toEqual([]);
    // 1500 vs 50 are both lower bounds of the same year: that is a conflict, the range's upper end is not
    expect(cs.flatMap((c) => c.entries.map((e) => e.rowId)).sort()).toEqual(['low', 't1', 't2']);
  });

  it('flags an exact observation that violates a stated bound', () => {
    const cs = findConflicts([
      ind({
        observations: [
          { year: 2020, value: 4.9, source: src('b.txt', 'table') },
          { year: 2020, value: 5.0, comparator: '>=', source: src('b.txt', 'prose') },
        ],
      }),
    ]);
    expect(cs).toHaveLength(1);
  });
});
