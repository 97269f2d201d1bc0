import type { Indicator } from '@trajectory/core';
import { assessPlan } from '@trajectory/forecast';
import { describe, expect, it } from 'vitest';
import { formatPlanTables, formatRegionTable } from '../src/format-table.ts';
import { displayWidth } from '../src/text-table.ts';

const src = (doc: string, quote = 'quote') => ({ doc, quote });
const indicator = (partial: Partial<Indicator> & Pick<Indicator, 'id' | 'observations' | 'targets'>): Indicator => ({
  region: '南开区',
  nameZh: '指标',
  nameEn: 'indicator',
  unit: '家',
  measure: 'count',
  accumulation: 'stock',
  ...partial,
});
// Nankai high-tech firms as the two documents state them: 321 in 2020 (doc 002), 2023 targets 650 (doc 000), 500 (doc 002)
const nankaiHighTech = indicator({
  id: 'nankai.hightech_firms',
  nameZh: '国家高新技术企业',
  observations: [{ year: 2020, value: 321, source: src('002_e54e0b994c9af463.txt', '国家级高新技术企业321家') }],
  targets: [
    {
      year: 2023,
      value: 650,
      comparator: '>=',
      source: src('000_fdb4085a81389e14.txt', '国家高新技术企业增加到 650 家'),
    },
    { year: 2023, value: 500, comparator: '>=', source: src('002_e54e0b994c9af463.txt', '500家国家级高新技术企业') },
  ],
});

describe('displayWidth(text)', () => {
  it('counts CJK and full-width characters as two columns', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('高新技术企业')).toBe(12);
    expect(displayWidth('序时进度 ok（）')).toBe(8 + 3 + 4);
  });
});

describe('formatRegionTable(region)', () => {
  const blank = indicator({
    id: 'nankai.blank',
    nameZh: '上市公司',
    observations: [{ year: 2020, value: 3, source: src('d') }],
    targets: [{ year: 2023, value: null, comparator: '>=', source: src('d') }],
  });
  const plan = assessPlan([nankaiHighTech, blank], { nPaths: 200, seed: 1 });
  const text = formatRegionTable(plan.regions[0]!);
  const lines = text.split('\n');

  it('aligns columns by display width, with CJK names', () => {
    const header = lines[1]!;
    const unitCol = displayWidth(header.slice(0, header.indexOf('unit')));
    for (const line of lines.slice(3, 6)) {
      expect(displayWidth(line.slice(0, line.indexOf('  家') + 2))).toBe(unitCol);
    }
  });

  it('lists conflicts with both probabilities and the reason of each target that could not be assessed', () => {
    expect(text).toMatch(/⚠ conflict nankai\.hightech_firms@2023: .*P = \d+\.\d% vs \d+\.\d%/);
    expect(text).toMatch(/target-blank \(1\): nankai\.blank/);
    expect(formatPlanTables(plan)).toMatch(
      /3 targets of 2 indicators: 2 with a probability, 1 with a status other than ok, 1 conflicts/,
    );
  });
});
