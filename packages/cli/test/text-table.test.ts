import { describe, expect, it } from 'vitest';
import { alignColumns, clipDisplay, columnWidths, displayWidth, padDisplay, wrapDisplay } from '../src/text-table.ts';

describe('displayWidth / padDisplay / alignColumns', () => {
  it('counts CJK ideographs, CJK and full-width punctuation as two columns, ASCII as one', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('瞪羚企业')).toBe(8);
    expect(displayWidth('（２０２５）。')).toBe(14);
    expect(displayWidth('高企 650')).toBe(8);
    expect(displayWidth('—±%')).toBe(3);
  });
  it('pads to a display width and never truncates', () => {
    expect(padDisplay('瞪羚', 6)).toBe('瞪羚  ');
    expect(padDisplay('瞪羚企业', 6)).toBe('瞪羚企业');
  });
  it('aligns columns two spaces apart, with the indent, trimming the end of each line', () => {
    const rows = [['target', 'p'], ['瞪羚翻番', '87%'], ['x']];
    expect(columnWidths(rows)).toEqual([8, 3]);
    expect(alignColumns(rows, '  ')).toEqual(['  target    p', '  瞪羚翻番  87%', '  x']);
  });
  it('clips to a display width with an ellipsis, counting CJK as two', () => {
    expect(clipDisplay('gazelle_enterprises', 8)).toBe('gazelle…');
    expect(clipDisplay('gazelle', 7)).toBe('gazelle');
    expect(clipDisplay('瞪羚企业数量', 7)).toBe('瞪羚企…');
    expect(displayWidth(clipDisplay('瞪羚企业数量', 8))).toBeLessThanOrEqual(8);
  });
  it('wraps at spaces within a display width, indenting continuation lines; a longer word stays whole', () => {
    expect(wrapDisplay('a bb ccc', 5)).toEqual(['a bb', '      ccc']);
    expect(wrapDisplay('瞪羚 企业 数量', 10)).toEqual(['瞪羚 企业', '      数量']);
    expect(wrapDisplay('abcdefghij', 4)).toEqual(['abcdefghij']);
  });
});
