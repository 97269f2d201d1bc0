/**
 * The sentence rules: every value mention in running text becomes a candidate named by the words before it
 * (`sentence-value`: "截至2020年底，国家级高新技术企业146家") or, when those words are only a verb or a place,
 * by the noun after it (`count-noun`: "力争到2023年底区内聚集500家国家级高新技术企业，30家瞪羚企业").
 * Year and kind come from the latest time cue of the sentence, else from the paragraph (a cue carries over the
 * following sentences). Relative forms attach to the value they qualify: 占全市21.6% (`share`),
 * 比"十三五"末增长25% (`increase-percent`, base year 2020), 比2015年增加164.6亿元 (`increase`, and a derived
 * observation for the base year), 翻番 (`relative-multiple`), 年均增长3.9% (`growth-rate`).
 */
import type { Candidate } from '../candidate.ts';
import { emptyCandidate } from '../candidate.ts';
import type { DocumentView } from '../document.ts';
import { isClaimed, quoteOf } from '../document.ts';
import type { Mention } from '../mentions.ts';
import { valueMentions } from '../mentions.ts';
import { parseNumberText } from '../numerals.ts';
import {
  accumulationOf, canonicalUnit, cleanName, comparatorOf, perTenThousandUnit, endsWithAcquireVerb, isAreaUnit, isLocative, looksLikeIndicator, measureOf,
} from '../naming.ts';
import type { Paragraph, Span } from '../segment.ts';
import type { TimeCue } from '../time-context.ts';
import { timeCues } from '../time-context.ts';
import { MAJOR_BOUNDARY, clauseEnd, clauseStart } from './clause.ts';
import { respectivelyLists } from './list.ts';

interface Context {
  cue: TimeCue | null;
  /** the cue was found in an earlier sentence of the paragraph (or an earlier paragraph of the section) */
  carried: boolean;
}

/** What one paragraph hands to the next within a section (reset at headings). */
export interface SectionState {
  /** the last time cue that set the time of what follows */
  carried: TimeCue | null;
  /** the section's heading speaks of aims (发展目标, 主要目标): undated figures are targets */
  targets: boolean;
}

const HEADING = /^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d{1,2}\s*[、.．]|第[一二三四五六七八九十]+[章节部分])/;

/**
 * Is this paragraph a section heading ("（三）发展目标", "二、形势与需求", "1、创新投入")? Headings reset the
 * carried time context.
 *
 * @example isHeading('（三）发展目标') // true
 */
export function isHeading(text: string): boolean {
  const t = text.trim();
  return t.length <= 40 && !/[。；;]/.test(t) && (HEADING.test(t) || t.length <= 12);
}

/**
 * Candidates from the running text of one paragraph; `state` carries the time context to the next paragraph.
 *
 * @example sentenceCandidates(documentView(text, 'a.txt'), paragraphs(text)[0]!)
 */
export function sentenceCandidates(doc: DocumentView, para: Paragraph, state: SectionState = { carried: null, targets: false }): Candidate[] {
  const out: Candidate[] = [];
  let carried: TimeCue | null = state.carried;
  for (const sentence of para.sentences) {
    const found = sentenceLevel(doc, sentence, carried, state.targets);
    out.push(...found.candidates);
    // only cues that set the time (strength ≥ 0.8) carry over to later sentences
    if (found.lastCue && found.lastCue.strength >= 0.8) carried = found.lastCue;
  }
  // across paragraphs only an explicit "到2025年" / "截至2020年底" carries; period names and bare years do not
  if (carried && carried.kind !== null && carried.strength >= 1) state.carried = carried;
  return out;
}

