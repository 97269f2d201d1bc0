// The review columns of an extracted candidates file: accepted by the readers, `confirmed` decides which rows count.
import { describe, expect, it } from 'vitest';
import { IndicatorDataError, type DataIssue } from '../src/indicator-data-error.ts';
import { parseConfirmed } from '../src/indicator-row.ts';
import {
  readIndicatorCsv,
  readIndicatorJson,
  readReviewedIndicatorCsv,
  writeIndicatorCsv,
} from '../src/indicator-table-io.ts';
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

/** CSV text of `rows` with review columns in front (confirmed) and behind (confidence, rule). */
function reviewed(cells: { confirmed: string; confidence?: string }[], rows = [row(), targetRow()]): string {
  const lines = writeIndicatorCsv(rows).trimEnd().split('\n'); // test rows have no multi-line fields
  return `${[
    `confirmed,${lines[0]},confidence,rule`,
    ...lines.slice(1).map((l, i) => `${cells[i]!.confirmed},${l},${cells[i]!.confidence ?? '0.8'},sentence-value`),
  ].join('\n')}\n`;
}

describe('parseConfirmed(cell)', () => {
  it('reads the analyst’s yes and no in English, digits and Chinese; an empty cell is not confirmed', () => {
    for (const yes of ['yes', ' YES ', 'y', 'true', '1', '是', '✓', 1, true]) expect(parseConfirmed(yes)).toBe(true);
    for (const no of ['no', 'N', 'false', '0', '否', '', '  ', null, undefined, 0])
      expect(parseConfirmed(no)).toBe(false);
    for (const other of ['maybe', '是的?', '2', {}]) expect(parseConfirmed(other)).toBeNull();
  });
});

describe('readReviewedIndicatorCsv(text, file)', () => {
  it('keeps confirmed rows, sets the others aside with their row, line and id, and ignores the evidence columns', () => {
    const text = reviewed([{ confirmed: '是' }, { confirmed: '' }]);
    const { rows, rowNumbers, unconfirmed } = readReviewedIndicatorCsv(text, 'c.csv');
    expect(rows).toEqual([row()]);
    expect(rowNumbers).toEqual([1]);
    expect(unconfirmed).toEqual([{ row: 2, line: 3, id: 'x.firms.2025.target', confirmed: '' }]);
  });

  it('a file without the confirmed column reads every row, as readIndicatorCsv', () => {
    const text = writeIndicatorCsv([row(), targetRow()]);
    expect(readReviewedIndicatorCsv(text, 'plain.csv')).toEqual({
      rows: [row(), targetRow()],
      rowNumbers: [1, 2],
      unconfirmed: [],
    });
    expect(readIndicatorCsv(text, 'plain.csv')).toEqual([row(), targetRow()]);
  });

  it('errors in the kept rows name the file’s own row numbers, not the positions after skipping', () => {
    const text = reviewed(
      [{ confirmed: 'no' }, { confirmed: 'yes' }, { confirmed: 'yes' }],
      [row({ id: 'skipped' }), row(), targetRow({ unit: 'kg' })],
    );
    expect(issuesOf(() => readReviewedIndicatorCsv(text, 'c.csv'))).toEqual([
      { file: 'c.csv', row: 3, line: 4, field: 'unit', message: "unknown unit 'kg'" },
      // the first row of the indicator is the file's row 2 (row 1 of what was kept)
      expect.objectContaining({ row: 3, field: 'unit', message: expect.stringMatching(/from '家' in row 2 of/) }),
    ]);
  });

  it('bad input: a confirmed value that is neither yes nor no, a confidence outside [0, 1]: file, row and field', () => {
    const text = reviewed([{ confirmed: 'ok?' }, { confirmed: 'yes', confidence: '80%' }]);
    const issues = issuesOf(() => readReviewedIndicatorCsv(text, 'c.csv'));
    expect(issues).toContainEqual(
      expect.objectContaining({
        file: 'c.csv',
        row: 1,
        line: 2,
        field: 'confirmed',
        message: expect.stringMatching(/'ok\?' is neither yes nor no/),
      }),
    );
    expect(issues).toContainEqual(expect.objectContaining({ file: 'c.csv', row: 2, field: 'confidence' }));
    const high = reviewed([{ confirmed: 'yes' }, { confirmed: 'yes', confidence: '1.5' }]);
    expect(issuesOf(() => readReviewedIndicatorCsv(high, 'c.csv'))).toEqual([
      { file: 'c.csv', row: 2, line: 3, field: 'confidence', message: '1.5 is not in [0, 1]' },
    ]);
  });
});

describe('readers that cannot skip rows', () => {
  it('readIndicatorCsv refuses unconfirmed rows, one issue per row on field confirmed (never assessed silently)', () => {
    const text = reviewed([{ confirmed: 'no' }, { confirmed: '' }]);
    expect(issuesOf(() => readIndicatorCsv(text, 'c.csv'))).toEqual([
      expect.objectContaining({
        file: 'c.csv',
        row: 1,
        line: 2,
        field: 'confirmed',
        message: expect.stringMatching(/^'no': not confirmed/),
      }),
      expect.objectContaining({
        file: 'c.csv',
        row: 2,
        line: 3,
        field: 'confirmed',
        message: expect.stringMatching(/^empty: not confirmed/),
      }),
    ]);
    expect(readIndicatorCsv(reviewed([{ confirmed: '1' }, { confirmed: 'Y' }]), 'c.csv')).toEqual([row(), targetRow()]);
  });

  it('readIndicatorJson accepts the review columns and refuses an unconfirmed row', () => {
    const json = JSON.stringify([
      { ...row(), confirmed: 'yes', confidence: 0.9, rule: 'table-cell' },
      { ...targetRow(), confirmed: 'no' },
    ]);
    expect(issuesOf(() => readIndicatorJson(json, 'c.json'))).toEqual([
      expect.objectContaining({ file: 'c.json', row: 2, field: 'confirmed' }),
    ]);
  });
});
