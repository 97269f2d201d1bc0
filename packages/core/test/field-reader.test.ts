// fieldReader: the one cell reader of the indicator dataset and the bundled datasets.
import { describe, expect, it } from 'vitest';
import { fieldReader } from '../src/field-reader.ts';
import type { DataIssue } from '../src/indicator-data-error.ts';

describe('fieldReader(record, place, issues)', () => {
  it('reads text and JSON cells alike: numbers, integers, years, vocabularies, empty cells', () => {
    const issues: DataIssue[] = [];
    const f = fieldReader(
      { a: ' 12.5 ', b: 7, c: '', d: '   ', y: '2020', k: 'flow', n: null },
      { file: 'x.csv', row: 3, line: 4 },
      issues,
    );
    expect([f.number('a'), f.number('b', { integer: true }), f.number('c'), f.number('d'), f.number('n')]).toEqual([
      12.5,
      7,
      null,
      null,
      null,
    ]);
    expect([f.text('b'), f.text('missing'), f.year('y', true), f.oneOf('k', ['stock', 'flow'], false)]).toEqual([
      '7',
      '',
      2020,
      'flow',
    ]);
    expect(issues).toEqual([]);
  });

  it('bad input: every problem names file, line, row and field, and reading goes on', () => {
    const issues: DataIssue[] = [];
    const f = fieldReader(
      { v: '14x7', i: '2.5', y: '20', k: 'slope', t: { x: 1 } },
      { file: 'x.csv', row: 3, line: 4 },
      issues,
    );
    expect(f.number('v')).toBeNull();
    expect(f.number('i', { integer: true })).toBeNull();
    expect(f.year('y', true)).toBeNull();
    expect(f.oneOf('k', ['stock', 'flow'], false)).toBeNull();
    expect(f.text('t')).toBe('');
    expect(f.required('missing')).toBe('');
    expect(issues.map((i) => [i.file, i.line, i.row, i.field, i.message])).toEqual([
      ['x.csv', 4, 3, 'v', 'not a number: "14x7"'],
      ['x.csv', 4, 3, 'i', 'not an integer: "2.5"'],
      ['x.csv', 4, 3, 'y', 'not a year: "20"'],
      ['x.csv', 4, 3, 'k', "unknown value 'slope' (expected one of stock, flow)"],
      ['x.csv', 4, 3, 't', 'expected text, got {"x":1}'],
      ['x.csv', 4, 3, 'missing', 'is empty'],
    ]);
  });
});