function sentenceLevel(doc: DocumentView, span: Span, carried: TimeCue | null, targetSection: boolean): { candidates: Candidate[]; lastCue: TimeCue | null } {
  const s = doc.norm.slice(span.start, span.end);
  // names are cut from the original text (same offsets as the normalised copy), so they keep （） and ０-９ as written
  const o = doc.text.slice(span.start, span.end);
  const cues = timeCues(s, doc.baseYear);
  const mentions = valueMentions(s).filter((m) => !isClaimed(doc, span.start + m.start));
  const candidates: Candidate[] = [];
  // Cues do not overlap and come in order, so "the last cue before pos" is a binary search (a sentence may be
  // a whole 1 MB line; a scan per mention would be quadratic).
  const own = cues.filter((c) => !c.comparison);
  const contextAt = (pos: number): Context => {
    // the last cue before pos that sets the time; a weak one ("2019年国家科技进步一等奖") only if nothing else
    let weak: TimeCue | null = null;
    for (let i = lastEndingBefore(own, pos); i >= 0; i--) {
      if (own[i]!.strength >= 0.8) return { cue: own[i]!, carried: false };
      weak ??= own[i]!;
    }
    if (carried) return { cue: carried, carried: true };
    if (weak) return { cue: weak, carried: false };
    // a time stated later in the same sentence ("…占地面积110亩，…，预计2022年建成")
    const later = own.find((c) => c.start >= pos && c.strength >= 0.8);
    return later ? { cue: { ...later, strength: later.strength * 0.7 }, carried: false } : { cue: null, carried: false };
  };
  // mentions inside a time cue ("用三年时间") are not values
  const usable = mentions.filter((m) => {
    const i = lastStartingAtOrBefore(cues, m.start);
    return i < 0 || m.start >= cues[i]!.end;
  });
  const byOffset = new Map<number, Candidate>();

  // 1. 分别 lists
  const consumed = new Set<number>();
  for (const pair of respectivelyLists(s, usable, o)) {
    consumed.add(pair.mention.start);
    const ctx = contextAt(pair.mention.start);
    const c = baseCandidate(doc, span, s, pair.mention, ctx, pair.name, 'list-respectively', targetSection);
    c.confidence = clamp(c.confidence + (pair.exact ? 0.1 : -0.15));
    candidates.push(c);
    byOffset.set(c.offset, c);
  }

  // 2. single values, with relative forms attached to the previous one
  let previous: Candidate | null = null;
  let previousEnd = -1;
  for (const m of usable) {
    if (consumed.has(m.start)) {
      previous = byOffset.get(span.start + m.start) ?? previous;
      previousEnd = m.end;
      continue;
    }
    const floor = clauseStart(s, m.start, 0);
    const prefixFrom = Math.max(floor, lastCueEnd(own, m.start, floor));
    const prefixRaw = s.slice(prefixFrom, m.start);
    const prefixOrig = o.slice(prefixFrom, m.start);
    const tail = s.slice(Math.max(0, m.start - 16), m.start);
    const ctx = contextAt(m.start);
    // relative: "比2015年增加164.6亿元", "比“十三五”末增长25%"
    // (同比 is a growth rate, handled below)
    const rel = /(?<!同)比\s*(.{0,14}?)\s*(?:增长|增加|提高|提升)了?\s*$/.exec(tail);
    if (rel && previous && m.value !== null) {
      const relText = o.slice(m.start - rel[0].length, m.end).trim();
      attachRelative(doc, previous, rel[1]!, m, candidates, span, relText);
      if (m.unit !== '%') {
        // "比2015年增加164.6亿元": the increment is stated, so it is a row (the derived base is only a hint)
        const c = baseCandidate(doc, span, s, m, ctx, `${previous.indicator_zh}比${rel[1]!.trim()}增加额`, 'increase', targetSection);
        c.accumulation = 'flow';
        const base = timeCues(rel[1]!, doc.baseYear)[0];
        if (base && c.year !== null && base.year < c.year) {
          c.period_start = base.year + 1;
          c.period_end = c.year;
        }
        candidates.push(c);
      }
      continue;
    }
    // growth rate: "年均增长3.9%", "复合增速超55%"
    if (m.unit === '%' && /(?:年均|平均|复合|同比)?(?:增长|增速|增幅)(?:率)?(?:为|达|达到|超|超过|保持在)?\s*$/.test(tail)) {
      const own = cleanName(prefixOrig.replace(/(?:年均|平均|复合|同比)?(?:增长|增速|增幅).*$/, ''));
      const name = `${own || previous?.indicator_zh || ''}${/年均|平均/.test(tail) ? '年均增长率' : '增长率'}`;
      const c = baseCandidate(doc, span, s, m, ctx, name, 'growth-rate', targetSection);
      c.measure = 'growth';
      c.accumulation = '';
      const since = /比\s*(\d{4})\s*年/.exec(s.slice(Math.max(0, m.start - 60), m.start));
      if (since && c.year !== null && +since[1]! < c.year) {
        c.period_start = +since[1]! + 1;
        c.period_end = c.year;
      } else if (/年均|平均/.test(tail) && c.kind === 'target' && doc.baseYear !== null && c.year !== null && c.year > doc.baseYear) {
        // "到2025年…年均增长8%": the average runs over the plan period
        c.period_start = doc.baseYear + 1;
        c.period_end = c.year;
      }
      c.confidence = clamp(c.confidence - (own || previous ? 0 : 0.2));
      candidates.push(c);
      continue;
    }
    // share: "占全市21.6%" right after a value qualifies it; on its own it is a share indicator
    const share = /占\s*(全市|全国|全省|全区|新区|本区|滨海新区|全市各区)?(?:的)?(?:比重)?(?:为|达|达到)?\s*$/.exec(tail);
    if (share && m.unit === '%') {
      const scope = share[1] ?? '';
      const between = previous ? s.slice(previousEnd, m.start - share[0].length) : 'x';
      const qualifies = previous !== null && /^[\s,，、]*$/.test(between);
      const shareText = o.slice(m.start - share[0].length, m.end);
      if (qualifies && previous!.relative_kind === '') {
        previous!.relative_kind = 'share';
        previous!.relative_amount = m.value;
        previous!.relative_text = shareText;
        previous!.scope = scope;
      }
      // the share is also a figure of its own (雏鹰企业占全市比重 15%), named after the value it qualifies
      const own = cleanName(prefixOrig.replace(/占\s*(?:全市|全国|全省|全区|新区|本区|滨海新区)?(?:的)?(?:比重)?(?:为|达|达到)?\s*$/, ''));
      const subject = own || (qualifies ? baseName(previous!.indicator_zh) : '');
      const name = subject ? `${subject}占${scope}比重` : `占${scope}比重`;
      const c = baseCandidate(doc, span, s, m, ctx, name, 'share', targetSection);
      c.relative_kind = 'share';
      c.relative_amount = m.value;
      c.relative_text = shareText;
      c.scope = scope;
      c.measure = 'share';
      c.lower = 0;
      c.upper = 100;
      c.confidence = clamp(c.confidence - (subject ? 0 : 0.3));
      candidates.push(c);
      if (!qualifies) previous = c;
      previousEnd = m.end;
      continue;
    }
    // plain value
    let name = cleanName(prefixOrig);
    let rule = 'sentence-value';
    let countNounPenalty = 0;
    const afterEnd = clauseEnd(s, m.end, s.length);
    const after = o.slice(m.end, afterEnd);
    const attributive = /^\s*[\u4e00-\u9fa5A-Za-z“"]/.test(after) && !m.scale;
    if (m.scale) {
      // "打造营收1500亿级国家级创新产业集群": the scale qualifies the noun after it
      const noun = cleanName(after.replace(/^\s*(?:级|规模)/, ''));
      if (noun.length >= 2 && noun.length <= 24) name = `${noun}${name.replace(/^(?:打造|实现|形成|建成)/, '')}`;
    }
    if (attributive && isAreaUnit(m.unit)) {
      // "将2万平米十字街区打造成为…": an area before its noun describes an existing site
      const noun = cleanName(after);
      if (noun.length >= 2 && noun.length <= 24) {
        name = `${noun}面积`;
        rule = 'area-noun';
      }
    } else if ((isLocative(name) || endsWithAcquireVerb(prefixRaw)) && attributive) {
      const noun = cleanName(after.replace(/[（(][^）)]*[）)]\s*$/, (p) => p));
      if (noun.length >= 2 && noun.length <= 24) {
        name = noun;
        rule = 'count-noun';
        countNounPenalty = endsWithAcquireVerb(prefixRaw) || previous?.rule === 'count-noun' ? 0 : 0.3;
      }
    }
    // "技术合同登记 453 份，累计登记超过 4000 份": a bare 累计 names the running total of the figure before it
    if (previous && previous.unit === canonicalUnit(m.unit).unit && /^(?:累计|合计|其中|共计)?(?:登记|认定|完成|引进)?$/.test(name) && name.length <= 4) {
      name = `${baseName(previous.indicator_zh)}${/累计|合计|共计/.test(name) ? '（累计）' : ''}`;
    }
    const c = baseCandidate(doc, span, s, m, ctx, name, rule, targetSection);
    if (rule === 'area-noun' && (ctx.cue === null || ctx.carried)) {
      c.kind = 'observed';
      c.year = doc.baseYear;
      c.comparator = '';
    }
    c.comparator = comparatorOf(s.slice(Math.max(0, m.start - 6), m.start), m.suffix, m.approx, c.kind);
    if (rule === 'sentence-value' && attributive) c.confidence = clamp(c.confidence - 0.2);
    if (rule === 'area-noun') c.confidence = clamp(c.confidence + 0.05);
    c.confidence = clamp(c.confidence - countNounPenalty);
    if (name.length === 0 && floor > 0) {
      // "国家高新技术企业数量实现快速增长,达到2500家": the subject is the clause before
      const subject = cleanName(o.slice(clauseStart(s, floor - 1, 0, MAJOR_BOUNDARY), floor - 1));
      if (subject.length >= 2 && subject.length <= 30 && looksLikeIndicator(subject)) {
        c.indicator_zh = subject;
        c.confidence = clamp(c.confidence + 0.1 - 0.15);
      } else c.confidence = clamp(c.confidence - 0.3);
    } else if (name.length === 0 || name.length > 45) c.confidence = clamp(c.confidence - 0.3);
    candidates.push(c);
    if (m.upper !== null) {
      // a range "8-10家" is two rows: the low end as "at least", the high end as "at most"
      c.comparator = '>=';
      c.rule = `${rule}-range-low`;
      c.note = `low end of the range ${c.value_text}`;
      candidates.push({ ...c, value: m.upper, comparator: '<=', rule: `${rule}-range-high`, note: `high end of the range ${c.value_text}` });
    }
    previous = c;
    previousEnd = m.end;
  }

  // 3. 翻番: a relative target with no number of its own
  for (const d of s.matchAll(/翻(一|两)?番|倍增/g)) {
    const pos = d.index;
    if (isClaimed(doc, span.start + pos)) continue;
    const floor = clauseStart(s, pos, 0, MAJOR_BOUNDARY);
    const name = cleanName(o.slice(Math.max(floor, lastCueEnd(cues, pos, floor)), pos)).replace(/^(?:力争)?实现/, '');
    // "高企倍增工程", "倍增计划" name programmes; "创新能力倍增" is qualitative: only a countable quantity doubles
    const rest = s.slice(pos + d[0].length, clauseEnd(s, pos + d[0].length, s.length, MAJOR_BOUNDARY));
    if (d[0] === '倍增' && (/计划|工程|行动/.test(rest) || !/企业|数量|人才|专利|机构|主体|项目/.test(name) || /能力|水平/.test(name))) continue;
    const ctx = contextAt(pos);
    const pseudo: Mention = { start: pos, end: pos + d[0].length, value: null, upper: null, unit: '', text: d[0], approx: '', suffix: '', chinese: false, blank: false };
    const c = baseCandidate(doc, span, s, pseudo, ctx, name, 'relative-multiple', targetSection);
    c.kind = 'target';
    if (ctx.cue === null) {
      c.year = doc.targetYear;
      c.note = 'no year stated: the plan\'s main target year assumed';
    }
    c.relative_kind = 'multiple';
    c.relative_amount = d[1] === '两' ? 4 : 2;
    c.relative_text = o.slice(floor, pos + d[0].length).trim();
    c.relative_base_year = doc.baseYear;
    c.comparator = '>=';
    candidates.push(c);
  }

  // 4. a bare number in a list whose neighbours carry the unit: "雏鹰企业105, 瞪羚企业16家"
  for (const b of s.matchAll(/(?<=[\u4e00-\u9fa5])(\d+(?:\.\d+)?)(?=\s*[,，、])/g)) {
    const pos = b.index;
    const k = lastStartingAtOrBefore(usable, pos) + 1;
    const next = usable[k] && usable[k].start - pos < 30 && usable[k].value !== null ? usable[k] : undefined;
    if (!next || isClaimed(doc, span.start + pos) || /\d{4}/.test(b[1]!) && +b[1]! > 1900 && +b[1]! < 2100) continue;
    const floor = clauseStart(s, pos, 0);
    const name = cleanName(o.slice(Math.max(floor, lastCueEnd(cues, pos, floor)), pos));
    if (!looksLikeIndicator(name)) continue;
    const pseudo: Mention = { start: pos, end: pos + b[1]!.length, value: +b[1]!, upper: null, unit: next.unit, text: b[1]!, approx: '', suffix: '', chinese: false, blank: false };
    const c = baseCandidate(doc, span, s, pseudo, contextAt(pos), name, 'list-shared-unit', targetSection);
    c.confidence = clamp(c.confidence - 0.1);
    candidates.push(c);
  }

  // 5. ranks: "位居全市区县（功能区）第五", "排名前十二" (a rank is a value in 位; "前N" as a target means at most N)
  for (const r of s.matchAll(/(排名|位居|位列|进入|回归)([^，,。；;]{0,14}?)(第|前)\s*([一二三四五六七八九十]+|\d+)(?:位|名)?/g)) {
    const numText = r[4]!;
    const parsed = parseNumberText(numText);
    if (!parsed || isClaimed(doc, span.start + r.index)) continue;
    const pos = r.index + r[0].length - numText.length - (/[位名]$/.test(r[0]) ? 1 : 0);
    const floor = clauseStart(s, r.index, 0, MAJOR_BOUNDARY);
    const subject = cleanName(o.slice(Math.max(floor, lastCueEnd(own, r.index, floor)), r.index));
    // ranks are conventionally written in Chinese numerals (第五, 前十二): no penalty for that
    const pseudo: Mention = { start: pos, end: pos + numText.length, value: parsed.value, upper: null, unit: '位', text: numText, approx: '', suffix: '', chinese: false, blank: false };
    const c = baseCandidate(doc, span, s, pseudo, contextAt(r.index), `${subject}${cleanName(o.slice(r.index + r[1]!.length, r.index + r[1]!.length + r[2]!.length))}排名`, 'rank', targetSection);
    c.measure = 'count';
    c.accumulation = 'stock';
    c.comparator = c.kind === 'target' ? '<=' : '';
    c.confidence = clamp(c.confidence + 0.1);
    candidates.push(c);
  }

  // 6. fractions of a benchmark: "仅为苏州工业园的1/3、1/2、1/3" (value a/b, unit 倍)
  for (const f of s.matchAll(/(?<![\d.\/])(\d+)\s*\/\s*(\d+)(?![\d.\/])/g)) {
    const before = s.slice(Math.max(0, f.index - 12), f.index);
    if (!/(?:的|为|是|仅为|相当于|[、])\s*$|[\u4e00-\u9fa5]\s+$/.test(before) || +f[2]! === 0 || isClaimed(doc, span.start + f.index)) continue;
    const floor = clauseStart(s, f.index, 0, MAJOR_BOUNDARY);
    const subject = cleanName(o.slice(floor, f.index).replace(/[\d\s/、]+$/, ''));
    const pseudo: Mention = { start: f.index, end: f.index + f[0].length, value: +f[1]! / +f[2]!, upper: null, unit: '倍', text: f[0], approx: '', suffix: '', chinese: false, blank: false };
    const c = baseCandidate(doc, span, s, pseudo, contextAt(f.index), subject, 'fraction', targetSection);
    c.measure = 'rate';
    c.accumulation = 'stock';
    candidates.push(c);
  }

  // 7. ratios: "二、三产比例达到35.6:64.4,较2016年的46.8: 53.2" (two shares in %)
  let ratioSubject = '';
  for (const q of s.matchAll(/(?<![\d.:])(\d+(?:\.\d+)?)\s*[:：]\s*(\d+(?:\.\d+)?)(?![\d.:])/g)) {
    const floor = clauseStart(s, q.index, 0, MAJOR_BOUNDARY);
    const clause = o.slice(floor, q.index);
    // the ratio's name is in its clause, or (for "…,较2016年的46.8:53.2") in the clause of the ratio before it
    if (!/比例|之比|比重/.test(clause) && !(ratioSubject && /(?:较|比)\s*\d{4}\s*年的?\s*$/.test(clause))) continue;
    if (isClaimed(doc, span.start + q.index)) continue;
    const since = /(?:较|比)\s*(\d{4})\s*年的?\s*$/.exec(s.slice(Math.max(0, q.index - 10), q.index));
    const ctx: Context = since
      ? { cue: { start: q.index, end: q.index, year: +since[1]!, kind: 'observed', period: null, strength: 1, text: since[0], comparison: false }, carried: false }
      : contextAt(q.index);
    const subject = cleanName(clause.replace(/(?:较|比)\s*\d{4}\s*年的?\s*$/, '')) || ratioSubject;
    ratioSubject = subject;
    [q[1]!, q[2]!].forEach((numText, k) => {
      const start = k === 0 ? q.index : q.index + q[0].length - numText.length;
      const pseudo: Mention = { start, end: start + numText.length, value: Number(numText), upper: null, unit: '%', text: numText, approx: '', suffix: '', chinese: false, blank: false };
      const c = baseCandidate(doc, span, s, pseudo, ctx, `${subject}（第${k + 1}项）`, 'ratio', targetSection);
      c.measure = 'share';
      c.accumulation = 'stock';
      candidates.push(c);
    });
  }

  const lastCue = own.length ? own[own.length - 1]! : null;
  return { candidates, lastCue };
}

