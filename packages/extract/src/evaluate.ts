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
  /** optional fields compared on matched pairs (see `EvaluationReport.fieldAgreement`) */
  unit?: string;
  comparator?: string | null;
  measure?: string;
  accumulation?: string;
  period_start?: number | null;
  period_end?: number | null;
  relative_kind?: string | null;
}

/** The fields whose agreement is measured on matched pairs. */
export const COMPARED_FIELDS = ['unit', 'comparator', 'measure', 'accumulation', 'period', 'relative_kind'] as const;

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
  /**
   * On matched pairs (paired within a match group by name overlap), the share whose other fields agree:
   * unit, comparator ('' and null equal), measure, accumulation, period (start and end), relative_kind.
   * Only pairs whose reference row states the field are counted.
   */
  fieldAgreement: Record<(typeof COMPARED_FIELDS)[number], { compared: number; agree: number; rate: number }>;
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
export function evaluateCandidates(
  candidatesByDoc: Record<string, Candidate[]>,
  reference: ReferenceRow[],
): EvaluationReport {
  const matchedConfidences: number[] = [];
  const pairs: Array<[Candidate, ReferenceRow]> = [];
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
      pairs.push(...pairByName(ranked.slice(0, n), r));
      unmatched.push(...ranked.slice(n));
      missed.push(...r.slice(n));
    }
    return {
      doc,
      candidates: cands.length,
      reference: refs.length,
      matched,
      precision: ratio(matched, cands.length),
      recall: ratio(matched, refs.length),
      missed,
      unmatched,
    };
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
  const empty = (v: unknown) => v === null || v === undefined || v === '';
  const fieldAgreement = Object.fromEntries(
    COMPARED_FIELDS.map((field) => {
      let compared = 0;
      let agree = 0;
      for (const [c, r] of pairs) {
        const [mine, theirs] =
          field === 'period'
            ? [
                `${c.period_start ?? ''}-${c.period_end ?? ''}`,
                r.period_start === undefined ? undefined : `${r.period_start ?? ''}-${r.period_end ?? ''}`,
              ]
            : [c[field], r[field]];
        if (
          theirs === undefined ||
          (field !== 'comparator' && field !== 'relative_kind' && field !== 'period' && empty(theirs))
        )
          continue;
        compared++;
        if ((empty(mine) && empty(theirs)) || mine === theirs) agree++;
      }
      return [field, { compared, agree, rate: ratio(agree, compared) }];
    }),
  ) as EvaluationReport['fieldAgreement'];
  return {
    documents,
    overall: {
      candidates,
      reference: ref,
      matched,
      precision: ratio(matched, candidates),
      recall: ratio(matched, ref),
    },
    byConfidence,
    fieldAgreement,
  };
}

function ratio(a: number, b: number): number {
  return b === 0 ? (a === 0 ? 1 : 0) : a / b;
}

/** Pair candidates with reference rows of one match group, most similar names first (greedy). */
function pairByName(cands: Candidate[], refs: ReferenceRow[]): Array<[Candidate, ReferenceRow]> {
  const grams = (x: string) => {
    const g = new Set<string>();
    for (let i = 0; i + 1 < x.length; i++) g.add(x.slice(i, i + 2));
    return g;
  };
  const scored: Array<[number, number, number]> = [];
  cands.forEach((c, i) =>
    refs.forEach((r, j) => {
      const a = grams(c.indicator_zh);
      const b = grams(r.indicator_zh ?? '');
      let common = 0;
      for (const x of a) if (b.has(x)) common++;
      scored.push([common / Math.max(1, Math.min(a.size, b.size)), i, j]);
    }),
  );
  scored.sort((x, y) => y[0] - x[0]);
  const usedC = new Set<number>();
  const usedR = new Set<number>();
  const out: Array<[Candidate, ReferenceRow]> = [];
  for (const [, i, j] of scored) {
    if (usedC.has(i) || usedR.has(j)) continue;
    usedC.add(i);
    usedR.add(j);
    out.push([cands[i]!, refs[j]!]);
  }
  return out;
}
