/**
 * What every sentence rule sees: the sentence (normalised and as written, same offsets), its time cues, its value
 * mentions, and `contextAt(pos)`, the time context at a position; plus `baseCandidate`, which fills the fields all
 * rules share. Lookups are binary searches so a sentence that is a whole 1 MB line stays linear.
 */
import type { Candidate } from '../candidate.ts';
import { emptyCandidate } from '../candidate.ts';
import type { DocumentView } from '../document.ts';
import { isClaimed, quoteOf } from '../document.ts';
import type { Mention } from '../mentions.ts';
import { valueMentions } from '../mentions.ts';
import {
  accumulationOf,
  canonicalUnit,
  comparatorOf,
  looksLikeIndicator,
  measureOf,
  perTenThousandUnit,
} from '../naming.ts';
import type { Span } from '../segment.ts';
import type { TimeCue } from '../time-context.ts';
import { timeCues } from '../time-context.ts';
import { MAJOR_BOUNDARY, clauseEnd, clauseStart } from './clause.ts';

/** The time context of a value. */
export interface Context {
  cue: TimeCue | null;
  /** the cue was found in an earlier sentence of the paragraph (or an earlier paragraph of the section) */
  carried: boolean;
}

/** One sentence as the rules see it. */
export interface SentenceScope {
  doc: DocumentView;
  span: Span;
  /** normalised sentence text (full-width digits and punctuation as ASCII) */
  s: string;
  /** the sentence as written, same offsets: names and quotes are cut from it */
  o: string;
  cues: TimeCue[];
  /** cues that give a value its own time (not 比/较 comparison bases) */
  own: TimeCue[];
  /** value mentions outside time cues and outside claimed (table) ranges */
  usable: Mention[];
  /** the section's heading speaks of aims: undated figures are targets */
  targetSection: boolean;
  contextAt(pos: number): Context;
}

/** How far before an undated value future wording (力争, 打造…) makes it a target, in characters. */
const FUTURE_WINDOW = 120;

/** How many cues to look past when searching for a strong one (bounds the work per mention). */
const CUE_WINDOW = 8;

/**
 * Build the scope of one sentence.
 *
 * @param carried the cue carried from earlier sentences or paragraphs, if any
 * @example sentenceScope(doc, paragraphs(doc.norm)[0]!.sentences[0]!, null, false).usable.length
 */
export function sentenceScope(
  doc: DocumentView,
  span: Span,
  carried: TimeCue | null,
  targetSection: boolean,
): SentenceScope {
  const s = doc.norm.slice(span.start, span.end);
  const o = doc.text.slice(span.start, span.end);
  const cues = timeCues(s, doc.baseYear);
  const own = cues.filter((c) => !c.comparison);
  const contextAt = (pos: number): Context => {
    // the last cue before pos that sets the time; a weak one ("2019年国家科技进步一等奖") only if nothing else
    let weak: TimeCue | null = null;
    const last = lastEndingBefore(own, pos);
    for (let i = last; i >= 0 && i > last - CUE_WINDOW; i--) {
      if (own[i]!.strength >= 0.8) return { cue: own[i]!, carried: false };
      weak ??= own[i]!;
    }
    if (carried) return { cue: carried, carried: true };
    if (weak) return { cue: weak, carried: false };
    // a time stated later in the same sentence ("…占地面积110亩，…，预计2022年建成")
    const next = lastStartingAtOrBefore(own, pos) + 1;
    for (let i = next; i < own.length && i < next + CUE_WINDOW; i++) {
      const later = own[i]!;
      if (later.start >= pos && later.strength >= 0.8)
        return { cue: { ...later, strength: later.strength * 0.7 }, carried: false };
    }
    return { cue: null, carried: false };
  };
  // mentions inside a time cue ("用三年时间") or a claimed table are not values
  const usable = valueMentions(s).filter((m) => {
    if (isClaimed(doc, span.start + m.start)) return false;
    const i = lastStartingAtOrBefore(cues, m.start);
    return i < 0 || m.start >= cues[i]!.end;
  });
  return { doc, span, s, o, cues, own, usable, targetSection, contextAt };
}

/**
 * A mention for a value that is not a number with a unit (翻番, 第五, 1/3, 35.6:64.4).
 *
 * @example pseudoMention(10, 12, 2, '位', '第二')
 */
export function pseudoMention(start: number, end: number, value: number | null, unit: string, text: string): Mention {
  return { start, end, value, upper: null, unit, text, approx: '', suffix: '', chinese: false, blank: false };
}

/**
 * Fill the fields every sentence rule shares: year and kind (from the cue, else the plan's base or main target
 * year), unit, quote, comparator, measure, accumulation and period, and the confidence.
 *
 * @example baseCandidate(scope, mention, scope.contextAt(mention.start), '国家级高新技术企业', 'sentence-value')
 */
export function baseCandidate(scope: SentenceScope, m: Mention, ctx: Context, name: string, rule: string): Candidate {
  const { doc, span, s, targetSection } = scope;
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
    // (a bounded window before the value: scanning the whole sentence per value would be quadratic on long lines)
    c.kind =
      targetSection ||
      /力争|目标|预计|计划|规划|将|拟|争取|打造|建设|建成|引进|培育|吸引/.test(
        s.slice(Math.max(0, m.start - FUTURE_WINDOW), m.start + 1),
      )
        ? 'target'
        : 'observed';
    c.year = c.kind === 'target' ? doc.targetYear : doc.baseYear;
    c.note =
      c.kind === 'target'
        ? "no year stated: the plan's main target year assumed"
        : "no year stated: the plan's base year assumed";
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
  if (
    c.kind === 'target' &&
    c.accumulation !== 'cumulative' &&
    c.measure === 'count' &&
    /新增|引进|承接|完成|培养|成立|吸引/.test(context + name) &&
    doc.baseYear !== null &&
    c.year !== null &&
    c.year > doc.baseYear
  ) {
    c.accumulation = 'cumulative';
    c.period_start = doc.baseYear + 1;
    c.period_end = c.year;
  }
  // a cumulative target without its own period ("五年累计完成…") runs from the year after the base year
  if (c.accumulation === 'cumulative' && c.period_start === null && c.kind === 'target' && c.year !== null) {
    const span = /([一二两三四五六七八九十]|\d{1,2})\s*年(?:累计|共|合计|内|间)/.exec(context);
    const years = span
      ? /\d/.test(span[1]!)
        ? +span[1]!
        : '一二三四五六七八九十'.indexOf(span[1]!.replace('两', '二')) + 1
      : null;
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

/** End of the last cue before `pos`, not before `floor` (where an indicator name may start). */
export function lastCueEnd(cues: TimeCue[], pos: number, floor: number): number {
  const i = lastEndingBefore(cues, pos);
  return i >= 0 ? Math.max(floor, cues[i]!.end) : floor;
}

/** Index of the last cue with `end <= pos` (cues are ordered and disjoint), or -1. */
export function lastEndingBefore(cues: TimeCue[], pos: number): number {
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
export function lastStartingAtOrBefore(items: Array<{ start: number }>, pos: number): number {
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

/** Round a derived value to 10 significant decimals so 626.13 − 164.6 prints as 461.53. */
export function round(x: number): number {
  return Number(x.toFixed(10));
}

/** Clamp a confidence to [0, 1], rounded to 0.01. */
export function clamp(x: number): number {
  return Math.max(0, Math.min(1, Math.round(x * 100) / 100));
}

/** The indicator part of a candidate name, without a trailing scope label. */
export function baseName(name: string): string {
  return name.replace(/（[^（）]*）$/, '');
}
