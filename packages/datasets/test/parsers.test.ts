import { readFileSync } from 'node:fs';
import { type DataIssue, formatIssue, IndicatorDataError } from '@trajectory/core';
import { describe, expect, it } from 'vitest';
import { parseHistoryCsv } from '../src/history.ts';
import { parsePanelCsv } from '../src/panels.ts';
import { parsePlanOutcomesCsv } from '../src/plan-outcomes.ts';
import { readCsvTable } from '../src/csv-table.ts';

const fixture = (name: string) => readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8');

function issuesOf(fn: () => unknown): DataIssue[] {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(IndicatorDataError);
    return (error as IndicatorDataError).issues;
  }
  throw new Error('expected an IndicatorDataError');
}

/** Replace the cell `column` of data row `n` (1-based) of a fixture without quoted commas or line breaks there. */
function withCell(text: string, n: number, column: string, cell: string): string {
  const lines = text.trimEnd().split('\n');
  const col = lines[0]!.split(',').indexOf(column);
  expect(col).toBeGreaterThanOrEqual(0);
  const fields = lines[n]!.split(',');
  fields[col] = cell;
  lines[n] = fields.join(',');
  return `${lines.join('\n')}\n`;
}

describe('readCsvTable(text, file, columns)', () => {
  it('names the line of an unterminated quote and of a ragged row', () => {
    const issues = issuesOf(() => readCsvTable('a,b\n1,2,3\n"x,4\n', 'r.csv', { required: ['a', 'b'] }));
    expect(issues).toContainEqual(expect.objectContaining({ file: 'r.csv', row: 1, line: 2 }));
    expect(issues).toContainEqual(expect.objectContaining({ file: 'r.csv', line: 3 }));
  });

  it('reports missing, unknown and duplicate columns by name', () => {
    const issues = issuesOf(() => readCsvTable('a,c,c\n1,2,3\n', 'c.csv', { required: ['a', 'b'] }));
    expect(issues.map((i) => [i.field, i.message])).toEqual([
      ['b', 'missing column'],
      ['c', 'unknown column'],
      ['c', 'duplicate column'],
      ['c', 'unknown column'],
    ]);
  });

  it('accepts a byte order mark, CRLF and an optional column', () => {
    const t = readCsvTable('\uFEFFa,b\r\n1,\r\n', 'o.csv', { required: ['a'], optional: ['b'] });
    expect(t.records).toEqual([{ a: '1', b: '' }]);
    expect(t.lines).toEqual([2]);
  });

  it('rejects an empty file', () => {
    expect(issuesOf(() => readCsvTable('', 'e.csv', { required: ['a'] }))[0]!.message).toMatch(/empty file/);
  });
});

describe('parseHistoryCsv(text, file)', () => {
  it('reads every row as a typed record, quotes and notes kept as written', () => {
    const rows = parseHistoryCsv(fixture('history.csv'), 'history.csv');
    expect(rows).toHaveLength(2);
    expect(rows[1]).toEqual({
      id: 't.firms.2020',
      region: 'tianjin',
      indicator: 'tianjin.hightech_firms',
      indicator_zh: '国家高新技术企业',
      indicator_en: 'national high-tech enterprises',
      kind: 'observed',
      year: 2020,
      value: 120,
      value_text: '120',
      unit: '家',
      measure: 'count',
      accumulation: 'stock',
      status: 'preliminary',
      as_of: '2020-12',
      quote: '(fictional fixture) 达到120家, "初步"',
      source_title: 'Fixture bulletin 2020',
      source_url: 'https://example.org/2020',
      scope_note: 'national only',
      break_note: 'definition changed',
    });
    expect(rows[0]!.as_of).toBeNull();
  });

  it('names file, line, row and field for an unknown region, unit, status and a bad as_of', () => {
    let text = withCell(fixture('history.csv'), 1, 'region', 'atlantis');
    text = withCell(text, 1, 'unit', 'kg');
    text = withCell(text, 1, 'status', 'draft');
    text = withCell(text, 1, 'as_of', '2020-13');
    const issues = issuesOf(() => parseHistoryCsv(text, 'history.csv'));
    expect(issues.map(formatIssue)).toEqual([
      "history.csv:2 (row 1) field 'region': unknown region 'atlantis'",
      "history.csv:2 (row 1) field 'unit': unknown unit 'kg'",
      "history.csv:2 (row 1) field 'as_of': '2020-13' is not blank or YYYY-MM",
      "history.csv:2 (row 1) field 'status': unknown value 'draft' (expected one of final, preliminary, revised)",
    ]);
  });

  it('reports a non-numeric value, an empty year, an empty source and a duplicate id', () => {
    let text = withCell(fixture('history.csv'), 1, 'value', '1O0');
    text = withCell(text, 1, 'year', '');
    text = withCell(text, 1, 'source_url', ''); // row 2's quote has a comma: withCell edits only before it there
    text = withCell(text, 2, 'id', 't.firms.2019');
    const issues = issuesOf(() => parseHistoryCsv(text, 'h.csv'));
    expect(issues.map((i) => [i.row, i.field, i.message])).toEqual([
      [1, 'year', 'is empty'],
      [1, 'value', 'not a number: "1O0"'],
      [1, 'source_url', 'is empty'],
      [2, 'id', "duplicate id 't.firms.2019' (first in row 1)"],
    ]);
  });

  it('accepts the measure level', () => {
    const text = withCell(fixture('history.csv'), 1, 'measure', 'level');
    expect(parseHistoryCsv(text, 'h.csv')[0]!.measure).toBe('level');
  });

  it('reads a header-only file as no rows', () => {
    expect(parseHistoryCsv(`${fixture('history.csv').split('\n')[0]}\n`, 'h.csv')).toEqual([]);
  });
});

