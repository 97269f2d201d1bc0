/**
 * Sentence rules for values that are not "number + unit after a name": 翻番/倍增 (`relative-multiple`), a bare
 * number whose unit is left to its neighbour (`list-shared-unit`), ranks (`rank`), fractions of a benchmark
 * (`fraction`) and ratios (`ratio`). Each takes a sentence scope and returns its candidates.
 */
import type { Candidate } from '../candidate.ts';
import { isClaimed } from '../document.ts';
import { cleanName, looksLikeIndicator } from '../naming.ts';
import { parseNumberText } from '@trajectory/core';
import { MAJOR_BOUNDARY, clauseEnd, clauseStart } from './clause.ts';
import type { Context, SentenceScope } from './scope.ts';
import { baseCandidate, clamp, lastCueEnd, lastStartingAtOrBefore, pseudoMention } from './scope.ts';

/**
 * 翻番 / 翻两番 / 倍增 of a countable quantity: a relative target with no number of its own (value null,
 * `relative_kind` multiple, base year = the plan's base year). "倍增计划", "高企倍增工程" name programmes and
 * "创新能力倍增" is qualitative: both are skipped.
 *
 * @example multipleTargets(scope) // [{ indicator_zh: '瞪羚企业数量', relative_kind: 'multiple', relative_amount: 2, ... }]
 */
export function multipleTargets(scope: SentenceScope): Candidate[] {
  const { doc, span, s, o, contextAt } = scope;
  const out: Candidate[] = [];
  for (const d of s.matchAll(/翻(一|两)?番|倍增/g)) {
    const pos = d.index;
    if (isClaimed(doc, span.start + pos)) continue;
    const floor = clauseStart(s, pos, 0, MAJOR_BOUNDARY);
    const name = cleanName(o.slice(Math.max(floor, lastCueEnd(scope.cues, pos, floor)), pos)).replace(
      /^(?:力争)?实现/,
      '',
    );
    // "高企倍增工程", "倍增计划" name programmes; "创新能力倍增" is qualitative: only a countable quantity doubles
    const rest = s.slice(pos + d[0].length, clauseEnd(s, pos + d[0].length, s.length, MAJOR_BOUNDARY));
    if (
      d[0] === '倍增' &&
      (/计划|工程|行动/.test(rest) || !/企业|数量|人才|专利|机构|主体|项目/.test(name) || /能力|水平/.test(name))
    )
      continue;
    const ctx = contextAt(pos);
    const pseudo = pseudoMention(pos, pos + d[0].length, null, '', d[0]);
    const c = baseCandidate(scope, pseudo, ctx, name, 'relative-multiple');
    c.kind = 'target';
    if (ctx.cue === null) {
      c.year = doc.targetYear;
      c.note = "no year stated: the plan's main target year assumed";
    }
    c.relative_kind = 'multiple';
    c.relative_amount = d[1] === '两' ? 4 : 2;
    c.relative_text = o.slice(floor, pos + d[0].length).trim();
    c.relative_base_year = doc.baseYear;
    c.comparator = '>=';
    out.push(c);
  }
  return out;
}

/**
 * A bare number in a list whose neighbour carries the unit: "雏鹰企业105, 瞪羚企业16家" → 105 家.
 *
 * @example sharedUnitNumbers(scope) // [{ indicator_zh: '雏鹰企业', value: 105, unit: '家', ... }]
 */
export function sharedUnitNumbers(scope: SentenceScope): Candidate[] {
  const { doc, span, s, o, usable, contextAt } = scope;
  const out: Candidate[] = [];
  for (const b of s.matchAll(/(?<=[\u4e00-\u9fa5])(\d+(?:\.\d+)?)(?=\s*[,，、])/g)) {
    const pos = b.index;
    const k = lastStartingAtOrBefore(usable, pos) + 1;
    const next = usable[k] && usable[k].start - pos < 30 && usable[k].value !== null ? usable[k] : undefined;
    if (!next || isClaimed(doc, span.start + pos) || (/\d{4}/.test(b[1]!) && +b[1]! > 1900 && +b[1]! < 2100)) continue;
    const floor = clauseStart(s, pos, 0);
    const name = cleanName(o.slice(Math.max(floor, lastCueEnd(scope.cues, pos, floor)), pos));
    if (!looksLikeIndicator(name)) continue;
    const pseudo = pseudoMention(pos, pos + b[1]!.length, +b[1]!, next.unit, b[1]!);
    const c = baseCandidate(scope, pseudo, contextAt(pos), name, 'list-shared-unit');
    c.confidence = clamp(c.confidence - 0.1);
    out.push(c);
  }
  return out;
}

/**
 * Ranks: "位居全市区县（功能区）第五" (observed, 位), "排名前十二" (as a target: at most 12).
 *
 * @example ranks(scope).map((c) => c.value) // [5]
 */
