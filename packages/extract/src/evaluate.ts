/**
 * Precision and recall of extracted candidates against a curated reference (the seed dataset).
 *
 * A candidate matches a reference row when the document, the kind (observed/target), the year and the value
 * agree; values are compared to 9 significant digits (relative difference below ~1e-9, so 55 matches 55 and
 * 461.53 matches 626.13 − 164.6 computed in floating point), and a blank (`null`) matches a blank. Matching is
 * one to one: within each (doc, kind, year, value) group, min(#candidates, #reference rows) pairs match, so a
 * figure proposed twice counts once and two reference rows with the same figure need two candidates.
 *
 * precision = matched / candidates, recall = matched / reference rows.
 */
import type { Candidate } from './candidate.ts';

/** The fields of a reference row the comparison needs. */
export interface ReferenceRow {
  doc: string;
  kind: 'observed' | 'target';
  year: number | null;
  value: number | null;
  id?: string;
  indicator_zh?: string;
}

/** Scores of one document. */
export interface DocumentScore {
  doc: string;
  candidates: number;
  reference: number;
  matched: number;
  precision: number;
  recall: number;
  /** reference rows no candidate matched */
  missed: ReferenceRow[];
  /** candidates that matched no reference row */
  unmatched: Candidate[];
}

/** Precision of the candidates whose confidence lies in `[lower, upper)` (the last bin includes 1). */
export interface ConfidenceBin {
  lower: number;
  upper: number;
  candidates: number;
  matched: number;
  precision: number;
}

/** Per-document scores, their totals and the calibration by confidence. */
export interface EvaluationReport {
  documents: DocumentScore[];
  overall: Omit<DocumentScore, 'doc' | 'missed' | 'unmatched'>;
  /** calibration: precision by confidence, in bins of 0.1 (empty bins omitted) */
  byConfidence: ConfidenceBin[];
}

function valueKey(v: number | null): string {
  return v === null ? 'null' : String(Number(v.toPrecision(9)));
}

function key(kind: string, year: number | null, value: number | null): string {
  return `${kind}|${year ?? 'null'}|${valueKey(value)}`;
}

/**
 * Score candidates per document against reference rows.
 *
 * @param candidatesByDoc candidates keyed by the reference's `doc` value
 * @param reference the curated rows (all documents)
 * @example
 * const report = evaluateCandidates({ 'a.txt': candidates }, rows);
 * report.overall.recall // 0.93
 */
export function evaluateCandidates(candidatesByDoc: Record<string, Candidate[]>, reference: ReferenceRow[]): EvaluationReport {
  const matchedConfidences: number[] = [];
  const docs = [...new Set([...Object.keys(candidatesByDoc), ...reference.map((r) => r.doc)])].sort();
  const documents: DocumentScore[] = docs.map((doc) => {
    const cands = candidatesByDoc[doc] ?? [];
    const refs = reference.filter((r) => r.doc === doc);
    const byKey = new Map<string, { c: Candidate[]; r: ReferenceRow[] }>();
    const slot = (k: string) => {
      let s = byKey.get(k);
      if (!s) byKey.set(k, (s = { c: [], r: [] }));
      return s;
    };
    for (const c of cands) slot(key(c.kind, c.year, c.value)).c.push(c);
    for (const r of refs) slot(key(r.kind, r.year, r.value)).r.push(r);
    let matched = 0;
    const missed: ReferenceRow[] = [];
    const unmatched: Candidate[] = [];
    for (const { c, r } of byKey.values()) {
      const n = Math.min(c.length, r.length);
      matched += n;
      // keep the most confident candidates as the matched ones
      const ranked = [...c].sort((a, b) => b.confidence - a.confidence);
      for (const x of ranked.slice(0, n)) matchedConfidences.push(x.confidence);
      unmatched.push(...ranked.slice(n));
      missed.push(...r.slice(n));
    }
    return { doc, candidates: cands.length, reference: refs.length, matched, precision: ratio(matched, cands.length), recall: ratio(matched, refs.length), missed, unmatched };
  });
  const candidates = documents.reduce((s, d) => s + d.candidates, 0);
  const ref = documents.reduce((s, d) => s + d.reference, 0);
  const matched = documents.reduce((s, d) => s + d.matched, 0);
  const byConfidence: ConfidenceBin[] = [];
  const unmatchedConfidences = documents.flatMap((d) => d.unmatched.map((c) => c.confidence));
  const bin = (x: number) => Math.min(9, Math.floor(x * 10 + 1e-9));
  for (let b = 0; b < 10; b++) {
    const m = matchedConfidences.filter((x) => bin(x) === b).length;
    const n = m + unmatchedConfidences.filter((x) => bin(x) === b).length;
    if (n > 0) byConfidence.push({ lower: b / 10, upper: (b + 1) / 10, candidates: n, matched: m, precision: m / n });
  }
  return { documents, overall: { candidates, reference: ref, matched, precision: ratio(matched, candidates), recall: ratio(matched, ref) }, byConfidence };
}

function ratio(a: number, b: number): number {
  return b === 0 ? (a === 0 ? 1 : 0) : a / b;
}
