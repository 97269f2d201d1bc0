/**
 * `trajectory run <scenario-file> [--draws N] [--seed S] [--json] [--out DIR]`: runs a scenario file (Monte Carlo
 * baseline vs scenario, intervention effects, goal seeking) and prints a summary; `--out DIR` writes the scenario
 * page (index.html with its assets/), result.json, bands.csv, targets.csv and every chart as a Vega-Lite spec, SVG
 * and PNG (charts/<name>.vl.json, .svg, .png). The logic is in @trajectory/scenario.
 */
import { join } from 'node:path';
import { LIMITS, parseByteSize, terminalSafe } from '@trajectory/core';
import { writeDirAtomic, writeFileAtomic } from '@trajectory/core/node';
import type { ReportInput } from '@trajectory/charts/render';
import { DEFAULTS } from '@trajectory/forecast';
import {
  bandsToCsv,
  loadScenario,
  resultToJson,
  runScenario,
  ScenarioError,
  targetsToCsv,
  type Scenario,
  type ScenarioResult,
} from '@trajectory/scenario';
import { parseCommandArgs, printError } from '../command-args.ts';
import { progressBar } from '../progress.ts';
import { alignColumns } from '../text-table.ts';

const USAGE = `usage: trajectory run <scenario-file> [--draws N] [--seed S] [--json] [--out DIR]

  --draws N   Monte Carlo draws (overrides the file's draws; default ${DEFAULTS.paths}, at most ${LIMITS.draws})
  --seed S    random seed (overrides the file's seed; default ${DEFAULTS.seed}, 0..${LIMITS.seed})
  --json      print the full result as JSON (byte-identical for the same file and seed)
  --out DIR   write the scenario page index.html, result.json, bands.csv, targets.csv and every chart as
              charts/*.vl.json, .svg and .png to DIR
  --memory-budget SIZE   refuse runs whose simulated paths would need more (default 1G; K, M, G suffixes)
  --max-file-bytes SIZE  largest scenario or data file read (default 64M)`;

/**
 * Run `trajectory run`; resolves to the exit code (0 ok, 1 failure, 2 bad arguments).
 * @example
 * const code = await run(['examples/nankai-gazelle-doubling.yaml', '--draws', '1000']);
 */
