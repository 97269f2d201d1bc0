/**
 * Evaluate the extractor on the five seed documents against the curated dataset `seeds/indicators.csv`:
 * precision and recall per document and overall (see `evaluateCandidates` for the matching rule).
 *
 *   pnpm exec tsx packages/extract/scripts/evaluate.ts            # table
 *   pnpm exec tsx packages/extract/scripts/evaluate.ts --details  # plus missed rows and unmatched candidates
 *   pnpm exec tsx packages/extract/scripts/evaluate.ts --json
 *   pnpm exec tsx packages/extract/scripts/evaluate.ts --min-confidence 0.4   # another threshold (default 0.5)
 *   pnpm exec tsx packages/extract/scripts/evaluate.ts --min-confidence 0 --calibration   # precision by confidence
 *   pnpm exec tsx packages/extract/scripts/evaluate.ts --fields   # agreement of unit, comparator, … on matched rows
 *
 * Only this script (and the test that calls it) reads the curated dataset; the extractor sees the document only.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadSeedDocuments, loadSeedRows, seedDocumentPath } from '@trajectory/datasets/node';
import type { Candidate } from '../src/candidate.ts';
import { decodeDocument } from '../src/decode.ts';
import { evaluateCandidates, type EvaluationReport, type ReferenceRow } from '../src/evaluate.ts';
import { extractCandidates } from '../src/extract.ts';

/** Run the extractor on every seed document and score it against the curated rows. */
export function evaluateSeeds(options: { minConfidence?: number } = {}): EvaluationReport {
  const byDoc: Record<string, Candidate[]> = {};
  for (const { doc } of loadSeedDocuments()) {
    const path = seedDocumentPath(doc);
    const { text } = decodeDocument(readFileSync(path), doc);
    byDoc[doc] = extractCandidates(text, { file: doc, ...options }).candidates;
  }
  const reference: ReferenceRow[] = loadSeedRows({ checkQuotes: false }).map((r) => ({
    doc: r.doc,
    kind: r.kind,
    year: r.year,
    value: r.value,
    id: r.id,
    indicator_zh: r.indicator_zh,
    unit: r.unit,
    comparator: r.comparator,
    measure: r.measure,
    accumulation: r.accumulation,
    period_start: r.period_start,
    period_end: r.period_end,
    relative_kind: r.relative_kind,
  }));
  return evaluateCandidates(byDoc, reference);
}

/** The report as a fixed-width table. */
export function formatReport(report: EvaluationReport): string {
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  const lines = ['document                                   reference  candidates  matched  precision  recall'];
  for (const d of report.documents) {
    lines.push(
      `${d.doc.padEnd(42)} ${String(d.reference).padStart(9)}  ${String(d.candidates).padStart(10)}  ${String(d.matched).padStart(7)}  ${pct(d.precision).padStart(9)}  ${pct(d.recall).padStart(6)}`,
    );
  }
  const o = report.overall;
  lines.push(
    `${'overall'.padEnd(42)} ${String(o.reference).padStart(9)}  ${String(o.candidates).padStart(10)}  ${String(o.matched).padStart(7)}  ${pct(o.precision).padStart(9)}  ${pct(o.recall).padStart(6)}`,
  );
  return lines.join('\n');
}

/** Precision by confidence bin (calibration). */
export function formatCalibration(report: EvaluationReport): string {
  const lines = ['confidence  candidates  matched  precision'];
  for (const b of report.byConfidence) {
    lines.push(
      `${b.lower.toFixed(1)}–${b.upper.toFixed(1)}  ${String(b.candidates).padStart(10)}  ${String(b.matched).padStart(7)}  ${(100 * b.precision).toFixed(1).padStart(8)}%`,
    );
  }
  return lines.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2).filter((a) => a !== '--');
  const at = args.indexOf('--min-confidence');
  const report = evaluateSeeds(at >= 0 ? { minConfidence: Number(args[at + 1]) } : {});
  if (args.includes('--json')) {
    console.log(
      JSON.stringify(
        {
          documents: report.documents.map(({ missed, unmatched, ...d }) => ({
            ...d,
            missed: missed.map((r) => r.id),
            unmatched: unmatched.length,
          })),
          overall: report.overall,
        },
        null,
        2,
      ),
    );
  } else {
    console.log(formatReport(report));
    if (args.includes('--calibration')) console.log(`\n${formatCalibration(report)}`);
    if (args.includes('--fields')) {
      console.log('\nfield agreement on matched pairs');
      for (const [field, a] of Object.entries(report.fieldAgreement))
        console.log(`  ${field.padEnd(14)} ${a.agree}/${a.compared} = ${(100 * a.rate).toFixed(1)}%`);
    }
    if (args.includes('--details')) {
      for (const d of report.documents) {
        console.log(`\n== ${d.doc}: missed ${d.missed.length}`);
        for (const r of d.missed) console.log(`  - ${r.kind} ${r.year} ${r.value} ${r.id} ${r.indicator_zh}`);
        console.log(`== ${d.doc}: unmatched candidates ${d.unmatched.length}`);
        for (const c of d.unmatched)
          console.log(
            `  + ${c.kind} ${c.year} ${c.value} ${c.unit} ${c.confidence} ${c.rule} ${c.indicator_zh} | ${c.quote.slice(0, 60).replace(/\n/g, ' ')}`,
          );
      }
    }
  }
}
