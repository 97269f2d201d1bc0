/**
 * `trajectory extract <plan.txt> [--json] [--out candidates.csv] [--min-confidence 0.5]`: propose indicator rows
 * from a planning document. Thin: decoding, extraction and CSV writing live in @trajectory/extract.
 */
import {
  candidatesToCsv,
  decodeDocument,
  extractCandidates,
  writeCandidatesCsv,
  type Candidate,
} from '@trajectory/extract';
import { readStdin } from '../read-stdin.ts';
import { parseCommandArgs, printError } from '../command-args.ts';
import { LIMITS, parseByteSize, terminalSafe } from '@trajectory/core';
import { readFileBounded } from '@trajectory/core/node';
import { alignColumns, columnWidths } from '../text-table.ts';

const USAGE = `usage: trajectory extract <plan.txt> [--json] [--out candidates.csv] [--min-confidence 0.5]

Reads a planning document ('-' for standard input; UTF-8, or GBK/GB18030 with a warning; HTML debris is stripped) and proposes
candidate indicator rows: indicator, observed/target, year, value, unit, comparator, relative form, quote,
with the confidence and the rule that found each.

  --json               print {file, encoding, baseYear, warnings, candidates} as JSON
  --out <file.csv>     also write the candidates as CSV for review: the seed dataset's columns, confirmed = no,
                       confidence and rule (UTF-8 BOM for Excel). Fill in region, indicator, indicator_en,
                       write yes in 'confirmed' on the rows you keep, then: trajectory assess --data <file.csv>
                       '-' writes the CSV to stdout instead of the table (a FIFO, device or symlink is refused)
  --min-confidence <x> drop candidates below x (default 0.5)
  --max-file-bytes <n> largest document read (default ${LIMITS.fileBytes / 1024 / 1024}M; K, M, G suffixes)`;

/**
 * Run `trajectory extract`; resolves to the exit code (0 ok, 1 failure, 2 bad arguments).
 * @example
 * const code = await run(['plan.txt', '--json']);
 */
export async function run(argv: string[]): Promise<number> {
  const parsed = parseCommandArgs(
    'extract',
    USAGE,
    argv,
    {
      json: { type: 'boolean', default: false },
      out: { type: 'string' },
      'min-confidence': { type: 'string' },
      'max-file-bytes': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    { allowPositionals: true },
  );
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  if (positionals.length !== 1) {
    printError('extract', `expected one document, got ${positionals.length}`, USAGE);
    return 2;
  }
  const file = positionals[0]!;
  const minConfidence = values['min-confidence'] === undefined ? 0.5 : Number(values['min-confidence']);
  if (!Number.isFinite(minConfidence) || minConfidence < 0 || minConfidence > 1) {
    printError('extract', `--min-confidence must be a number in [0, 1], got '${values['min-confidence']}'`);
    return 2;
  }
  const maxBytes = values['max-file-bytes'] === undefined ? LIMITS.fileBytes : parseByteSize(values['max-file-bytes']);
  if (maxBytes === undefined) {
    printError('extract', `--max-file-bytes must be a size such as 512M, got '${values['max-file-bytes']}'`);
    return 2;
  }
  let bytes: Buffer;
  try {
    bytes = file === '-' ? await readStdin(maxBytes) : readFileBounded(file, { maxBytes });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    printError('extract', code ? `cannot read ${file}: ${code}` : (error as Error).message);
    return 1;
  }
  let decoded;
  try {
    decoded = decodeDocument(bytes, file);
  } catch (error) {
    printError('extract', (error as Error).message);
    return 1;
  }
  const result = extractCandidates(decoded.text, { file, minConfidence });
  const warnings = [...decoded.warnings, ...result.warnings];
  if (values.out === '-') {
    for (const w of warnings) console.error(terminalSafe(`warning: ${w}`));
    process.stdout.write(candidatesToCsv(result.candidates, file));
    return 0;
  }
  if (values.out) {
    try {
      writeCandidatesCsv(values.out, result.candidates, file);
    } catch (error) {
      printError('extract', `cannot write ${values.out}: ${(error as Error).message}`);
      return 1;
    }
  }
  if (values.json) {
    console.log(
      JSON.stringify(
        { file, encoding: decoded.encoding, baseYear: result.baseYear, warnings, candidates: result.candidates },
        null,
        2,
      ),
    );
  } else {
    for (const w of warnings) console.error(terminalSafe(`warning: ${w}`));
    console.log(terminalSafe(formatTable(result.candidates)));
    console.log(
      `\n${result.candidates.length} candidates from ${file} (base year ${result.baseYear ?? 'unknown'})${values.out ? `; written to ${values.out}` : ''}`,
    );
  }
  return 0;
}

/** A readable fixed-width table (CJK characters count as two columns). */
function formatTable(candidates: Candidate[]): string {
  const header = ['conf', 'kind', 'year', 'value', 'unit', 'cmp', 'indicator', 'relative', 'rule'];
  const rows = candidates.map((c) => [
    c.confidence.toFixed(2),
    c.kind,
    String(c.year ?? '?'),
    c.value === null ? '(blank)' : String(c.value),
    c.unit,
    c.comparator,
    truncate(c.indicator_zh, 28),
    c.relative_kind
      ? `${c.relative_kind} ${c.relative_amount ?? ''}${c.relative_base_year ? ` vs ${c.relative_base_year}` : ''}${c.scope ? ` ${c.scope}` : ''}`
      : '',
    c.rule,
  ]);
  const rule = columnWidths([header, ...rows]).map((w) => '-'.repeat(w));
  return alignColumns([header, rule, ...rows]).join('\n');
}

function truncate(s: string, n: number): string {
  const chars = [...s];
  return chars.length > n ? `${chars.slice(0, n - 1).join('')}…` : s;
}