describe('parsePanelCsv(text, type, file)', () => {
  it('reads a panel with and without the optional quote column', () => {
    const rd = parsePanelCsv(fixture('panel-rd.csv'), 'rd_intensity', 'panels/rd_intensity.csv');
    expect(rd.map((r) => [r.region, r.year, r.value, r.quote])).toEqual([
      ['Fixtureland', 2019, 1.5, ''],
      ['Fixtureland', 2020, 1.75, ''],
    ]);
    const le = parsePanelCsv(fixture('panel-quoted.csv'), 'life_expectancy', 'panels/life_expectancy.csv');
    expect(le[0]).toMatchObject({
      region_level: 'country',
      unit: '岁',
      licence: 'CC BY 4.0',
      quote: expect.any(String),
    });
  });

  it('rejects a row of another type, a region-year given twice and an empty licence', () => {
    let text = withCell(fixture('panel-rd.csv'), 2, 'type', 'gdp');
    text = withCell(text, 2, 'year', '2019');
    text = withCell(text, 1, 'licence', '');
    const issues = issuesOf(() => parsePanelCsv(text, 'rd_intensity', 'panels/rd_intensity.csv'));
    expect(issues.map(formatIssue)).toEqual([
      "panels/rd_intensity.csv:2 (row 1) field 'licence': is empty",
      "panels/rd_intensity.csv:3 (row 2) field 'type': 'gdp' in the file of type 'rd_intensity'",
      "panels/rd_intensity.csv:3 (row 2) field 'year': province 'Fixtureland' has 2019 already (row 1)",
    ]);
  });

  it('refuses a type that is not a file-name key', () => {
    expect(() => parsePanelCsv(fixture('panel-rd.csv'), '../x', 'x.csv')).toThrow(RangeError);
  });
});

describe('parsePlanOutcomesCsv(text, file)', () => {
  it('reads targets with and without a base, an attribute and a Chinese name', () => {
    const rows = parsePlanOutcomesCsv(fixture('plan-outcomes.csv'), 'plan-outcomes.csv');
    expect(rows.map((r) => [r.base_year, r.base_value, r.target_value, r.comparator, r.outcome_value, r.met])).toEqual([
      [2015, 1, 2, '>=', 1.5, false],
      [null, null, 40, '>=', 41, true],
    ]);
    expect(rows.map((r) => r.attribute)).toEqual(['预期性', null]);
  });

  it('names file, line, row and field for a half base, a bad met, an unknown comparator and an early target', () => {
    let text = withCell(fixture('plan-outcomes.csv'), 1, 'base_value', '');
    text = withCell(text, 1, 'met', 'yes');
    text = withCell(text, 2, 'attribute', 'binding');
    text = withCell(text, 2, 'comparator', '≥');
    text = withCell(text, 2, 'base_year', '2021');
    text = withCell(text, 2, 'base_value', '30');
    const issues = issuesOf(() => parsePlanOutcomesCsv(text, 'plan-outcomes.csv'));
    expect(issues.map(formatIssue)).toEqual([
      "plan-outcomes.csv:2 (row 1) field 'base_value': is empty but base_year is 2015 (only growth targets have no base level)",
      "plan-outcomes.csv:2 (row 1) field 'met': unknown value 'yes' (expected true or false)",
      "plan-outcomes.csv:3 (row 2) field 'target_year': target year 2020 is not after the base year 2021",
      "plan-outcomes.csv:3 (row 2) field 'attribute': unknown value 'binding' (expected one of 预期性, 约束性)",
      "plan-outcomes.csv:3 (row 2) field 'comparator': unknown value '≥' (expected one of >=, >, =, <=, <)",
    ]);
  });

  it('accepts a growth target with a base year and no base level, and refuses a base level without its year', () => {
    let text = withCell(fixture('plan-outcomes.csv'), 1, 'measure', 'growth');
    text = withCell(text, 1, 'base_value', '');
    expect(parsePlanOutcomesCsv(text, 'p.csv')[0]).toMatchObject({ base_year: 2015, base_value: null });
    const issues = issuesOf(() => parsePlanOutcomesCsv(withCell(text, 2, 'base_value', '30'), 'p.csv'));
    expect(issues.map(formatIssue)).toEqual(["p.csv:3 (row 2) field 'base_year': a base_value needs its base_year"]);
  });

  it('rejects a repeated target and a missing outcome', () => {
    const lines = fixture('plan-outcomes.csv').trimEnd().split('\n');
    const text = withCell(`${[...lines, lines[1]].join('\n')}\n`, 2, 'outcome_value', '');
    const issues = issuesOf(() => parsePlanOutcomesCsv(text, 'p.csv'));
    expect(issues.map((i) => [i.row, i.field, i.message])).toEqual([
      [2, 'outcome_value', 'is empty'],
      [3, null, 'the same plan, region, indicator and target year as row 1'],
    ]);
  });
});
