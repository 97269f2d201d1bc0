/**
 * `extractCandidates`: propose indicator rows from the text of a planning document. Runs the table rule first
 * (it claims its lines), then the sentence rules paragraph by paragraph, merges duplicates (the same figure
 * stated in a table and in prose) and drops candidates below `minConfidence`.
 *
 * The extractor reads only the document: no dataset, no list of known indicators or values.
 */
import type { Candidate } from './candidate.ts';
import { documentView } from './document.ts';
import { isHeading, sentenceCandidates, type SectionState } from './rules/sentence.ts';
import { tableCandidates } from './rules/table.ts';
import { paragraphs } from './segment.ts';

/** Options of {@link extractCandidates}; every field is optional. */
export interface ExtractOptions {
  /** file name, used in warnings */
  file?: string;
  /**
   * Candidates below this confidence are dropped.
   * @default 0.5
   */
  minConfidence?: number;
  /**
   * Merge candidates with the same year, kind, value and unit whose names overlap (a table row and the
   * sentence restating it), keeping the more confident one. Off by default: the seed dataset records every
   * statement of a figure as its own row, each with its own quote.
   * @default false
   */
  dedupe?: boolean;
}

/** What {@link extractCandidates} returns. */
export interface ExtractResult {
  /** in document order */
  candidates: Candidate[];
  warnings: string[];
  /** the plan's base year as inferred from the text (latest observed year before the first target) */
  baseYear: number | null;
}

/**
 * Propose candidate indicator rows from a planning document's text.
 *
 * @param text the decoded document (see `decodeDocument`)
 * @param options see {@link ExtractOptions}
 * @example
 * const { candidates } = extractCandidates('截至2020年底，国家级高新技术企业146家。', { file: 'plan.txt' });
 * // [{ indicator_zh: '国家级高新技术企业', kind: 'observed', year: 2020, value: 146, unit: '家', ... }]
 */
export function extractCandidates(text: string, options: ExtractOptions = {}): ExtractResult {
  const file = options.file ?? '<text>';
  const minConfidence = options.minConfidence ?? 0.5;
  const dedupe = options.dedupe ?? false;
  const warnings: string[] = [];
  if (text.trim().length === 0) {
    return { candidates: [], warnings: [`${file}: empty document, nothing to extract`], baseYear: null };
  }
  const doc = documentView(text, file);
  const all: Candidate[] = [...tableCandidates(doc)];
  // the time context carries from paragraph to paragraph until a heading starts a new section
  const state: SectionState = { carried: null, targets: false };
  for (const para of paragraphs(doc.norm)) {
    if (isHeading(para.text)) {
      state.carried = null;
      state.targets = /目标|展望/.test(para.text);
      continue;
    }
    for (const c of sentenceCandidates(doc, para, state)) all.push(c);
  }
  all.sort((a, b) => a.offset - b.offset || b.confidence - a.confidence);
  const kept = (dedupe ? mergeDuplicates(all) : all).filter((c) => c.confidence >= minConfidence);
  if (kept.length === 0) warnings.push(`${file}: no indicator values found (no number with a unit and a year context)`);
  if (doc.baseYear === null) warnings.push(`${file}: no base year found; observed/target is guessed from wording only`);
  return { candidates: kept, warnings, baseYear: doc.baseYear };
}

/** Character bigrams of a name, for overlap. */
function bigrams(s: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 1 < s.length; i++) out.add(s.slice(i, i + 2));
  return out;
}

function namesOverlap(a: string, b: string): boolean {
  if (!a || !b) return false;
  if (a.includes(b) || b.includes(a)) return true;
  const x = bigrams(a);
  const y = bigrams(b);
  let common = 0;
  for (const g of x) if (y.has(g)) common++;
  return common / Math.min(x.size, y.size) >= 0.5;
}

/** Keep one candidate per (year, kind, value, unit) among those whose names overlap. O(n · k), k = same-key count. */
function mergeDuplicates(candidates: Candidate[]): Candidate[] {
  const byKey = new Map<string, Candidate[]>();
  const dropped = new Set<Candidate>();
  for (const c of candidates) {
    if (c.value === null) continue;
    const key = `${c.year}|${c.kind}|${c.value}|${c.unit}`;
    const list = byKey.get(key) ?? [];
    // two cells of one table are two rows even when their names overlap (信创:1500, 新兴服务业:1500)
    const twin = list.find(
      (o) => !(o.rule === 'table-cell' && c.rule === 'table-cell') && namesOverlap(o.indicator_zh, c.indicator_zh),
    );
    if (twin) {
      if (c.confidence > twin.confidence) {
        dropped.add(twin);
        list[list.indexOf(twin)] = c;
      } else dropped.add(c);
    } else list.push(c);
    byKey.set(key, list);
  }
  return candidates.filter((c) => !dropped.has(c));
}
