import { describe, expect, it } from 'vitest';
import {
  parseChineseNumeral,
  parseNumberText,
  parseValueText,
  relativeWordFactor,
  toHalfWidth,
} from '../src/value-text.ts';

describe('parseValueText(text, unit)', () => {
  it('parses Arabic numbers as written, including negatives and decimals', () => {
    expect(parseValueText('1597', '家')).toBe(1597);
    expect(parseValueText('5.16', '%')).toBe(5.16);
    expect(parseValueText('-1.5', '%')).toBe(-1.5);
    expect(parseValueText('13.0', '%')).toBe(13);
  });
  it('drops a 亿/万 suffix that the unit carries, and only then', () => {
    expect(parseValueText('55亿', '亿元')).toBe(55);
    expect(parseValueText('18万', '万人')).toBe(18);
    expect(parseValueText('55亿', '元')).toBe(55e8);
  });
  it('parses fractions and full-width digits', () => {
    expect(parseValueText('1/3', '倍')).toBeCloseTo(1 / 3, 15);
    expect(parseValueText('１２３', '家')).toBe(123);
  });
  it('parses Chinese numerals', () => {
    expect(parseValueText('三', '家')).toBe(3);
    expect(parseValueText('十二', '位')).toBe(12);
    expect(parseValueText('千', '亿元')).toBe(1000);
  });
  it('returns null for words that are not numbers', () => {
    expect(parseValueText('', '家')).toBeNull();
    expect(parseValueText('翻番', '家')).toBeNull();
    expect(parseValueText('12a', '家')).toBeNull();
  });
});

describe('parseChineseNumeral(text)', () => {
  it.each([
    ['一', 1],
    ['十', 10],
    ['十二', 12],
    ['二十一', 21],
    ['一百零五', 105],
    ['三千五百', 3500],
    ['两万', 20000],
    ['一万二千', 12000],
    ['千', 1000],
    ['亿', 1e8],
  ])('%s = %d', (text, value) => {
    expect(parseChineseNumeral(text)).toBe(value);
  });
  // Reference values: the positional reading of Chinese numerals (digit × 十/百/千, sections closed by 万/亿).
  it.each([
    ['十', 10],
    ['十五', 15],
    ['二十', 20],
    ['一百二十', 120],
    ['一百零五', 105],
    ['两千', 2000],
    ['两千零五', 2005],
    ['三万五千', 35000],
    ['十五万', 150000],
    ['一亿二千万', 120000000],
    ['三点五', 3.5],
    ['零', 0],
  ])('%s = %d', (text, expected) => {
    expect(parseChineseNumeral(text)).toBe(expected);
  });
  // as running text reads them (bareMagnitude: false, the reading parseNumberText and the extractor use)
  it.each(['', '一二', '万', '十三五规划', 'abc'])('rejects %j', (text) => {
    expect(parseChineseNumeral(text, { bareMagnitude: false })).toBeNull();
  });
  it('a lone 万/亿 is one of it by default (value_text "亿" in 元), a word in running text', () => {
    expect(parseChineseNumeral('万')).toBe(1e4);
    expect(parseChineseNumeral('一万亿')).toBe(1e12);
    expect(parseNumberText('万')).toBeNull();
    expect(parseNumberText('万亿')).toBeNull();
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

describe('relativeWordFactor(text)', () => {
  it('maps doubling words to 2 and 翻两番 to 4', () => {
    expect(relativeWordFactor('翻番')).toBe(2);
    expect(relativeWordFactor('倍增')).toBe(2);
    expect(relativeWordFactor('翻两番')).toBe(4);
    expect(relativeWordFactor('增长')).toBeNull();
  });
});
