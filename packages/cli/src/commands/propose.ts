/**
 * `trajectory propose [--data FILE] [--as-of YEAR] --year YEAR [--probability LIST] [--json] [--out DIR [--pdf]]`: target
 * values for the next plan at requested P(attain) (default 0.9/0.7/0.5/0.3), with their evidence. The logic is
 * `proposeTargets` (@trajectory/forecast); this file parses flags and writes output.
 */
import { IndicatorDataError, terminalSafe } from '@trajectory/core';
import { loadPlanOutcomes } from '@trajectory/datasets/node';
import {
  type Evidence,
  LADDER_NAMES,
  type PastTarget,
  pastTargetsFrom,
  PROPOSAL_LADDER,
  type TargetProposals,
} from '@trajectory/forecast';
import { proposeTargetsParallel } from '@trajectory/forecast/node';
import { parseCommandArgs, printError, probabilityListFlag, usageError, yearFlag } from '../command-args.ts';
import { lastObservationYear, loadAssessInput, PLAN_FLAGS } from '../plan-input.ts';
import { writePlanOutput } from '../plan-output.ts';
import { progressReporter } from '../progress.ts';
import { alignColumns, clipDisplay, wrapDisplay } from '../text-table.ts';

const USAGE = `usage: trajectory propose [--data FILE] [--as-of YEAR] --year YEAR [--probability LIST] [--json]
                          [--out DIR [--pdf]] [--workers N] [--progress]

Proposes target values for YEAR at which P(attain) equals each requested probability, with the evidence.
  --data FILE         an indicators file (.csv, or .xlsx with sheet 'indicators') in the seed dataset's columns
                      (default: the seed dataset and its history)
  --as-of YEAR        ignore observations and plan outcomes after YEAR
  --year YEAR         the target year (after every observation used)
  --probability LIST  comma-separated probabilities in (0, 1) (default ${PROPOSAL_LADDER.join(',')}: safe, expected,
                      stretch, ambitious)
  --json              print the proposals as JSON
  --out DIR           also write DIR/proposals.json, proposals.csv, proposals.xlsx and the report page index.html
  --pdf               with --out: also print the page to DIR/report.pdf (headless Chromium)
  --workers N         worker threads for large files (default: the cores available; 1: none); same result for any N
  --progress          progress lines on stderr even when it is not a terminal (a terminal always gets a bar)`;

/**
 * Run `trajectory propose`; resolves to the exit code (0 ok, 1 failure, 2 bad arguments).
 * @example
 * const code = await run(['--year', '2025', '--as-of', '2020', '--json']);
 */
export async function run(argv: string[]): Promise<number> {
  const args = parseCommandArgs('propose', USAGE, argv, {
    ...PLAN_FLAGS,
    year: { type: 'string' },
    probability: { type: 'string' },
    workers: { type: 'string' },
    progress: { type: 'boolean', default: false },
  });
  if (typeof args === 'number') return args;
  const { values } = args;
  const fail = usageError('propose', USAGE);
  if (values.year === undefined) return fail('--year is required');
  const year = yearFlag('--year', values.year);
  if ('error' in year) return fail(year.error);
  const asOf = yearFlag('--as-of', values['as-of']);
  if ('error' in asOf) return fail(asOf.error);
  if (values.pdf && values.out === undefined) return fail('--pdf needs --out DIR (the PDF is printed from the page)');
  const probabilities = probabilityListFlag('--probability', values.probability, PROPOSAL_LADDER);
  if ('error' in probabilities) return fail(probabilities.error);
  const workers = values.workers === undefined ? undefined : Number(values.workers);
  if (workers !== undefined && !(/^\d+$/.test(values.workers!) && workers >= 1 && workers <= 256))
    return fail(`--workers must be an integer in 1..256, got '${values.workers}'`);

  // the evidence `assess` uses for the same file and year, so that a rung written back as a target is assessed alike
  let input: Awaited<ReturnType<typeof loadAssessInput>>;
  try {
    input = await loadAssessInput(values.data, asOf.value, { unconfirmed: 'refuse' });
  } catch (error) {
    printError('propose', error instanceof Error ? error.message : String(error));
    return 1;
  }
  if ('error' in input) {
    printError('propose', input.error);
    return 1;
  }
  const lastYear = lastObservationYear(input.indicators, asOf.value);
  if (lastYear !== null && year.value! <= lastYear)
    return fail(
      `--year ${year.value} is not after the last observation (${lastYear}${asOf.value === undefined ? '' : `, as of ${asOf.value}`})`,
    );

  const progress = progressReporter('indicators', { lines: values.progress, prefix: 'propose' });
  const result = await proposeTargetsParallel(input.indicators, {
    year: year.value!,
    probabilities: probabilities.value,
    ...(asOf.value !== undefined ? { asOf: asOf.value } : {}),
    evidence: input.evidence,
    outcomeModel: input.outcomeModel,
    // a user's file: growth curves fit every observation up to the as-of year, as in `assess --data`
    ...(values.data !== undefined ? { curves: {} } : {}),
    pastTargets: pastTargets(input.evidence, asOf.value),
    ...(workers !== undefined ? { workers } : {}),
    ...(progress ? { onProgress: progress.update } : {}),
  });
  progress?.clear();
  console.log(values.json ? JSON.stringify(result, null, 2) : terminalSafe(formatProposals(result)));
  if (values.out !== undefined) {
    // rendering loads vega only when a page is written, as `assess` does
    const { writeProposalReport } = await import('@trajectory/charts/render');
    const written = await writePlanOutput(values.out, {
      name: 'proposals',
      result,
      rows: proposalRows(result),
      report: (dir) => writeProposalReport(dir, result),
      pdf: values.pdf,
    });
    console.error(`wrote ${written.join(', ')}`);
  }
  return 0;
}

