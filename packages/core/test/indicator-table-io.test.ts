import { describe, expect, it } from 'vitest';
import { IndicatorDataError, formatIssue, type DataIssue } from '../src/indicator-data-error.ts';
import { INDICATOR_COLUMNS } from '../src/indicator-row.ts';
import {
  readIndicatorCsv,
  readIndicatorJson,
  writeIndicatorCsv,
  writeIndicatorJson,
} from '../src/indicator-table-io.ts';
import { rowsToIndicators } from '../src/indicator-model.ts';
import { validateQuotes } from '../src/validate-quotes.ts';
import { row, targetRow } from './helpers.ts';

function issuesOf(fn: () => unknown): DataIssue[] {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(IndicatorDataError);
    return (error as IndicatorDataError).issues;
  }
  throw new Error('expected an IndicatorDataError');
}

const good = () => writeIndicatorCsv([row(), targetRow()]);
/** Replace one cell of data row `n` (1-based) in CSV text produced by writeIndicatorCsv. */
function withCell(csv: string, n: number, column: string, cell: string): string {
  const rows = readIndicatorCsv(csv, 'base.csv');
  const col = INDICATOR_COLUMNS.indexOf(column as (typeof INDICATOR_COLUMNS)[number]);
  const lines = writeIndicatorCsv(rows).trimEnd().split('\n'); // test rows have no multi-line fields
  const fields = lines[n]!.split(',');
  fields[col] = cell;
  lines[n] = fields.join(',');
  return `${lines.join('\n')}\n`;
}