function lastCueEnd(cues: TimeCue[], pos: number, floor: number): number {
  const i = lastEndingBefore(cues, pos);
  return i >= 0 ? Math.max(floor, cues[i]!.end) : floor;
}

/** Index of the last cue with `end <= pos` (cues are ordered and disjoint), or -1. */
function lastEndingBefore(cues: TimeCue[], pos: number): number {
  let lo = 0;
  let hi = cues.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cues[mid]!.end <= pos) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Index of the last item with `start <= pos`, or -1. */
function lastStartingAtOrBefore(items: Array<{ start: number }>, pos: number): number {
  let lo = 0;
  let hi = items.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid]!.start <= pos) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Fill the fields every sentence rule shares: year, kind, unit, quote, measure, accumulation, confidence. */
function baseCandidate(doc: DocumentView, span: Span, s: string, m: Mention, ctx: Context, name: string, rule: string, targetSection = false): Candidate {
  const c = emptyCandidate();
  c.indicator_zh = name;
  c.rule = rule;
  c.offset = span.start + m.start;
  c.value = m.value;
  const unit = canonicalUnit(m.unit);
  c.unit = perTenThousandUnit(name, unit.unit);
  c.value_text = doc.text.slice(span.start + m.start, span.start + m.end).trim();
  const cue = ctx.cue;
  let confidence = 0.45;
  if (cue) {
    c.year = cue.year;
    c.kind = cue.kind ?? (doc.baseYear !== null && cue.year > doc.baseYear ? 'target' : 'observed');
    if (cue.period) {
      c.period_start = cue.period[0];
      c.period_end = cue.period[1];
    }
    confidence += (ctx.carried ? 0.15 : 0.25) * cue.strength;
  } else {
    // No time in the paragraph: a plan states its baseline achievements without a year (the base year) and its
    // aims with future wording (the plan's main target year).
    c.kind = targetSection || /力争|目标|预计|计划|规划|将|拟|争取|打造|建设|建成|引进|培育|吸引/.test(s.slice(0, m.start + 1)) ? 'target' : 'observed';
    c.year = c.kind === 'target' ? doc.targetYear : doc.baseYear;
    c.note = c.kind === 'target' ? 'no year stated: the plan\'s main target year assumed' : 'no year stated: the plan\'s base year assumed';
    confidence = c.year === null ? 0.3 : 0.45;
  }
  // quote: from the cue (if in this sentence and near) or the clause start, to the end of the value's clause
  const clause0 = clauseStart(s, m.start, 0, MAJOR_BOUNDARY);
  const qStart = cue && !ctx.carried && m.start - cue.start < 120 ? Math.min(cue.start, clause0) : clause0;
  const qEnd = Math.max(clauseEnd(s, m.end, s.length, MAJOR_BOUNDARY), m.end);
  c.quote = quoteOf(doc, span.start + qStart, span.start + qEnd).quote;
  c.comparator = comparatorOf(s.slice(Math.max(0, m.start - 6), m.start), m.suffix, m.approx, c.kind);
  if (m.blank) c.comparator = c.kind === 'target' ? '>=' : '';
  c.measure = measureOf(name, c.unit);
  if (c.measure === 'share' && c.unit === '%') {
    c.lower = 0;
    c.upper = 100;
  }
  const context = s.slice(clause0, m.start);
  c.accumulation = unit.perYear ? 'flow' : accumulationOf(context, name, c.unit, c.period_start !== null);
  // "到2023年，新引进…2450人": what a target brings in (引进, 新增, 承接) adds up from the base year to the target year
  if (c.kind === 'target' && c.accumulation !== 'cumulative' && c.measure === 'count' && /新增|引进|承接|完成|培养|成立|吸引/.test(context + name)
      && doc.baseYear !== null && c.year !== null && c.year > doc.baseYear) {
    c.accumulation = 'cumulative';
    c.period_start = doc.baseYear + 1;
    c.period_end = c.year;
  }
  // a cumulative target without its own period ("五年累计完成…") runs from the year after the base year
  if (c.accumulation === 'cumulative' && c.period_start === null && c.kind === 'target' && c.year !== null) {
    const span = /([一二两三四五六七八九十]|\d{1,2})\s*年(?:累计|共|合计|内|间)/.exec(context);
    const years = span ? (/\d/.test(span[1]!) ? +span[1]! : '一二三四五六七八九十'.indexOf(span[1]!.replace('两', '二')) + 1) : null;
    if (years !== null && years > 0) {
      // "五年累计完成…": the last N years up to the target year
      c.period_start = c.year - years + 1;
      c.period_end = c.year;
    } else if (doc.baseYear !== null && c.year > doc.baseYear) {
      c.period_start = doc.baseYear + 1;
      c.period_end = c.year;
    }
  }
  if (c.accumulation !== 'cumulative' && rule !== 'growth-rate') {
    c.period_start = null;
    c.period_end = null;
  }
  if (looksLikeIndicator(name)) confidence += 0.1;
  if (m.chinese) confidence -= 0.2;
  if (m.upper !== null) confidence -= 0.15;
  if (m.approx) confidence -= 0.05;
  if (m.blank) confidence += 0.05;
  // without a year a row cannot be used as an observation or a target: keep it below the default threshold
  if (c.year === null) confidence = Math.min(confidence, 0.4);
  c.confidence = clamp(confidence);
  return c;
}

