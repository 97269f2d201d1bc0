import { describe, expect, it } from 'vitest';
import { alignColumns, columnWidths, displayWidth, padDisplay } from '../src/text-table.ts';

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
});