export async function run(argv: string[]): Promise<number> {
  const parsed = parseCommandArgs(
    'run',
    USAGE,
    argv,
    {
      draws: { type: 'string' },
      seed: { type: 'string' },
      json: { type: 'boolean' },
      out: { type: 'string' },
      'memory-budget': { type: 'string' },
      'max-file-bytes': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    { allowPositionals: true },
  );
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  if (positionals.length !== 1) {
    printError('run', 'expected one scenario file', USAGE);
    return 2;
  }
  const file = positionals[0]!;
  const sizes: Record<string, number | undefined> = {};
  for (const flag of ['memory-budget', 'max-file-bytes'] as const) {
    const text = values[flag];
    if (text === undefined) continue;
    sizes[flag] = parseByteSize(text);
    if (sizes[flag] === undefined) {
      printError('run', `--${flag} must be a size such as 512M or 2G, got '${text}'`, USAGE);
      return 2;
    }
  }
  // flag values are checked before the file is read (usage error, exit 2); the file's own values are the loader's
  const draws = values.draws === undefined ? undefined : Number(values.draws);
  if (draws !== undefined && !(/^\d+$/.test(values.draws!) && draws >= 1 && draws <= LIMITS.draws)) {
    printError('run', `--draws must be an integer >= 1, got '${values.draws}' (at most ${LIMITS.draws})`, USAGE);
    return 2;
  }
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (seed !== undefined && !(/^\d+$/.test(values.seed!) && seed <= LIMITS.seed)) {
    printError('run', `--seed must be a non-negative integer, got '${values.seed}' (at most ${LIMITS.seed})`, USAGE);
    return 2;
  }
  try {
    const scenario = loadScenario(file, {
      ...(draws !== undefined ? { draws } : {}),
      ...(seed !== undefined ? { seed } : {}),
      ...(sizes['memory-budget'] !== undefined ? { memoryBudget: sizes['memory-budget'] } : {}),
      ...(sizes['max-file-bytes'] !== undefined ? { maxFileBytes: sizes['max-file-bytes'] } : {}),
    });
    const bar = values.json ? undefined : progressBar('simulations');
    const result = runScenario(scenario, { ...(bar ? { onProgress: bar.update } : {}) });
    bar?.clear();
    for (const w of result.warnings ?? []) console.error(terminalSafe(`warning: ${w}`));
    const bad = nonFinite(result);
    if (bad.length) {
      printError(
        'run',
        `the result holds ${bad.length} NaN or infinite number(s) (first at ${bad[0]}); nothing was written`,
      );
      return 1;
    }
    // every output is built (and so checked) before the first byte is written
    if (values.out) {
      let outputs: Outputs;
      try {
        outputs = await buildOutputs(result, scenario, Boolean(values.json));
      } catch (error) {
        printError('run', `cannot draw the charts: ${(error as Error).message}`);
        return 1;
      }
      try {
        await writeOutputs(values.out, outputs);
      } catch (error) {
        printError('run', `cannot write ${values.out}: ${(error as Error).message}`);
        return 1;
      }
    }
    if (values.json) process.stdout.write(resultToJson(result));
    else process.stdout.write(terminalSafe(summary(result, values.out)));
    return 0;
  } catch (error) {
    if (error instanceof ScenarioError) {
      printError('run', error.message);
      return 1;
    }
    throw error;
  }
}

/** The names `run --out DIR` writes: a DIR holding anything else is not replaced. */
const OUTPUT_NAMES = ['result.json', 'bands.csv', 'targets.csv', 'charts', 'index.html', 'assets'];

/** Every output of `--out`: files by path relative to the output directory, and the scenario page. */
interface Outputs {
  files: Map<string, string | Uint8Array>;
  page: ReportInput;
}

/**
 * Every output file of `--out`: the result, the CSVs, each chart as `charts/<name>.vl.json`, `.svg` and `.png`,
 * and the scenario page (written with its browser assets).
 */
async function buildOutputs(result: ScenarioResult, scenario: Scenario, quiet: boolean): Promise<Outputs> {
  // the chart builders and the renderers (vega, resvg, a CJK font) load only when charts are written
  const { renderPng, scenarioCharts, scenarioReport } = await import('@trajectory/charts/render');
  const files = new Map<string, string | Uint8Array>([
    ['result.json', resultToJson(result)],
    // a UTF-8 BOM, so Excel opens the Chinese names as UTF-8 (the readers skip it)
    ['bands.csv', `\uFEFF${bandsToCsv(result)}`],
    ['targets.csv', `\uFEFF${targetsToCsv(result)}`],
  ]);
  const charts = scenarioCharts(result, scenario);
  const bar = quiet ? undefined : progressBar('charts');
  for (const [i, c] of charts.entries()) {
    const base = join('charts', c.name);
    files.set(`${base}.vl.json`, `${JSON.stringify(c.spec, null, 2)}\n`);
    const png = await renderPng(c.spec);
    if (png.missingGlyphs.length)
      console.error(terminalSafe(`warning: ${c.name}.png: the font has no glyph for ${png.missingGlyphs.join('')}`));
    files.set(`${base}.svg`, png.svg);
    files.set(`${base}.png`, png.png);
    bar?.update(i + 1, charts.length);
  }
  bar?.clear();
  return { files, page: scenarioReport(result, charts) };
}

/** Writes the whole output set at once: the previous set stays until the new one is complete. */
async function writeOutputs(dir: string, { files, page }: Outputs): Promise<void> {
  const { writeReport } = await import('@trajectory/charts/render');
  await writeDirAtomic(
    dir,
    async (tmp) => {
      for (const [name, data] of files) await writeFileAtomic(join(tmp, name), data);
      await writeReport(tmp, page);
    },
    { expected: OUTPUT_NAMES },
  );
}

/**
 * Paths of NaN or infinite numbers in the result, except where a blank target (value null) has no probability.
 */
function nonFinite(result: ScenarioResult): string[] {
  const blank = new Set(result.targets.filter((t) => t.value === null).map((t) => t.label));
  const out: string[] = [];
  const walk = (v: unknown, path: string, inBlank: boolean): void => {
    if (typeof v === 'number') {
      if (!Number.isFinite(v) && !inBlank) out.push(path);
    } else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`, inBlank));
    else if (v !== null && typeof v === 'object' && !ArrayBuffer.isView(v)) {
      const label = (v as { label?: unknown }).label;
      const here = inBlank || (typeof label === 'string' && blank.has(label));
      for (const [k, x] of Object.entries(v)) walk(x, path ? `${path}.${k}` : k, here);
    }
  };
  walk(result, '', false);
  return out;
}

const pct = (p: number, se: number): string =>
  Number.isFinite(p) ? `${(p * 100).toFixed(1)}% ±${(se * 100).toFixed(1)}` : '—';
const share = (p: number | null): string => (p === null ? '—' : `${(p * 100).toFixed(1)}%`);
const num = (v: number): string =>
  Math.abs(v) >= 1000 ? v.toFixed(0) : Math.abs(v) >= 10 ? v.toFixed(1) : v.toPrecision(3);

const table = (rows: string[][]): string[] => alignColumns(rows, '  ');

function summary(r: ScenarioResult, out?: string): string {
  const s = r.scenario;
  const lines: string[] = [];
  lines.push(`${s.name} (${s.file})`);
  lines.push(
    `base year ${s.baseYear}, horizon ${s.horizon}, ${s.draws} draws, seed ${s.seed}; ± is the Monte Carlo standard error`,
  );
  if (r.targets.length) {
    lines.push('', 'Targets: P(attain) baseline vs scenario, median in the target year');
    lines.push(
      ...table([
        ['target', 'test', 'baseline', 'scenario', 'median base -> scen'],
        ...r.targets.map((t) => [
          t.label,
          `${t.indicator} ${t.comparator} ${t.value === null ? '(blank)' : num(t.value)} in ${t.year}`,
          pct(t.baseline.probability, t.baseline.stdError),
          pct(t.scenario.probability, t.scenario.stdError),
          `${num(t.baseline.median)} -> ${num(t.scenario.median)}`,
        ]),
      ]),
    );
    const blanks = r.targets.filter((t) => t.proposals);
    if (blanks.length) {
      lines.push('', 'Blank targets: values reached with probability q (baseline / scenario)');
      lines.push(
        ...table([
          ['target', ...blanks[0]!.proposals!.map((p) => `q = ${Math.round(p.probability * 100)}%`)],
          ...blanks.map((t) => [t.label, ...t.proposals!.map((p) => `${num(p.baseline)} / ${num(p.scenario)}`)]),
        ]),
      );
    }
  }
  lines.push('', `Median paths ${r.years[0]}..${r.years.at(-1)} (scenario; 80% band in the last year)`);
  lines.push(
    ...table(
      r.series.map((x) => {
        const i80 = x.scenario.intervals.find((i) => i.level === 80)!;
        return [
          x.id,
          x.scenario.median.map(num).join(' -> '),
          `[${num(i80.lower.at(-1)!)}, ${num(i80.upper.at(-1)!)}]`,
        ];
      }),
    ),
  );
  if (r.interventions.length) {
    lines.push('', `Interventions, each alone vs baseline (median difference in ${s.horizon}; change of P(attain))`);
    for (const iv of r.interventions) {
      const eff =
        iv.effects.map((e) => `${e.id} ${e.medianDiff >= 0 ? '+' : ''}${num(e.medianDiff)}`).join(', ') || 'no effect';
      const tp = iv.targets
        .filter((t) => Math.abs(t.diff) > 0)
        .map((t) => `${t.label} ${t.diff >= 0 ? '+' : ''}${(t.diff * 100).toFixed(1)} pts`)
        .join('; ');
      lines.push(`  ${iv.label}: ${eff}${tp ? ` | ${tp}` : ''}`);
    }
  }
  if (r.goals.length) {
    lines.push('', 'Lever needed for each goal (other inputs at baseline, or with the interventions where marked *)');
    lines.push(
      ...table([
        ['target', 'lever', 'needed', `historical`, 'P at needed'],
        ...r.goals.map((g) => {
          const lever =
            (g.lever.kind === 'graduation'
              ? `graduation out of ${g.lever.stage}`
              : g.lever.kind === 'entry'
                ? `entry into ${g.lever.pipeline}`
                : `${g.lever.kind} of ${g.lever.indicator}`) + (g.under === 'scenario' ? ' *' : '');
          const needed =
            g.value === null
              ? `unreachable in [${g.range.join(', ')}]`
              : `${fmtLever(g.lever.kind, g.value)}${g.status === 'met-at-range-start' ? ' (range start)' : ''}`;
          return [
            g.target,
            lever,
            needed,
            `${fmtLever(g.lever.kind, g.historical.value)} (${g.historical.basis})`,
            pct(g.attained.probability, g.attained.stdError),
          ];
        }),
      ]),
    );
  }
  for (const p of r.pipelines) {
    const c = p.calibration;
    lines.push('', `Pipeline ${p.name}`);
    lines.push(
      `  graduation ${p.stages
        .slice(0, -1)
        .map((st, i) => `${st.id}->${p.stages[i + 1]!.id} ${(c.graduation[i]! * 100).toFixed(2)}%`)
        .join(', ')}; entry ${num(c.entry)}/year`,
    );
    for (const a of c.assumptions) lines.push(`  - ${a}`);
  }
  for (const n of r.projections)
    lines.push(
      '',
      `Projection of ${n.id}: ${n.method}. ${n.methodNote}${n.warnings.length ? ` (${n.warnings.join('; ')})` : ''}`,
    );
  const assessed = r.targets.filter((t) => t.assessed);
  if (assessed.length) {
    lines.push(
      '',
      'As assess reports them (growth: projected; P recalibrated on past plans, share of paths in brackets)',
    );
    for (const t of assessed)
      lines.push(
        `  ${t.label}: P ${share(t.assessed!.probability)} (${share(t.assessed!.statisticalProbability)})${t.assessed!.status === 'ok' ? '' : ` ${t.assessed!.status}`}`,
      );
  }
  if (s.assumptions.length) {
    lines.push('', 'Assumptions');
    for (const a of s.assumptions) lines.push(`  - ${a}`);
  }
  if (out)
    lines.push(
      '',
      `wrote ${join(out, 'index.html')} (the scenario page), result.json, bands.csv, targets.csv, charts/*.vl.json, .svg and .png`,
    );
  return `${lines.join('\n')}\n`;
}

function fmtLever(kind: string, v: number): string {
  return kind === 'growth' || kind === 'graduation' ? `${(v * 100).toFixed(2)}%` : `${num(v)}/year`;
}
