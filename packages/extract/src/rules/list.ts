/**
 * Rule `list-respectively`: enumerations with 分别 pair names and values in order.
 * "雏鹰、瞪羚、领军企业分别达到78家、4家和5家" → 雏鹰企业 78家, 瞪羚企业 4家, 领军企业 5家 (the shared head noun
 * 企业 is distributed). A single blank ("分别达到   家") gives every name a blank target.
 */
import type { Mention } from '../mentions.ts';
import { cleanName } from '../naming.ts';
import { MAJOR_BOUNDARY, clauseStart } from './clause.ts';

/** One name of a 分别 list with the value it takes. */
export interface ListPair {
  name: string;
  mention: Mention;
  /** the index in the enumeration (for the value_text of a shared blank) */
  index: number;
  /** whether names and values matched one to one */
  exact: boolean;
}

const HEADS = ['企业', '公司', '机构', '平台', '专利', '人才', '项目', '空间', '孵化器', '中心'];

/**
 * Find 分别 enumerations in a sentence and pair their names with the mentions that follow.
 *
 * @param sentence normalised sentence text
 * @param mentions the sentence's value mentions (offsets relative to the sentence)
 * @param original the sentence as written (same offsets), from which names are cut
 * @example respectivelyLists(s, valueMentions(s)).map((p) => p.name) // ['雏鹰企业', '瞪羚企业', '领军企业']
 */
export function respectivelyLists(sentence: string, mentions: Mention[], original = sentence): ListPair[] {
  const out: ListPair[] = [];
  for (const m of sentence.matchAll(/分别/g)) {
    const at = m.index;
    // values: consecutive mentions after 分别 separated only by 、 , 和 及 与 and spaces
    const values: Mention[] = [];
    let cursor = at + 2;
    const verb = /^(?:达到|达|为|是|增加到|增长到|突破|超过|有|拥有|占)?/.exec(sentence.slice(cursor, cursor + 4))![0];
    cursor += verb.length;
    // first mention at or after the cursor (binary search: mentions are ordered)
    let lo = 0;
    let hi = mentions.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (mentions[mid]!.start < cursor) lo = mid + 1;
      else hi = mid;
    }
    for (const mention of mentions.slice(lo, lo + 50)) {
      const gap = sentence.slice(cursor, mention.start);
      if (!/^[\s、,，和及与]*$/.test(gap)) break;
      values.push(mention);
      cursor = mention.end;
    }
    if (values.length === 0) continue;
    // names: the clause before 分别; if it is empty, the clause before that
    let start = clauseStart(sentence, at, 0, MAJOR_BOUNDARY);
    let namesText = original.slice(start, at);
    if (cleanName(namesText).length === 0 && start > 0) {
      const prevStart = clauseStart(sentence, start - 1, 0, MAJOR_BOUNDARY);
      namesText = original.slice(prevStart, start - 1);
      start = prevStart;
    }
    const names = splitNames(namesText);
    if (names.length < 2) continue;
    const exact = names.length === values.length;
    if (values.length === 1 && values[0]!.blank) {
      names.forEach((name, index) => out.push({ name, mention: values[0]!, index, exact: true }));
      continue;
    }
    const n = Math.min(names.length, values.length);
    for (let i = 0; i < n; i++) out.push({ name: names[i]!, mention: values[i]!, index: i, exact });
  }
  return out;
}

/**
 * Split the names of an enumeration and distribute their shared head noun.
 *
 * @example splitNames('雏鹰、瞪羚、领军企业') // ['雏鹰企业', '瞪羚企业', '领军企业']
 * @example splitNames('雏鹰、瞪羚等高成长企业持续涌现') // ['雏鹰企业', '瞪羚企业']
 */
export function splitNames(text: string): string[] {
  let body = text;
  let head = '';
  const etc = body.indexOf('等');
  if (etc > 0) {
    const after = body.slice(etc + 1);
    head = HEADS.find((h) => after.includes(h)) ?? '';
    body = body.slice(0, etc);
  }
  const parts = body
    .split(/[、和及与]/)
    .map((p) => cleanName(p))
    .filter((p) => p.length > 0);
  if (parts.length < 2) return parts;
  if (!head) head = HEADS.find((h) => parts[parts.length - 1]!.endsWith(h)) ?? '';
  return parts.map((p) =>
    head && !p.endsWith(head) && !p.includes(head) ? `${p.replace(/[”"]$/, '')}${head}`.replace(/^[“"]/, '') : p,
  );
}
