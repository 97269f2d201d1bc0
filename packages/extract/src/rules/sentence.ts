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
import {
  accumulationOf, cleanName, comparatorOf, endsWithAcquireVerb, isLocative, looksLikeIndicator, measureOf,
} from '../naming.ts';
import type { Paragraph, Span } from '../segment.ts';
import type { TimeCue } from '../time-context.ts';
import { timeCues } from '../time-context.ts';
import { MAJOR_BOUNDARY, clauseEnd, clauseStart } from './clause.ts';
import { respectivelyLists } from './list.ts';

interface Context {
  cue: TimeCue | null;
  /** the cue was found in an earlier sentence of the paragraph */
  carried: boolean;
}

/** Candidates from the running text of one paragraph. */
export function sentenceCandidates(doc: DocumentView, para: Paragraph): Candidate[] {
  const out: Candidate[] = [];
  let carried: TimeCue | null = null;
  for (const sentence of para.sentences) {
    const found = sentenceLevel(doc, sentence, carried);
    out.push(...found.candidates);
    // only cues that set the time (strength 1) carry over to later sentences
    if (found.lastCue && found.lastCue.strength >= 0.8) carried = found.lastCue;
  }
  return out;
}

function sentenceLevel(doc: DocumentView, span: Span, carried: TimeCue | null): { candidates: Candidate[]; lastCue: TimeCue | null } {
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
    const i = lastEndingBefore(own, pos);
    return i >= 0 ? { cue: own[i]!, carried: false } : { cue: carried, carried: carried !== null };
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
    const c = baseCandidate(doc, span, s, pair.mention, ctx, pair.name, 'list-respectively');
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
    const prefixFrom = Math.max(floor, lastCueEnd(cues, m.start, floor));
    const prefixRaw = s.slice(prefixFrom, m.start);
    const prefixOrig = o.slice(prefixFrom, m.start);
    const tail = s.slice(Math.max(0, m.start - 16), m.start);
    const ctx = contextAt(m.start);
    if (m.unit === '个百分点') continue; // a change in a share, not a level
    // relative: "比2015年增加164.6亿元", "比“十三五”末增长25%"
    const rel = /比\s*(.{0,14}?)\s*(?:增长|增加|提高|提升)了?\s*$/.exec(tail);
    if (rel && previous && m.value !== null) {
      attachRelative(doc, previous, rel[1]!, m, candidates, span);
      continue;
    }
    // growth rate: "年均增长3.9%", "复合增速超55%"
    if (m.unit === '%' && /(?:年均|平均|复合)?(?:增长|增速|增幅)(?:率)?(?:为|达|达到|超|超过|保持在)?\s*$/.test(tail)) {
      const own = cleanName(prefixOrig.replace(/(?:年均|平均|复合)?(?:增长|增速|增幅).*$/, ''));
      const name = `${own || previous?.indicator_zh || ''}${/年均|平均/.test(tail) ? '年均增长率' : '增长率'}`;
      const c = baseCandidate(doc, span, s, m, ctx, name, 'growth-rate');
      c.measure = 'growth';
      c.accumulation = '';
      const since = /比\s*(\d{4})\s*年/.exec(s.slice(Math.max(0, m.start - 60), m.start));
      if (since && c.year !== null && +since[1]! < c.year) {
        c.period_start = +since[1]! + 1;
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
      if (previous && /^[\s,，、]*$/.test(between) && previous.relative_kind === '') {
        previous.relative_kind = 'share';
        previous.relative_amount = m.value;
        previous.scope = scope;
        previousEnd = m.end;
        continue;
      }
      const own = cleanName(prefixOrig.replace(/占\s*(?:全市|全国|全省|全区|新区|本区|滨海新区)?(?:的)?(?:比重)?(?:为|达|达到)?\s*$/, ''));
      const name = own ? `${own}占${scope}比重` : `占${scope}比重`;
      const c = baseCandidate(doc, span, s, m, ctx, name, 'share');
      c.relative_kind = 'share';
      c.relative_amount = m.value;
      c.scope = scope;
      c.measure = 'share';
      c.confidence = clamp(c.confidence - (own ? 0 : 0.3));
      candidates.push(c);
      previous = c;
      previousEnd = m.end;
      continue;
    }
    // plain value
    let name = cleanName(prefixOrig);
    let rule = 'sentence-value';
    let countNounPenalty = 0;
    const afterEnd = clauseEnd(s, m.end, s.length);
    const after = o.slice(m.end, afterEnd);
    const attributive = /^\s*[\u4e00-\u9fa5A-Za-z“"]/.test(after);
    if ((isLocative(name) || endsWithAcquireVerb(prefixRaw)) && attributive) {
      const noun = cleanName(after.replace(/[（(][^）)]*[）)]\s*$/, (p) => p));
      if (noun.length >= 2 && noun.length <= 24) {
        name = noun;
        rule = 'count-noun';
        countNounPenalty = endsWithAcquireVerb(prefixRaw) || previous?.rule === 'count-noun' ? 0 : 0.3;
      }
    }
    const c = baseCandidate(doc, span, s, m, ctx, name, rule);
    c.comparator = comparatorOf(s.slice(Math.max(0, m.start - 6), m.start), m.suffix, m.approx, c.kind);
    if (rule === 'sentence-value' && attributive) c.confidence = clamp(c.confidence - 0.25);
    c.confidence = clamp(c.confidence - countNounPenalty);
    if (name.length === 0 || name.length > 30) c.confidence = clamp(c.confidence - 0.3);
    candidates.push(c);
    previous = c;
    previousEnd = m.end;
  }

  // 3. 翻番: a relative target with no number of its own
  for (const d of s.matchAll(/翻(一|两)?番/g)) {
    const pos = d.index;
    if (isClaimed(doc, span.start + pos)) continue;
    const floor = clauseStart(s, pos, 0, MAJOR_BOUNDARY);
    const name = cleanName(o.slice(Math.max(floor, lastCueEnd(cues, pos, floor)), pos)).replace(/^(?:力争)?实现/, '');
    const ctx = contextAt(pos);
    const pseudo: Mention = { start: pos, end: pos + d[0].length, value: null, upper: null, unit: '', text: d[0], approx: '', suffix: '', chinese: false, blank: false };
    const c = baseCandidate(doc, span, s, pseudo, ctx, name, 'relative-multiple');
    c.kind = 'target';
    c.relative_kind = 'multiple';
    c.relative_amount = d[1] === '两' ? 4 : 2;
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
    const c = baseCandidate(doc, span, s, pseudo, contextAt(pos), name, 'list-shared-unit');
    c.confidence = clamp(c.confidence - 0.1);
    candidates.push(c);
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
function baseCandidate(doc: DocumentView, span: Span, s: string, m: Mention, ctx: Context, name: string, rule: string): Candidate {
  const c = emptyCandidate();
  c.indicator_zh = name;
  c.rule = rule;
  c.offset = span.start + m.start;
  c.value = m.value;
  c.unit = m.unit;
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
    c.kind = /力争|目标|预计|计划/.test(s) ? 'target' : 'observed';
    confidence = 0.3;
  }
  // quote: from the cue (if in this sentence and near) or the clause start, to the end of the value's clause
  const clause0 = clauseStart(s, m.start, 0, MAJOR_BOUNDARY);
  const qStart = cue && !ctx.carried && m.start - cue.start < 120 ? Math.min(cue.start, clause0) : clause0;
  const qEnd = Math.max(clauseEnd(s, m.end, s.length, MAJOR_BOUNDARY), m.end);
  c.quote = quoteOf(doc, span.start + qStart, span.start + qEnd).quote;
  c.comparator = comparatorOf(s.slice(Math.max(0, m.start - 6), m.start), m.suffix, m.approx, c.kind);
  if (m.blank) c.comparator = m.suffix === '以上' ? '>=' : c.kind === 'target' ? '=' : '';
  c.measure = measureOf(name, m.unit);
  const context = s.slice(clause0, m.start);
  c.accumulation = accumulationOf(context, name, m.unit, c.period_start !== null);
  if (c.accumulation !== 'cumulative' && rule !== 'growth-rate') {
    c.period_start = null;
    c.period_end = null;
  }
  if (looksLikeIndicator(name)) confidence += 0.1;
  if (m.chinese) confidence -= 0.15;
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
function attachRelative(doc: DocumentView, previous: Candidate, basePhrase: string, m: Mention, out: Candidate[], span: Span): void {
  const cues = timeCues(basePhrase, doc.baseYear);
  const baseYear = cues.length ? cues[0]!.year : /上年|去年/.test(basePhrase) && previous.year !== null ? previous.year - 1 : null;
  if (m.unit === '%') {
    previous.relative_kind = 'increase-percent';
    previous.relative_amount = m.value;
    previous.relative_base_year = baseYear;
    return;
  }
  if (previous.unit !== m.unit || previous.value === null || m.value === null || baseYear === null) return;
  if (previous.relative_kind === '') {
    previous.relative_kind = 'increase';
    previous.relative_amount = m.value;
    previous.relative_base_year = baseYear;
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
    rule: 'derived-difference',
    offset: span.start + m.start,
    confidence: clamp(previous.confidence - 0.1),
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
