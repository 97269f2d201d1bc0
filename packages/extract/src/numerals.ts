/**
 * Numbers as planning documents write them: Arabic digits (half- or full-width, with decimals and a sign) or
 * Chinese numerals (一百二十, 两千, 三点五, 十), optionally followed by a magnitude character (万, 亿, 千, 百).
 * The value is kept in the unit *as written*: "55亿元" is 55 with unit 亿元, not 5.5e9, because the seed dataset
 * records values the way the document states them.
 */

const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const BIG_UNITS: Record<string, number> = { 万: 1e4, 亿: 1e8 };

/** Characters that may appear in a Chinese numeral (digits and positional units). */
export const CHINESE_NUMERAL_CHARS = '零〇一二两三四五六七八九十百千万亿';

/**
 * Parse a Chinese numeral such as 一百二十三, 两千零五, 十五, 三万五千, 三点五.
 *
 * Positional reading: digits multiply the following 十/百/千; 万 closes a section (section × 1e4 is added to the
 * total) and 亿 multiplies everything read so far by 1e8.
 * A bare leading 十 means 10 (十五 = 15). Returns `null` when the text is not a well-formed numeral.
 *
 * @example parseChineseNumeral('一百二十') // 120
 * @example parseChineseNumeral('两千零五') // 2005
 */
export function parseChineseNumeral(text: string): number | null {
  if (text.length === 0) return null;
  const point = text.indexOf('点');
  if (point >= 0) {
    const whole = parseChineseNumeral(text.slice(0, point));
    const fracText = text.slice(point + 1);
    if (whole === null || fracText.length === 0) return null;
    let frac = '';
    for (const ch of fracText) {
      const d = DIGITS[ch];
      if (d === undefined) return null;
      frac += String(d);
    }
    return Number(`${whole}.${frac}`);
  }
  let total = 0; // sum of closed big sections
  let section = 0; // current section below 万
  let digit: number | null = null;
  let sawAny = false;
  for (const ch of text) {
    const d = DIGITS[ch];
    if (d !== undefined) {
      // two digits in a row ("一二") only make sense as a digit string, which we do not accept here
      if (digit !== null && digit !== 0 && d !== 0) return null;
      digit = d;
      sawAny = true;
      continue;
    }
    const small = SMALL_UNITS[ch];
    if (small !== undefined) {
      section += (digit ?? 1) * small; // bare 十 = 10
      digit = null;
      sawAny = true;
      continue;
    }
    const big = BIG_UNITS[ch];
    if (big !== undefined) {
      if (!sawAny) return null;
      section += digit ?? 0;
      // 亿 multiplies everything read so far (一万亿); 万 only the current section (一亿二千万 = 1e8 + 2000e4)
      total = big === 1e8 ? (total + section) * big : total + section * big;
      section = 0;
      digit = null;
      continue;
    }
    return null;
  }
  if (!sawAny) return null;
  return total + section + (digit ?? 0);
}

/**
 * Map full-width digits and signs to ASCII, one character for one (so offsets are preserved).
 *
 * @example toHalfWidth('１２．５％') // '12.5%'
 */
export function toHalfWidth(text: string): string {
  return text.replace(/[０-９．％－＋，：；（）]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

/**
 * Parse a number as written: Arabic (`-1.5`, `1,234`, `１２`) or Chinese (`十五`), with an optional trailing
 * magnitude that is *not* applied (see module doc) but returned so the caller can put it in the unit.
 *
 * @example parseNumberText('1.15万') // { value: 1.15, magnitude: '万' }
 * @example parseNumberText('两千') // { value: 2000, magnitude: '' }
 */
export function parseNumberText(text: string): { value: number; magnitude: string } | null {
  const t = toHalfWidth(text.trim()).replace(/\s+/g, '');
  const arabic = /^([+-]?\d+(?:,\d{3})*(?:\.\d+)?)(万亿|亿|万|千|百)?$/.exec(t);
  if (arabic) {
    const value = Number(arabic[1]!.replace(/,/g, ''));
    return Number.isFinite(value) ? { value, magnitude: arabic[2] ?? '' } : null;
  }
  // Chinese: a trailing 万/亿 after a complete numeral is a magnitude when what precedes is itself a numeral
  const big = /^(.+?)(万亿|亿|万)$/.exec(t);
  if (big) {
    const head = parseChineseNumeral(big[1]!);
    if (head !== null) return { value: head, magnitude: big[2]! };
  }
  const value = parseChineseNumeral(t);
  return value === null ? null : { value, magnitude: '' };
}