describe('readIndicatorCsv(text, file) / writeIndicatorCsv(rows)', () => {
  it('reads back what it writes', () => {
    const rows = [row(), targetRow({ quote: 'a "quoted", multi\nline\n\n  quote 300', note: 'x, y' })];
    expect(readIndicatorCsv(writeIndicatorCsv(rows), 'a.csv')).toEqual(rows);
  });

  it('accepts CRLF line endings and a UTF-8 byte order mark', () => {
    const rows = [row(), targetRow({ quote: 'two\nlines 300' })];
    const crlf = `\uFEFF${writeIndicatorCsv(rows).replace(/\n/g, '\r\n')}`;
    expect(readIndicatorCsv(crlf, 'crlf.csv').map((r) => [r.id, r.value])).toEqual(rows.map((r) => [r.id, r.value]));
  });

  it('names file, line, row and field for an unknown unit', () => {
    const issues = issuesOf(() => readIndicatorCsv(withCell(good(), 2, 'unit', 'kg'), 'bad.csv'));
    expect(issues).toContainEqual({ file: 'bad.csv', row: 2, line: 3, field: 'unit', message: "unknown unit 'kg'" });
    expect(formatIssue(issues.find((i) => i.field === 'unit')!)).toBe(
      "bad.csv:3 (row 2) field 'unit': unknown unit 'kg'",
    );
  });

  it('reports a non-numeric value with its row and field', () => {
    const issues = issuesOf(() => readIndicatorCsv(withCell(good(), 1, 'value', '14x7'), 'bad.csv'));
    expect(issues).toContainEqual({
      file: 'bad.csv',
      row: 1,
      line: 2,
      field: 'value',
      message: 'not a number: "14x7"',
    });
  });

  it("accepts the measure 'level' and rejects a measure outside the vocabulary", () => {
    const level = [row({ measure: 'level', unit: '岁', value: 81.5, value_text: '81.5', quote: '人均预期寿命81.5岁' })];
    expect(readIndicatorCsv(writeIndicatorCsv(level), 'level.csv')[0]!.measure).toBe('level');
    const issues = issuesOf(() => readIndicatorCsv(withCell(good(), 1, 'measure', 'slope'), 'bad.csv'));
    expect(issues).toContainEqual(expect.objectContaining({ file: 'bad.csv', row: 1, line: 2, field: 'measure' }));
  });

  it('reports a non-integer year', () => {
    const issues = issuesOf(() => readIndicatorCsv(withCell(good(), 2, 'year', '2025.5'), 'bad.csv'));
    expect(issues.map((i) => [i.row, i.field])).toContainEqual([2, 'year']);
  });

  it('reports an unknown comparator', () => {
    const issues = issuesOf(() => readIndicatorCsv(withCell(good(), 2, 'comparator', '≥'), 'bad.csv'));
    expect(issues).toContainEqual(expect.objectContaining({ file: 'bad.csv', row: 2, line: 3, field: 'comparator' }));
    expect(issues.find((i) => i.field === 'comparator')!.message).toMatch(/unknown value '≥'/);
  });

  it('reports duplicate ids, naming the first occurrence', () => {
    const csv = writeIndicatorCsv([row(), targetRow({ id: 'x.firms.2020.observed' })]);
    const issues = issuesOf(() => readIndicatorCsv(csv, 'dup.csv'));
    expect(issues).toContainEqual({
      file: 'dup.csv',
      row: 2,
      line: 3,
      field: 'id',
      message: "duplicate id 'x.firms.2020.observed' (first in row 1)",
    });
  });

  it("reports a target year before its base year (relative base, and the same document's observation)", () => {
    const rel = targetRow({
      year: 2019,
      value: null,
      value_text: '翻番',
      quote: '翻番',
      relative_kind: 'multiple',
      relative_amount: 2,
      relative_base_year: 2020,
    });
    const issues = issuesOf(() => readIndicatorCsv(writeIndicatorCsv([row(), rel]), 'early.csv'));
    expect(issues).toContainEqual(
      expect.objectContaining({
        file: 'early.csv',
        row: 2,
        line: 3,
        field: 'year',
        message: 'target year 2019 is not after its base year 2020',
      }),
    );
    expect(issues).toContainEqual(
      expect.objectContaining({
        row: 2,
        field: 'year',
        message: 'target year 2019 is before the base year 2020 (row 1)',
      }),
    );
  });

  it('reports value_text that does not match value, and a quote without the value', () => {
    const issues = issuesOf(() =>
      readIndicatorCsv(
        writeIndicatorCsv([row({ value_text: '146' }), targetRow({ quote: '到2025年达到家' })]),
        'v.csv',
      ),
    );
    expect(issues).toContainEqual(
      expect.objectContaining({ row: 1, field: 'value_text', message: "'146' parses to 146, but value is 147" }),
    );
    expect(issues).toContainEqual(
      expect.objectContaining({ row: 2, field: 'quote', message: "does not contain value_text '300'" }),
    );
  });

  it('reports rows of one indicator that disagree on the unit, except equivalent counters (家/个)', () => {
    const issues = issuesOf(() =>
      readIndicatorCsv(
        writeIndicatorCsv([row(), targetRow({ unit: '万家', value: 3, value_text: '3', quote: '3万家' })]),
        'u.csv',
      ),
    );
    expect(issues).toContainEqual(expect.objectContaining({ row: 2, line: 3, field: 'unit' }));
    const rows = [row(), targetRow({ unit: '个', quote: '到2025年达到300个' })];
    expect(readIndicatorCsv(writeIndicatorCsv(rows), 'ok.csv')).toEqual(rows);
    const [ind] = rowsToIndicators(rows);
    expect(ind!.unit).toBe('家');
    expect(ind!.targets[0]!.source.unit).toBe('个');
  });

  it('reports malformed CSV: ragged rows and unterminated quotes, by line', () => {
    const ragged = good().replace(/\n([^\n]*)\n$/, '\n$1,extra\n');
    expect(issuesOf(() => readIndicatorCsv(ragged, 'r.csv'))).toContainEqual(
      expect.objectContaining({
        file: 'r.csv',
        row: 2,
        line: 3,
        message: `malformed CSV: ${INDICATOR_COLUMNS.length + 1} fields, the header has ${INDICATOR_COLUMNS.length}`,
      }),
    );
    const open = `${good()}a,"never closed\n`;
    expect(issuesOf(() => readIndicatorCsv(open, 'q.csv'))).toContainEqual(
      expect.objectContaining({
        file: 'q.csv',
        line: 4,
        message: 'malformed CSV: unterminated quoted field (no closing double quote before end of file)',
      }),
    );
  });

  it('reports missing and unknown columns', () => {
    const csv = good().replace(/^id,/, 'ident,');
    const issues = issuesOf(() => readIndicatorCsv(csv, 'c.csv'));
    expect(issues).toContainEqual({ file: 'c.csv', row: null, line: 1, field: 'id', message: 'missing column' });
    expect(issues).toContainEqual({ file: 'c.csv', row: null, line: 1, field: 'ident', message: 'unknown column' });
  });

  it('collects every problem instead of stopping at the first', () => {
    const csv = writeIndicatorCsv([row({ unit: 'kg' }), targetRow({ unit: 'kg', comparator: null })]);
    const issues = issuesOf(() => readIndicatorCsv(csv, 'many.csv'));
    expect(issues.filter((i) => i.field === 'unit').map((i) => i.row)).toEqual([1, 2]);
    expect(issues).toContainEqual(expect.objectContaining({ row: 2, field: 'comparator' }));
  });

  it('gives line numbers of records that span several lines', () => {
    const csv = writeIndicatorCsv([row({ quote: 'line one\nline two 147' }), targetRow({ unit: 'kg' })]);
    expect(issuesOf(() => readIndicatorCsv(csv, 'm.csv'))).toContainEqual(
      expect.objectContaining({ row: 2, line: 4, field: 'unit' }),
    );
  });
});

