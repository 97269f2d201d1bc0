import { describe, expect, it } from 'vitest';
import { parseChineseNumeral, parseNumberText, toHalfWidth } from '../src/numerals.ts';

describe('parseChineseNumeral(text)', () => {
  // Reference values: the positional reading of Chinese numerals (digit × 十/百/千, sections closed by 万/亿).
  it.each([
    ['十', 10], ['十五', 15], ['二十', 20], ['一百二十', 120], ['一百零五', 105], ['两千', 2000], ['两千零五', 2005],
    ['三万五千', 35000], ['十五万', 150000], ['一亿二千万', 120000000], ['三点五', 3.5], ['零', 0],
  ])('%s = %d', (text, expected) => {
    expect(parseChineseNumeral(text)).toBe(expected);
  });
  it.each(['', '一二', '万', '十三五规划', 'abc'])('rejects %j', (text) => {
    expect(parseChineseNumeral(text)).toBeNull();
  });
});

describe('parseNumberText(text)', () => {
  it('keeps the magnitude as written instead of applying it', () => {
    expect(parseNumberText('1.15万')).toEqual({ value: 1.15, magnitude: '万' });
    expect(parseNumberText('55亿')).toEqual({ value: 55, magnitude: '亿' });
    expect(parseNumberText('十五万')).toEqual({ value: 15, magnitude: '万' });
  });
  it('reads signs, thousands separators and full-width digits', () => {
    expect(parseNumberText('-1.5')).toEqual({ value: -1.5, magnitude: '' });
    expect(parseNumberText('1,234')).toEqual({ value: 1234, magnitude: '' });
    expect(parseNumberText('１２．５')).toEqual({ value: 12.5, magnitude: '' });
  });
  it('toHalfWidth preserves length (offsets stay valid)', () => {
    const s = '达到１２％，共（３）家';
    expect(toHalfWidth(s)).toHaveLength(s.length);
    expect(toHalfWidth(s)).toBe('达到12%,共(3)家');
  });
});