export function ranks(scope: SentenceScope): Candidate[] {
  const { doc, span, s, o, own, contextAt } = scope;
  const out: Candidate[] = [];
  for (const r of s.matchAll(
    /(排名|位居|位列|进入|回归)([^，,。；;]{0,14}?)(第|前)\s*([一二三四五六七八九十]+|\d+)(?:位|名)?/g,
  )) {
    const numText = r[4]!;
    const parsed = parseNumberText(numText);
    if (!parsed || isClaimed(doc, span.start + r.index)) continue;
    const pos = r.index + r[0].length - numText.length - (/[位名]$/.test(r[0]) ? 1 : 0);
    const floor = clauseStart(s, r.index, 0, MAJOR_BOUNDARY);
    const subject = cleanName(o.slice(Math.max(floor, lastCueEnd(own, r.index, floor)), r.index));
    // ranks are conventionally written in Chinese numerals (第五, 前十二): no penalty for that
    const pseudo = pseudoMention(pos, pos + numText.length, parsed.value, '位', numText);
    const c = baseCandidate(
      scope,
      pseudo,
      contextAt(r.index),
      `${subject}${cleanName(o.slice(r.index + r[1]!.length, r.index + r[1]!.length + r[2]!.length))}排名`,
      'rank',
    );
    c.measure = 'count';
    c.accumulation = 'stock';
    c.comparator = c.kind === 'target' ? '<=' : '';
    c.confidence = clamp(c.confidence + 0.1);
    out.push(c);
  }
  return out;
}

/**
 * Fractions of a benchmark: "仅为苏州工业园的1/3、1/2" → 1/3 and 0.5 in 倍.
 *
 * @example fractions(scope).map((c) => c.value_text) // ['1/3', '1/2']
 */
export function fractions(scope: SentenceScope): Candidate[] {
  const { doc, span, s, o, contextAt } = scope;
  const out: Candidate[] = [];
  for (const f of s.matchAll(/(?<![\d./])(\d+)\s*\/\s*(\d+)(?![\d./])/g)) {
    const before = s.slice(Math.max(0, f.index - 12), f.index);
    if (
      !/(?:的|为|是|仅为|相当于|[、])\s*$|[\u4e00-\u9fa5]\s+$/.test(before) ||
      +f[2]! === 0 ||
      isClaimed(doc, span.start + f.index)
    )
      continue;
    const floor = clauseStart(s, f.index, 0, MAJOR_BOUNDARY);
    const subject = cleanName(o.slice(floor, f.index).replace(/[\d\s/、]+$/, ''));
    const pseudo = pseudoMention(f.index, f.index + f[0].length, +f[1]! / +f[2]!, '倍', f[0]);
    const c = baseCandidate(scope, pseudo, contextAt(f.index), subject, 'fraction');
    c.measure = 'rate';
    c.accumulation = 'stock';
    out.push(c);
  }
  return out;
}

/**
 * Ratios after 比例: "二、三产比例达到35.6:64.4,较2016年的46.8: 53.2" → two shares per ratio, the second pair
 * dated 2016 by the 较YYYY年的 before it.
 *
 * @example ratios(scope).map((c) => [c.year, c.value]) // [[2020, 35.6], [2020, 64.4], [2016, 46.8], [2016, 53.2]]
 */
export function ratios(scope: SentenceScope): Candidate[] {
  const { doc, span, s, o, contextAt } = scope;
  const out: Candidate[] = [];
  let ratioSubject = '';
  for (const q of s.matchAll(/(?<![\d.:])(\d+(?:\.\d+)?)\s*[:：]\s*(\d+(?:\.\d+)?)(?![\d.:])/g)) {
    const floor = clauseStart(s, q.index, 0, MAJOR_BOUNDARY);
    const clause = o.slice(floor, q.index);
    // the ratio's name is in its clause, or (for "…,较2016年的46.8:53.2") in the clause of the ratio before it
    if (!/比例|之比|比重/.test(clause) && !(ratioSubject && /(?:较|比)\s*\d{4}\s*年的?\s*$/.test(clause))) continue;
    if (isClaimed(doc, span.start + q.index)) continue;
    const since = /(?:较|比)\s*(\d{4})\s*年的?\s*$/.exec(s.slice(Math.max(0, q.index - 10), q.index));
    const ctx: Context = since
      ? {
          cue: {
            start: q.index,
            end: q.index,
            year: +since[1]!,
            kind: 'observed',
            period: null,
            strength: 1,
            text: since[0],
            comparison: false,
          },
          carried: false,
        }
      : contextAt(q.index);
    const subject = cleanName(clause.replace(/(?:较|比)\s*\d{4}\s*年的?\s*$/, '')) || ratioSubject;
    ratioSubject = subject;
    [q[1]!, q[2]!].forEach((numText, k) => {
      const start = k === 0 ? q.index : q.index + q[0].length - numText.length;
      const pseudo = pseudoMention(start, start + numText.length, Number(numText), '%', numText);
      const c = baseCandidate(scope, pseudo, ctx, `${subject}（第${k + 1}项）`, 'ratio');
      c.measure = 'share';
      c.accumulation = 'stock';
      out.push(c);
    });
  }
  return out;
}