describe('readIndicatorJson(text, file) / writeIndicatorJson(rows)', () => {
  it('round-trips through arquero JSON', () => {
    const rows = [row(), targetRow({ note: 'n' })];
    expect(readIndicatorJson(writeIndicatorJson(rows), 'a.json')).toEqual(rows);
  });
  it('accepts an array of row objects and validates it with row and field', () => {
    const issues = issuesOf(() => readIndicatorJson(JSON.stringify([row(), targetRow({ unit: 'kg' })]), 'a.json'));
    expect(issues).toContainEqual({ file: 'a.json', row: 2, line: null, field: 'unit', message: "unknown unit 'kg'" });
  });
  it('reports malformed JSON and JSON that is not a table', () => {
    expect(issuesOf(() => readIndicatorJson('{"data": [', 'bad.json'))[0]).toMatchObject({
      file: 'bad.json',
      row: null,
      field: null,
    });
    expect(issuesOf(() => readIndicatorJson('{"data": {"id": 3}}', 'odd.json')).length).toBeGreaterThan(0);
    expect(issuesOf(() => readIndicatorJson('[1, 2]', 'arr.json'))[0]).toEqual({
      file: 'arr.json',
      row: 1,
      line: null,
      field: null,
      message: 'not a JSON object',
    });
  });
});

describe('validateQuotes(rows, readDoc)', () => {
  it('reports a quote that is not in its document and an unknown document', () => {
    const docs: Record<string, string> = { 'x.txt': '…高新技术企业达到147家，到2025年达到300家…' };
    const rows = [row(), targetRow({ quote: '到2025年达到 300家' }), row({ id: 'y', doc: 'missing.txt' })];
    const issues = validateQuotes(rows, (d) => docs[d], { file: 'q.csv', lines: [2, 3, 4] });
    expect(issues).toEqual([
      { file: 'q.csv', row: 2, line: 3, field: 'quote', message: 'not found in x.txt: "到2025年达到 300家"' },
      { file: 'q.csv', row: 3, line: 4, field: 'doc', message: "unknown document 'missing.txt'" },
    ]);
  });
});

describe('rowsToIndicators(rows)', () => {
  it('groups rows into one indicator with observations and targets and their sources', () => {
    const [ind] = rowsToIndicators([targetRow({ attribute: '预期性' }), row()]);
    expect(ind).toMatchObject({ id: 'x.firms', unit: '家', measure: 'count', accumulation: 'stock' });
    expect(ind!.observations).toEqual([
      {
        year: 2020,
        value: 147,
        source: { doc: 'x.txt', quote: '高新技术企业达到147家', rowId: 'x.firms.2020.observed', valueText: '147' },
      },
    ]);
    expect(ind!.targets[0]).toMatchObject({ year: 2025, value: 300, comparator: '>=', attribute: '预期性' });
  });
  it('throws IndicatorDataError for inconsistent typed rows', () => {
    const issues = issuesOf(() => rowsToIndicators([row(), targetRow({ measure: 'amount' })], { file: 'mem' }));
    expect(issues).toContainEqual(expect.objectContaining({ file: 'mem', row: 2, field: 'measure' }));
  });
});
