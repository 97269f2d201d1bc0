/**
 * `trajectory review [--data FILE] [--written YEAR] [--as-of YEAR] [--json] [--out DIR [--pdf]]`: every target of a plan
 * against later observations: met, on track (达到序时进度), behind, missed or no data, with P(attain) when the plan
 * was written and now. The logic is `reviewPlan` (@trajectory/forecast); this file parses flags and writes output.
 */
import { terminalSafe } from '@trajectory/core';
import { type PlanReview, reviewPlan } from '@trajectory/forecast';
import { parseCommandArgs, printError, usageError, yearFlag } from '../command-args.ts';
import { loadPlanInput, PLAN_FLAGS } from '../plan-input.ts';
import { writePlanOutput } from '../plan-output.ts';
import { alignColumns, clipDisplay, columnWidths, wrapDisplay } from '../text-table.ts';

const USAGE = `usage: trajectory review [--data FILE] [--written YEAR] [--as-of YEAR] [--json] [--out DIR [--pdf]]

Reviews each target against the observations after its base: status, 序时进度 progress, elapsed share, and
P(attain) when the plan was written and now.
  --data FILE      an indicators file (.csv, or .xlsx with sheet 'indicators') in the seed dataset's columns
                   (default: the seed dataset and its history)
  --written YEAR   the year the plan was written (default: each target's base year)
  --as-of YEAR     ignore observations after YEAR (default: every observation)
  --json           print the review as JSON
  --out DIR        also write DIR/review.json, review.csv, review.xlsx and the report page index.html
  --pdf            with --out: also print the page to DIR/report.pdf (headless Chromium)`;

/**
 * Run `trajectory review`; resolves to the exit code (0 ok, 1 failure, 2 bad arguments).
 * @example
 * const code = await run(['--data', 'examples/review/plan.csv', '--written', '2015', '--json']);
 */
export async function run(argv: string[]): Promise<number> {
  const args = parseCommandArgs('review', USAGE, argv, { ...PLAN_FLAGS, written: { type: 'string' } });
  if (typeof args === 'number') return args;
  const { values } = args;
  const fail = usageError('review', USAGE);
  const written = yearFlag('--written', values.written);
  if ('error' in written) return fail(written.error);
  const asOf = yearFlag('--as-of', values['as-of']);
  if ('error' in asOf) return fail(asOf.error);
  if (values.pdf && values.out === undefined) return fail('--pdf needs --out DIR (the PDF is printed from the page)');
  if (written.value !== undefined && asOf.value !== undefined && written.value > asOf.value)
    return fail(`--written ${written.value} is after --as-of ${asOf.value}`);

  let input: Awaited<ReturnType<typeof loadPlanInput>>;
  try {
    input = await loadPlanInput(values.data, written.value);
  } catch (error) {
    printError('review', error instanceof Error ? error.message : String(error));
    return 1;
  }
  const review = reviewPlan(input.indicators, {
    ...(written.value !== undefined ? { written: written.value } : {}),
    ...(asOf.value !== undefined ? { asOf: asOf.value } : {}),
    evidence: input.evidence,
  });
  console.log(values.json ? JSON.stringify(review, null, 2) : terminalSafe(formatReview(review)));
  if (values.out !== undefined) {
    const { writeReviewReport } = await import('@trajectory/charts/render');
    const files = await writePlanOutput(values.out, {
      name: 'review',
      result: review,
      rows: reviewRows(review),
      report: (dir) => writeReviewReport(dir, review),
      pdf: values.pdf,
    });
    console.error(`wrote ${files.join(', ')}`);
  }
  return 0;
}

/** The terminal table's width, and the widest and narrowest the indicator column gets within it. */
const TABLE = { width: 120, idMax: 36, idMin: 16 } as const;

/** One row per target (fits 120 columns); reasons below. */
function formatReview(r: PlanReview): string {
  const pct = (x: number | null) => (x === null ? '–' : `${Math.round(x * 100)}%`);
  const p = (x: number | null) => (x === null ? '–' : x.toFixed(2));
  const rows: string[][] = [
    ['indicator', 'target', 'base', 'latest', 'status', 'progress', 'elapsed', 'P written', 'P now'],
  ];
  const notes: string[] = [];
  for (const t of r.targets) {
    rows.push([
      t.indicatorId,
      `${t.target.comparator}${t.target.value === null ? '?' : fmt(t.target.value)} (${t.target.year})`,
      t.base ? `${fmt(t.base.value)} (${t.base.year})` : '–',
      t.latest ? `${fmt(t.latest.value)}${t.latest.provisional ? '*' : ''} (${t.latest.year})` : '–',
      t.status,
      pct(t.progress),
      pct(t.elapsed),
      p(t.probabilityAtWriting),
      p(t.probability),
    ]);
    if (t.reason) notes.push(`  ${t.indicatorId}: ${t.reason}`);
    for (const c of t.conflicts) notes.push(`  ${t.indicatorId}: ${c.year} stated as ${c.values.join(' and ')}`);
  }
  // the indicator column gets what the other columns leave of the 120 (two spaces between columns)
  const others = columnWidths(rows.map((row) => row.slice(1)));
  const left = TABLE.width - others.reduce((a, b) => a + b + 2, 0);
  const idWidth = Math.max(TABLE.idMin, Math.min(TABLE.idMax, left));
  for (const row of rows.slice(1)) row[0] = clipDisplay(row[0]!, idWidth);
  const s = r.summary;
  const counts = Object.entries(s.byStatus)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${n} ${k}`)
    .join(', ');
  const lines = [
    `Plan review${r.written === null ? '' : `, written ${r.written}`}${r.asOf === null ? '' : `, data as of ${r.asOf}`}` +
      ' (* provisional figure)',
    '',
    ...alignColumns(rows),
    '',
    `${s.targets} targets: ${counts}.`,
    s.brier === null
      ? 'No target year observed yet: no Brier score.'
      : `Brier score of P(attain) at writing over ${s.scored} settled targets: ${s.brier.toFixed(3)}`,
  ];
  if (notes.length) lines.push('', ...notes.flatMap((n) => wrapDisplay(n, TABLE.width)));
  return lines.join('\n');
}

function fmt(x: number): string {
  return String(Number(x.toPrecision(5)));
}

/** The table of `review.csv` and `review.xlsx`: one row per target. */
export function reviewRows(r: PlanReview): (string | number | boolean | null)[][] {
  const rows: (string | number | boolean | null)[][] = [
    [
      'indicator',
      'region',
      'unit',
      'target_year',
      'comparator',
      'target_value',
      'base_year',
      'base_value',
      'latest_year',
      'latest_value',
      'latest_provisional',
      'status',
      'progress',
      'progress_log',
      'elapsed',
      'probability_at_writing',
      'probability',
      'conflicts',
      'reason',
    ],
  ];
  for (const t of r.targets)
    rows.push([
      t.indicatorId,
      t.region,
      t.unit,
      t.target.year,
      t.target.comparator,
      t.target.value,
      t.base?.year ?? null,
      t.base?.value ?? null,
      t.latest?.year ?? null,
      t.latest?.value ?? null,
      t.latest?.provisional ?? null,
      t.status,
      t.progress,
      t.progressLog,
      t.elapsed,
      t.probabilityAtWriting,
      t.probability,
      t.conflicts.map((c) => `${c.year}: ${c.values.join(' / ')}`).join('; '),
      t.reason,
    ]);
  return rows;
}
