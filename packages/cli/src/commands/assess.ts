/**
 * `trajectory assess [--region R] [--json] [--out DIR] [--seed S] [--paths N] [--method M]`: assesses every target of the seed
 * dataset (probability of attainment, required vs historical growth, the published assessors' verdicts) and prints
 * one table per region, or the JSON. `--out DIR` writes `DIR/assessment.json` and the HTML report `DIR/index.html`.
 * The logic lives in `assessPlan` (@trajectory/forecast); this file only parses flags and writes output.
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { REGIONS } from '@trajectory/datasets/node';
import {
  checkSimulationBudget,
  InputLimitError,
  LIMITS,
  parseByteSize,
  terminalSafe,
  type UnconfirmedRow,
} from '@trajectory/core';
import { writeDirAtomic, writeFileAtomic } from '@trajectory/core/node';
import { assessPlanParallel } from '@trajectory/forecast/node';
import { DEFAULTS, projectionMethods } from '@trajectory/forecast';
import { formatPlanTables } from '../format-table.ts';
import { loadAssessInput } from '../plan-input.ts';
import { progressReporter } from '../progress.ts';
import { assessmentXlsx } from '../xlsx.ts';

const USAGE = `usage: trajectory assess [--data FILE] [--as-of YEAR] [--region R] [--json] [--out DIR [--pdf]]
                         [--seed S] [--paths N] [--method M] [--workers N] [--progress]

Assesses every target of the seed dataset (or of FILE) and prints one table per region.
  --data FILE  an indicators file (.csv, or .xlsx with sheet 'indicators') in the seed dataset's columns: its observed rows (any years) are the history,
               its measure (and bounds for shares) decide the dynamics; units and regions outside the known lists
               are labels; quotes are not checked against documents. A reviewed 'extract --out' file: only
               rows with confirmed = yes are assessed; the others are skipped and counted (stderr, JSON summary)
  --as-of Y    judge as of year Y: observations, reference-panel values and plan outcomes after Y are ignored
  --region R   only region R (key such as nankai, or its name as in the dataset)
  --json       print the assessment as JSON instead of tables
  --wide       every column (growth, ratios, each assessor's verdict); the default table fits 120 columns
  --out DIR    also write DIR/assessment.json, DIR/assessment.xlsx and the HTML report DIR/index.html
  --pdf        with --out: also print the report to DIR/report.pdf (headless Chromium)
  --seed S     simulation seed (default ${DEFAULTS.seed}); same seed, same numbers
  --paths N    simulated paths per indicator (default ${DEFAULTS.paths}; at most ${LIMITS.draws})
  --memory-budget SIZE  refuse runs whose simulated paths would need more (default 1G; K, M, G suffixes)
  --method M   projection method (default auto: the pooled model, else chosen by series length); one of
               ${projectionMethods().join(', ')}
  --workers N  worker threads for large files (default: the cores available; 1: none); same result for any N
  --progress   progress lines on stderr even when it is not a terminal (a terminal always gets a bar)`;

/**
 * Run `trajectory assess`; resolves to the exit code (0 ok, 1 failure, 2 bad arguments).
 * @example
 * const code = await run(['--region', 'nankai', '--json']);
 */
