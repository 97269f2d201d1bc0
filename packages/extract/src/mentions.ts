/**
 * Value mentions in a sentence: a number with its unit ("146家", "55亿元", "1.15 万件", "12.99件/万人",
 * "5000余家", "8-10家", "5.6%以上"), or a blank left in a draft ("达到 家以上", "达 亿元").
 * The regexes are scanned once per sentence (no nested quantifiers), so the cost is linear in the text.
 */
import { parseNumberText } from '@trajectory/core';

/** A number (or a blank) with its unit, as found in a sentence. */
export interface Mention {
  /** offsets relative to the scanned text */
  start: number;
  end: number;
  /** `null` for a blank */
  value: number | null;
  /** lower..upper for a range "8-10家" */
  upper: number | null;
  unit: string;
  /** the words of the value, e.g. "146家", "家以上" */
  text: string;
  /** '余'/'多' after the number (more than), '以上'/'以下'/'左右' after the unit */
  approx: '' | '余' | '多';
  suffix: '' | '以上' | '以下' | '以内' | '左右';
  chinese: boolean;
  blank: boolean;
  /** "1500亿级", "千亿规模": a scale word follows, so the noun after the number is expected */
  scale?: boolean;
}

/** Units in the order they must be tried (longest first). */
export const UNITS = [
  '个百分点',
  '万平方米',
  '平方公里',
  '平方米',
  '件/万人',
  '万元/人',
  '平米',
  'm²',
  '㎡',
  '亿元',
  '万元',
  '千元',
  '元',
  '人次',
  '家',
  '件',
  '个',
  '项',
  '人',
  '名',
  '所',
  '份',
  '座',
  '台',
  '套',
  '户',
  '岁',
  '倍',
  '%',
  '‰',
  '亩',
] as const;

const UNIT_RE = UNITS.map((u) => u.replace(/[/%²]/g, (c) => `\\${c}`)).join('|');
const NUM_RE = String.raw`\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千]+(?:点[零一二三四五六七八九]+)?`;
const MENTION = new RegExp(
  String.raw`(?<![\dA-Za-z.．\-/第])(${NUM_RE})(?:\s*[-—~～至到]\s*(\d+(?:\.\d+)?))?\s*(余|多)?\s*(万亿|亿|万|千)?\s*(余|多)?\s*(${UNIT_RE})(?:(\/年|\/人)|)(\s*(?:以上|以下|以内|左右))?`,
  'g',
);
const SCALE = /(?<![\dA-Za-z.])(\d+(?:\.\d+)?|[一二两三四五六七八九十百千]+)\s*(亿|万)(?=级|规模)/g;
const BLANK = new RegExp(
  String.raw`(达到|达|突破|超过|增加到|增长到|提升至|提高到|为|分别达到)([\s\u3000]+)(万|亿)?(${UNIT_RE})(以上)?`,
  'g',
);

/**
 * All value mentions in `text`, in order.
 *
 * @example valueMentions('国家级高新技术企业146家，专利1.15 万件')
 *   // [{ value: 146, unit: '家', ... }, { value: 1.15, unit: '万件', ... }]
 */
export function valueMentions(text: string): Mention[] {
  const out: Mention[] = [];
  MENTION.lastIndex = 0;
  for (let m = MENTION.exec(text); m; m = MENTION.exec(text)) {
    const numText = m[1]!;
    const chinese = !/\d/.test(numText);
    const parsed = parseNumberText(numText);
    if (!parsed) continue;
    // a lone 十/百/千/万 is a word (千人计划, 百强), not a number
    if (/^[十百千]$/.test(numText)) continue;
    // Chinese numerals: reject five-year-plan names and ordinals that happen to precede a unit-like character
    if (
      chinese &&
      (/^(?:十[一二三四五六]五)$/.test(numText) ||
        /[第零〇一二两三四五六七八九十百千万亿]/.test(text[m.index - 1] ?? ''))
    )
      continue;
    const magnitude = m[4] ?? '';
    const unit = `${magnitude}${m[6]!}${m[7] ?? ''}`;
    const suffix = (m[8] ?? '').trim() as Mention['suffix'];
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      value: parsed.value,
      upper: m[2] !== undefined ? Number(m[2]) : null,
      unit,
      text: m[0].trim(),
      approx: (m[3] ?? m[5] ?? '') as Mention['approx'],
      suffix,
      chinese,
      blank: false,
    });
  }
  // "1500亿级产业集群", "实现千亿规模": an amount in 亿元 without the 元
  SCALE.lastIndex = 0;
  const starts = new Set(out.map((m) => m.start));
  for (let m = SCALE.exec(text); m; m = SCALE.exec(text)) {
    // "10 个千亿级产业集群": the scale describes each counted thing, it is not a figure of its own
    if (starts.has(m.index) || /\d\s*个\s*$/.test(text.slice(Math.max(0, m.index - 6), m.index))) continue;
    const parsed = parseNumberText(m[1]!);
    if (!parsed) continue;
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      value: parsed.value,
      upper: null,
      unit: `${m[2]!}元`,
      text: m[0],
      approx: '',
      suffix: '',
      chinese: !/\d/.test(m[1]!),
      blank: false,
      scale: true,
    });
  }
  BLANK.lastIndex = 0;
  for (let m = BLANK.exec(text); m; m = BLANK.exec(text)) {
    const start = m.index + m[1]!.length + m[2]!.length;
    out.push({
      start,
      end: m.index + m[0].length,
      value: null,
      upper: null,
      unit: `${m[3] ?? ''}${m[4]!}`,
      text: text.slice(start, m.index + m[0].length),
      approx: '',
      suffix: (m[5] ?? '') as Mention['suffix'],
      chinese: false,
      blank: true,
    });
  }
  return out.sort((a, b) => a.start - b.start);
}
