/**
 * Parse a number as a planning document writes it: Arabic digits (`1597`, `5.16`, `-1.5`), full-width digits,
 * fractions (`1/3`), Chinese numerals (`三`, `十二`, `千`), and a magnitude suffix that the unit already carries
 * (`55亿` in unit `亿元` is 55). Relative words (`翻番`, `倍增`) are not numbers: see {@link relativeWordFactor}.
 */

const digits: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const smallUnits: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const bigUnits: Record<string, number> = { 万: 1e4, 亿: 1e8 };

/**
 * Parse Chinese numerals such as `三`, `十二`, `二十一`, `一百零五`, `千` (= 1000), `两万`. Returns `null` when the
 * text is not made only of numeral characters.
 *
 * @example
 * parseChineseNumeral('十二') // 12
 * parseChineseNumeral('千')   // 1000
 */
export function parseChineseNumeral(text: string): number | null {
  if (!text) return null;
  let total = 0;
  let section = 0;
  let current = 0;
  for (const ch of text) {
    if (ch in digits) {
      current = digits[ch]!;
    } else if (ch in smallUnits) {
      section += (current || 1) * smallUnits[ch]!;
      current = 0;
    } else if (ch in bigUnits) {
      total += (section + current || 1) * bigUnits[ch]!;
      section = 0;
      current = 0;
    } else {
      return null;
    }
  }
  return total + section + current;
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
  if (scaled) return [...scaled[2]!].reduce((v, ch) => v * bigUnits[ch]!, Number(scaled[1]));
  return parseChineseNumeral(s);
}