export async function run(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv.filter((a) => a !== '--'),
      options: {
        region: { type: 'string' },
        json: { type: 'boolean', default: false },
        out: { type: 'string' },
        pdf: { type: 'boolean', default: false },
        wide: { type: 'boolean', default: false },
        seed: { type: 'string' },
        paths: { type: 'string' },
        method: { type: 'string' },
        data: { type: 'string' },
        'as-of': { type: 'string' },
        'memory-budget': { type: 'string' },
        workers: { type: 'string' },
        progress: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    console.error(`trajectory assess: ${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  // seeds are 32-bit: a larger one would silently alias a smaller one
  if (seed !== undefined && !(/^\d+$/.test(values.seed!) && seed <= LIMITS.seed))
    return fail(`--seed must be a number, got '${values.seed}' (an integer in 0..${LIMITS.seed})`);
  const nPaths = values.paths === undefined ? undefined : Number(values.paths);
  if (nPaths !== undefined && !(Number.isInteger(nPaths) && nPaths >= 1 && nPaths <= LIMITS.draws))
    return fail(`--paths must be an integer in 1..${LIMITS.draws}, got '${values.paths}'`);
  if (values.method !== undefined && !projectionMethods().includes(values.method))
    return fail(`unknown method '${values.method}'; choose one of: ${projectionMethods().join(', ')}`);
  if (values.pdf && values.out === undefined) return fail('--pdf needs --out DIR (the PDF is printed from the report)');
  const workers = values.workers === undefined ? undefined : Number(values.workers);
  if (workers !== undefined && !(/^\d+$/.test(values.workers!) && workers >= 1 && workers <= 256))
    return fail(`--workers must be an integer in 1..256, got '${values.workers}'`);
  const budget = values['memory-budget'] === undefined ? LIMITS.memoryBytes : parseByteSize(values['memory-budget']);
  if (budget === undefined)
    return fail(`--memory-budget must be a size such as 512M or 2G, got '${values['memory-budget']}'`);

  const asOf = values['as-of'] === undefined ? undefined : Number(values['as-of']);
  if (asOf !== undefined && !(/^\d{4}$/.test(values['as-of']!) && asOf >= 1900 && asOf <= 2100))
    return fail(`--as-of must be a year such as 2020, got '${values['as-of']}'`);
  const loaded = await loadAssessInput(values.data, asOf);
  if ('error' in loaded) {
    console.error(`trajectory assess: ${loaded.error}`);
    return 1;
  }
  const { indicators, evidence, outcomeModel, unconfirmed } = loaded;
  if (unconfirmed.length)
    console.error(terminalSafe(`trajectory assess: ${unconfirmedNote(values.data!, unconfirmed)}`));
  // bound the work before allocating: one indicator's paths are simulated at a time, over its observed and
  // target years
  const years = indicators.flatMap((i) => [...i.observations, ...i.targets].map((o) => o.year));
  try {
    checkSimulationBudget(nPaths ?? DEFAULTS.paths, spanOf(years), 1, budget);
  } catch (error) {
    if (error instanceof InputLimitError) {
      console.error(`trajectory assess: ${error.message}`);
      return 1;
    }
    throw error;
  }
  let region: string | undefined;
  if (values.region !== undefined) {
    const known = [...new Set(indicators.map((i) => i.region))];
    const wanted = values.region.toLowerCase();
    region = known.find((r) => r.toLowerCase() === wanted || regionNames(r).some((n) => n.toLowerCase() === wanted));
    if (region === undefined) return fail(`unknown region '${values.region}'; the dataset has: ${known.join(', ')}`);
  }

  const progress = progressReporter('indicators', { lines: values.progress, prefix: 'assess' });
  const assessed = await assessPlanParallel(indicators, {
    ...(progress ? { onProgress: progress.update } : {}),
    ...(seed !== undefined ? { seed } : {}),
    ...(nPaths !== undefined ? { nPaths } : {}),
    ...(region !== undefined ? { region } : {}),
    ...(values.method !== undefined ? { method: values.method } : {}),
    // a user's file: growth curves fit every observation up to the as-of year (the seeds: their 2015–2020 baseline)
    ...(values.data !== undefined ? { curves: {} } : {}),
    ...(workers !== undefined ? { workers } : {}),
    evidence,
    outcomeModel,
  });
  progress?.clear();
  // a reviewed file's unconfirmed rows are counted in the summary, so no reader of the output takes them as assessed
  const plan =
    values.data === undefined
      ? assessed
      : { ...assessed, summary: { ...assessed.summary, skippedUnconfirmed: unconfirmed.length } };
  console.log(
    values.json
      ? JSON.stringify(plan, null, 2)
      : terminalSafe(formatPlanTables(plan, { regionLabel, wide: values.wide })),
  );

  if (values.out !== undefined) {
    const dir = resolve(values.out);
    const json = `${JSON.stringify(plan, null, 2)}\n`;
    // rendering loads vega (top-level await) only when a report is written, as `run` does
    const { printPdf, writeAssessmentReport } = await import('@trajectory/charts/render');
    // the whole set (JSON, report, its assets and specs) goes into a temp directory swapped in at the end
    await writeDirAtomic(
      dir,
      async (tmp) => {
        await writeFileAtomic(join(tmp, 'assessment.json'), json);
        await writeFileAtomic(join(tmp, 'assessment.xlsx'), await assessmentXlsx(plan));
        await writeAssessmentReport(tmp, plan);
        if (values.pdf) await printPdf(join(tmp, 'index.html'), join(tmp, 'report.pdf'));
      },
      { expected: ['assessment.json', 'assessment.xlsx', 'index.html', 'assets', 'specs', 'report.pdf'] },
    );
    console.error(
      `wrote ${join(dir, 'assessment.json')}, ${join(dir, 'index.html')}${values.pdf ? ` and ${join(dir, 'report.pdf')}` : ''}`,
    );
  }
  return 0;
}

/** The stderr line for rows skipped as unconfirmed: how many, which rows, and what to do. */
function unconfirmedNote(file: string, rows: readonly UnconfirmedRow[]): string {
  const list = rows.slice(0, 10).map((r) => r.row);
  const more = rows.length > 10 ? `, … (${rows.length - 10} more)` : '';
  return `${file}: skipped ${rows.length} unconfirmed row${rows.length === 1 ? '' : 's'} (row ${list.join(', ')}${more}); write yes in their 'confirmed' column once reviewed`;
}

/** Chinese and English names of a region key (core's REGIONS). */
function regionNames(key: string): string[] {
  const info = REGIONS.get(key);
  return info ? [info.zh, info.en] : [];
}

function regionLabel(key: string): string {
  const [zh, en] = regionNames(key);
  return zh ? `${zh} ${en} (${key})` : key;
}

function fail(message: string): number {
  console.error(`trajectory assess: ${message}\n\n${USAGE}`);
  return 2;
}

/** Years from the first to the last of `years`, inclusive (loops: the list can be long). */
function spanOf(years: number[]): number {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const y of years) {
    lo = Math.min(lo, y);
    hi = Math.max(hi, y);
  }
  return years.length ? hi - lo + 1 : 1;
}
