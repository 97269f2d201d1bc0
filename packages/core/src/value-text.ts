/**
 * Numbers as planning documents write them: Arabic digits (half- or full-width, `1597`, `5.16`, `-1.5`, `1,234`),
 * fractions (`1/3`), Chinese numerals (`三`, `十二`, `两千零五`, `三点五`, `千`), and a magnitude character
 * (`55亿`, `1.15万`). Two readings of a magnitude: {@link parseValueText} drops it when the row's unit already
 * carries it (`55亿` in `亿元` is 55) and applies it otherwise; {@link parseNumberText} never applies it but returns
 * it, so an extractor can put it in the unit. Relative words (`翻番`, `倍增`) are not numbers: see
 * {@link relativeWordFactor}.
 */

const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const BIG_UNITS: Record<string, number> = { 万: 1e4, 亿: 1e8 };

/** Options of {@link parseChineseNumeral}. */
export interface ChineseNumeralOptions {
  /**
   * Read a 万/亿 with no numeral before it as one of it (`亿` = 1e8, `万亿` = 1e12), like a bare `十`/`百`/`千`.
   * A dataset's `value_text` may be such a word when the unit carries the rest; in running text a lone 万/亿 is a
   * word, not a number, so an extractor turns this off.
   * @default true
   */
  bareMagnitude?: boolean;
}

/**
 * Parse a Chinese numeral such as 一百二十三, 两千零五, 十五, 三万五千, 三点五, 千 (= 1000).
 *
 * Positional reading: digits multiply the following 十/百/千; 万 closes a section (section × 1e4 is added to the
 * total) and 亿 multiplies everything read so far by 1e8. A bare leading 十/百/千 means one of it (十五 = 15).
 * Returns `null` when the text is not a well-formed numeral (other characters, two digits in a row such as 一二).
 *
 * @example parseChineseNumeral('一百二十') // 120
 * @example parseChineseNumeral('两千零五') // 2005
 * @example parseChineseNumeral('亿', { bareMagnitude: false }) // null
 */
export function parseChineseNumeral(text: string, options: ChineseNumeralOptions = {}): number | null {
  const bareMagnitude = options.bareMagnitude ?? true;
  if (text.length === 0) return null;
  const point = text.indexOf('点');
  if (point >= 0) {
    const whole = parseChineseNumeral(text.slice(0, point), options);
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
      if (!sawAny) {
        if (!bareMagnitude) return null;
        digit = 1; // bare 万/亿 = one of it
        sawAny = true;
      }
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
 * magnitude that is *not* applied but returned, so the caller can put it in the unit ("55亿元" is 55 with unit 亿元,
 * the way the seed dataset records values). A lone 万/亿 is not a number here.
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
  const strict = { bareMagnitude: false };
  // Chinese: a trailing 万/亿 after a complete numeral is a magnitude when what precedes is itself a numeral
  const big = /^(.+?)(万亿|亿|万)$/.exec(t);
  if (big) {
    const head = parseChineseNumeral(big[1]!, strict);
    if (head !== null) return { value: head, magnitude: big[2]! };
  }
  const value = parseChineseNumeral(t, strict);
  return value === null ? null : { value, magnitude: '' };
}

/**
 * The factor of a relative word: `翻番`/`倍增` (doubling) -> 2, `翻两番` -> 4; `null` otherwise.
 *
 * @example
 * relativeWordFactor('翻番') // 2
 */
export function relativeWordFactor(text: string): number | null {
  const t = text.trim();
  if (t === '翻番' || t === '翻一番' || t === '倍增') return 2;
  if (t === '翻两番') return 4;
  return null;
}

/**
 * Parse `text` (the `value_text` of a row) into the number it denotes in `unit`. Returns `null` when it is not a
 * number (empty, or a relative word).
 *
 * @param unit the row's unit; a trailing `亿`/`万` in the text is dropped when the unit starts with it
 * @example
 * parseValueText('55亿', '亿元') // 55
 * parseValueText('1/3', '倍')    // 0.333…
 * parseValueText('五', '位')     // 5
 */
export function parseValueText(text: string, unit = ''): number | null {
  let s = text.trim().replace(/[０-９．]/g, (c) => (c === '．' ? '.' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
  if (!s) return null;
  const fraction = /^(\d+)\/(\d+)$/.exec(s);
  if (fraction) return Number(fraction[1]) / Number(fraction[2]);
  for (const prefix of ['亿', '万']) {
    if (unit.startsWith(prefix) && s.endsWith(prefix) && s.length > 1) s = s.slice(0, -1);
  }
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(s)) return Number(s);
  // a number with a magnitude the unit does not carry: "55亿" in 元
  const scaled = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))([万亿]+)$/.exec(s);
  if (scaled) return [...scaled[2]!].reduce((v, ch) => v * BIG_UNITS[ch]!, Number(scaled[1]));
  return parseChineseNumeral(s);
}