/**
 * "…X，比<base>增长N%/增加N<unit>": record the relative form on the previous candidate and, for an absolute
 * increase in the same unit, derive the base-year observation (X − N) as its own candidate.
 */
function attachRelative(doc: DocumentView, previous: Candidate, basePhrase: string, m: Mention, out: Candidate[], span: Span, relText: string): void {
  const cues = timeCues(basePhrase, doc.baseYear);
  const baseYear = cues.length ? cues[0]!.year : /上年|去年/.test(basePhrase) && previous.year !== null ? previous.year - 1 : null;
  if (m.unit === '%') {
    previous.relative_kind = 'increase-percent';
    previous.relative_amount = m.value;
    previous.relative_base_year = baseYear;
    previous.relative_text = relText;
    return;
  }
  if (previous.unit !== m.unit || previous.value === null || m.value === null || baseYear === null) return;
  if (previous.relative_kind === '') {
    previous.relative_kind = 'increase';
    previous.relative_amount = m.value;
    previous.relative_base_year = baseYear;
    previous.relative_text = relText;
  }
  const derived: Candidate = {
    ...previous,
    kind: 'observed',
    year: baseYear,
    value: round(previous.value - m.value),
    comparator: '',
    value_text: doc.text.slice(span.start + m.start, span.start + m.end).trim(),
    relative_kind: '',
    relative_amount: null,
    relative_base_year: null,
    relative_text: '',
    note: `derived, not stated: ${previous.value} − ${m.value}`,
    rule: 'derived-difference',
    offset: span.start + m.start,
    // not stated in the document: a hint for the analyst, below the default threshold
    confidence: Math.min(0.45, previous.confidence),
  };
  derived.quote = previous.quote.includes(derived.value_text) ? previous.quote : doc.text.slice(span.start, span.end).trim();
  out.push(derived);
}

/** Round a derived value to 10 significant decimals so 626.13 − 164.6 prints as 461.53. */
function round(x: number): number {
  return Number(x.toFixed(10));
}

function clamp(x: number): number {
  return Math.max(0, Math.min(1, Math.round(x * 100) / 100));
}

/** The indicator part of a candidate name, without a trailing scope label. */
function baseName(name: string): string {
  return name.replace(/（[^（）]*）$/, '');
}
