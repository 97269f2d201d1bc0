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
import type { DocumentView } from '../document.ts';
import type { Mention } from '../mentions.ts';
import {
  canonicalUnit,
  cleanName,
  comparatorOf,
  endsWithAcquireVerb,
  isAreaUnit,
  isLocative,
  looksLikeIndicator,
} from '../naming.ts';
import type { Paragraph, Span } from '../segment.ts';
import type { TimeCue } from '../time-context.ts';
import { timeCues } from '../time-context.ts';
import { MAJOR_BOUNDARY, clauseEnd, clauseStart } from './clause.ts';
import { fractions, multipleTargets, ranks, ratios, sharedUnitNumbers } from './forms.ts';
import { respectivelyLists } from './list.ts';
import { baseCandidate, baseName, clamp, lastCueEnd, round, sentenceScope } from './scope.ts';

/** What one paragraph hands to the next within a section (reset at headings). */
export interface SectionState {
  /** the last time cue that set the time of what follows */
  carried: TimeCue | null;
  /** the section's heading speaks of aims (发展目标, 主要目标): undated figures are targets */
  targets: boolean;
}

const HEADING =
  /^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d{1,2}\s*[、.．]|第[一二三四五六七八九十]+[章节部分])/;

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
export function sentenceCandidates(
  doc: DocumentView,
  para: Paragraph,
  state: SectionState = { carried: null, targets: false },
): Candidate[] {
  const out: Candidate[] = [];
  let carried: TimeCue | null = state.carried;
  for (const sentence of para.sentences) {
    const found = sentenceLevel(doc, sentence, carried, state.targets);
    for (const c of found.candidates) out.push(c); // not push(...xs): a 1 MB line can hold 100k values
    // only cues that set the time (strength ≥ 0.8) carry over to later sentences
    if (found.lastCue && found.lastCue.strength >= 0.8) carried = found.lastCue;
  }
  // across paragraphs only an explicit "到2025年" / "截至2020年底" carries; period names and bare years do not
  if (carried && carried.kind !== null && carried.strength >= 1) state.carried = carried;
  return out;
}

function sentenceLevel(
  doc: DocumentView,
  span: Span,
  carried: TimeCue | null,
  targetSection: boolean,
): { candidates: Candidate[]; lastCue: TimeCue | null } {
  const scope = sentenceScope(doc, span, carried, targetSection);
  const { s, o, own, usable, contextAt } = scope;
  const candidates: Candidate[] = [];
  const byOffset = new Map<number, Candidate>();

  // 1. 分别 lists
  const consumed = new Set<number>();
  for (const pair of respectivelyLists(s, usable, o)) {
    consumed.add(pair.mention.start);
    const ctx = contextAt(pair.mention.start);
    const c = baseCandidate(scope, pair.mention, ctx, pair.name, 'list-respectively');
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
        const c = baseCandidate(scope, m, ctx, `${previous.indicator_zh}比${rel[1]!.trim()}增加额`, 'increase');
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
    if (
      m.unit === '%' &&
      /(?:年均|平均|复合|同比)?(?:增长|增速|增幅)(?:率)?(?:为|达|达到|超|超过|保持在)?\s*$/.test(tail)
    ) {
      const own = cleanName(prefixOrig.replace(/(?:年均|平均|复合|同比)?(?:增长|增速|增幅).*$/, ''));
      const name = `${own || previous?.indicator_zh || ''}${/年均|平均/.test(tail) ? '年均增长率' : '增长率'}`;
      const c = baseCandidate(scope, m, ctx, name, 'growth-rate');
      c.measure = 'growth';
      c.accumulation = '';
      const since = /比\s*(\d{4})\s*年/.exec(s.slice(Math.max(0, m.start - 60), m.start));
      if (since && c.year !== null && +since[1]! < c.year) {
        c.period_start = +since[1]! + 1;
        c.period_end = c.year;
      } else if (
        /年均|平均/.test(tail) &&
        c.kind === 'target' &&
        doc.baseYear !== null &&
        c.year !== null &&
        c.year > doc.baseYear
      ) {
        // "到2025年…年均增长8%": the average runs over the plan period
        c.period_start = doc.baseYear + 1;
        c.period_end = c.year;
      }
      c.confidence = clamp(c.confidence - (own || previous ? 0 : 0.2));
      candidates.push(c);
      continue;
    }
    // share: "占全市21.6%" right after a value qualifies it; on its own it is a share indicator
    const share = /占\s*(全市|全国|全省|全区|新区|本区|滨海新区|全市各区)?(?:的)?(?:比重)?(?:为|达|达到)?\s*$/.exec(
      tail,
    );
    if (share && m.unit === '%') {
      const shareScope = share[1] ?? '';
      const between = previous ? s.slice(previousEnd, m.start - share[0].length) : 'x';
      const qualifies = previous !== null && /^[\s,，、]*$/.test(between);
      const shareText = o.slice(m.start - share[0].length, m.end);
      if (qualifies && previous!.relative_kind === '') {
        previous!.relative_kind = 'share';
        previous!.relative_amount = m.value;
        previous!.relative_text = shareText;
        previous!.scope = shareScope;
      }
      // the share is also a figure of its own (雏鹰企业占全市比重 15%), named after the value it qualifies
      const own = cleanName(
        prefixOrig.replace(/占\s*(?:全市|全国|全省|全区|新区|本区|滨海新区)?(?:的)?(?:比重)?(?:为|达|达到)?\s*$/, ''),
      );
      const subject = own || (qualifies ? baseName(previous!.indicator_zh) : '');
      const name = subject ? `${subject}占${shareScope}比重` : `占${shareScope}比重`;
      const c = baseCandidate(scope, m, ctx, name, 'share');
      c.relative_kind = 'share';
      c.relative_amount = m.value;
      c.relative_text = shareText;
      c.scope = shareScope;
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
    if (
      previous &&
      previous.unit === canonicalUnit(m.unit).unit &&
      /^(?:累计|合计|其中|共计)?(?:登记|认定|完成|引进)?$/.test(name) &&
      name.length <= 4
    ) {
      name = `${baseName(previous.indicator_zh)}${/累计|合计|共计/.test(name) ? '（累计）' : ''}`;
    }
    const c = baseCandidate(scope, m, ctx, name, rule);
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
      candidates.push({
        ...c,
        value: m.upper,
        comparator: '<=',
        rule: `${rule}-range-high`,
        note: `high end of the range ${c.value_text}`,
      });
    }
    previous = c;
    previousEnd = m.end;
  }

  for (const rule of [multipleTargets, sharedUnitNumbers, ranks, fractions, ratios])
    for (const c of rule(scope)) candidates.push(c);

  const lastCue = own.length ? own[own.length - 1]! : null;
  return { candidates, lastCue };
}

/**
 * "…X，比<base>增长N%/增加N<unit>": record the relative form on the previous candidate and, for an absolute
 * increase in the same unit, derive the base-year observation (X − N) as its own candidate.
 */
function attachRelative(
  doc: DocumentView,
  previous: Candidate,
  basePhrase: string,
  m: Mention,
  out: Candidate[],
  span: Span,
  relText: string,
): void {
  const cues = timeCues(basePhrase, doc.baseYear);
  const baseYear = cues.length
    ? cues[0]!.year
    : /上年|去年/.test(basePhrase) && previous.year !== null
      ? previous.year - 1
      : null;
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
  derived.quote = previous.quote.includes(derived.value_text)
    ? previous.quote
    : doc.text.slice(span.start, span.end).trim();
  out.push(derived);
}