/** Past plans' targets known by `asOf` (their outcome year), as the proposal evidence counts them. */
function pastTargets(evidence: Evidence | null, asOf: number | undefined): PastTarget[] {
  if (!evidence) return [];
  let records: ReturnType<typeof loadPlanOutcomes>;
  try {
    records = loadPlanOutcomes();
  } catch (error) {
    if (error instanceof IndicatorDataError) return [];
    throw error;
  }
  const cases = records
    .filter((r) => r.base_year !== null && r.base_value !== null && (asOf === undefined || r.outcome_year <= asOf))
    .map((r) => ({
      id: r.indicator_en,
      measure: r.measure,
      unit: r.unit,
      ...(r.attribute ? { attribute: r.attribute } : {}),
      baseYear: r.base_year!,
      baseValue: r.base_value!,
      targetYear: r.target_year,
      targetValue: r.target_value,
      comparator: r.comparator,
      met: r.met,
    }));
  return pastTargetsFrom(evidence, cases);
}

const ID_WIDTH = 28;

/** One table: indicator, base, then each rung's value and P(attain); rung notes and evidence below. Fits 120 columns. */
function formatProposals(r: TargetProposals): string {
  const rung = (p: number) => LADDER_NAMES[String(p)] ?? `P=${p}`;
  const head = ['indicator', 'unit', 'base', ...r.probabilities.map((p) => `${rung(p)} (${p})`)];
  const rows: string[][] = [head];
  const notes: string[] = [];
  const unassessed: string[] = [];
  for (const p of r.proposals) {
    const id = clipDisplay(`${p.direction === 'decrease' ? '↓ ' : ''}${p.indicatorId}`, ID_WIDTH);
    if (p.status !== 'ok') {
      unassessed.push(`  ${p.indicatorId}: ${p.status}: ${p.reason ?? ''}`);
      continue;
    }
    rows.push([
      id,
      clipDisplay(p.unit, 8),
      `${p.base.year}: ${fmt(p.base.value)}`,
      ...p.ladder.map((x) => `${fmt(x.value)} (${x.probability.toFixed(2)})`),
    ]);
    for (const x of p.ladder) if (x.note) notes.push(`  ${p.indicatorId} ${x.requested}: ${x.note}`);
  }
  const lines = [
    `Proposed ${r.year} targets${r.asOf === null ? '' : ` (data as of ${r.asOf})`}: value (P(attain)); ↓ = a reduction`,
    '',
    ...alignColumns(rows),
  ];
  if (notes.length) lines.push('', 'Rungs off their request:', ...notes.flatMap((n) => wrapDisplay(n, 120)));
  if (unassessed.length) lines.push('', 'No ladder:', ...unassessed.flatMap((n) => wrapDisplay(n, 120)));
  if (r.skipped.length)
    lines.push('', `No proposal (no observation): ${r.skipped.length} indicator${r.skipped.length === 1 ? '' : 's'}`);
  lines.push('', 'Use --json for the evidence of each rung (trend, panel percentile, past plans).');
  return lines.join('\n');
}

function fmt(x: number): string {
  return Number.isInteger(x) ? String(x) : String(Number(x.toPrecision(6)));
}

/** The table of `proposals.csv` and `proposals.xlsx`: one row per rung, with the evidence text. */
export function proposalRows(r: TargetProposals): (string | number | null)[][] {
  const rows: (string | number | null)[][] = [
    [
      'indicator',
      'region',
      'unit',
      'direction',
      'status',
      'base_year',
      'base_value',
      'year',
      'requested',
      'value',
      'probability',
      'annual_growth',
      'growth_basis',
      'panel_percentile',
      'evidence',
      'note',
    ],
  ];
  for (const p of r.proposals) {
    if (p.ladder.length === 0)
      rows.push([p.indicatorId, p.region, p.unit, p.direction, p.status, p.base.year, p.base.value, r.year]);
    p.ladder.forEach((x, i) => {
      const e = p.evidence.rungs[i];
      rows.push([
        p.indicatorId,
        p.region,
        p.unit,
        p.direction,
        p.status,
        p.base.year,
        p.base.value,
        r.year,
        x.requested,
        x.value,
        x.probability,
        x.annualGrowth,
        p.growthBasis,
        e?.panelPercentile ?? null,
        e?.text ?? '',
        x.note,
      ]);
    });
  }
  return rows;
}
