import { describe, expect, it } from 'vitest';
import { parseChineseNumeral, parseValueText, relativeWordFactor } from '../src/value-text.ts';

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
    ['一', 1], ['十', 10], ['十二', 12], ['二十一', 21], ['一百零五', 105], ['三千五百', 3500], ['两万', 20000],
    ['一万二千', 12000], ['千', 1000], ['亿', 1e8],
  ])('%s = %d', (text, value) => {
    expect(parseChineseNumeral(text)).toBe(value);
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
