/**
 * @trajectory/extract: read a planning document and propose indicator rows (observations and targets, with
 * quotes) for an analyst to confirm.
 */

// Reading a document
export { decodeDocument, type DecodedDocument } from './decode.ts';
export { looksLikeHtml, stripHtml } from './html.ts';

// Extracting candidates
export { extractCandidates, type ExtractOptions, type ExtractResult } from './extract.ts';
export { emptyCandidate, type AnalystField, type Candidate, type RelativeKind } from './candidate.ts';

// Building blocks
// number parsing lives in @trajectory/core; re-exported for callers of this package's earlier API
export { parseChineseNumeral, parseNumberText, toHalfWidth } from '@trajectory/core';
export { valueMentions, UNITS, type Mention } from './mentions.ts';
export { fiveYearPlanPeriod, inferBaseYear, timeCues, type TimeCue } from './time-context.ts';
export { paragraphs, type Paragraph, type Span } from './segment.ts';

// Output and evaluation
export { CSV_COLUMNS, candidateRow, candidateRows, candidatesToCsv, writeCandidatesCsv, type CsvRow } from './csv.ts';
export {
  evaluateCandidates,
  type ConfidenceBin,
  type EvaluationReport,
  type DocumentScore,
  type ReferenceRow,
} from './evaluate.ts';
