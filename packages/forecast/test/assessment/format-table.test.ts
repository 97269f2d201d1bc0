import { describe, expect, it } from 'vitest';
import { assessPlan, displayWidth, formatPlanTables, formatRegionTable } from '../../src/assessment/index.ts';
import { indicator, lognormalProjector, nankaiHighTech, src, target } from './fixtures.ts';

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
    region: '南开区',
    nameZh: '上市公司',
    observations: [{ year: 2020, value: 3, source: src('d') }],
    targets: [target({ year: 2023, value: null })],
  });
  const plan = assessPlan([nankaiHighTech, blank], { projector: lognormalProjector(0.1, 0.1), nPaths: 200, seed: 1 });
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
