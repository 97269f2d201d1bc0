/**
 * Backtest of `project()` on M3/M4 yearly data: point accuracy (sMAPE, MASE, OWA), interval quality
 * (coverage, MSIS at 95%) and calibration of attainment probabilities on synthetic plan targets.
 *
 * Usage: pnpm run backtest -- --dataset <dir|plan-outcomes> [--method auto] [--window N] [--calibration m3|m4] [--paths 1000]
 *        [--workers 2] [--limit N] [--every N] [--validate] [--json]
 * `--validate` scores the last 6 training values instead of test.csv (design choices on training data only).
 * `<dir>` holds train.csv/test.csv/series.csv (id,t,value); a bare name such as `m3-yearly` is looked up in
 * ../shared/data. Prints one JSON object on stdout; progress goes to stderr when it is a terminal.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { intervalCalibration } from '../src/projection/calibration.ts';
import { loadDataset } from './lib/dataset.ts';
import { aggregate, type BacktestOptions, type SeriesResult } from './lib/evaluate.ts';

const { values: args } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    dataset: { type: 'string', default: 'm3-yearly' },
    method: { type: 'string', default: 'auto' },
    window: { type: 'string', default: '0' },
    paths: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '20250101' },
    calibration: { type: 'string' },
    workers: { type: 'string', default: String(Math.min(2, availableParallelism())) },
    limit: { type: 'string' },
    every: { type: 'string' },
    json: { type: 'boolean', default: false },
    validate: { type: 'boolean', default: false },
  },
});

if (args.dataset === 'plan-outcomes') {
  // past plans' targets and outcomes: leave-one-family-out CV of the outcome model (no M3/M4 machinery)
  const { planOutcomeBacktest } = await import('./lib/plan-outcomes.ts');
  const summary = planOutcomeBacktest({ nPaths: Number(args.paths), seed: Number(args.seed) });
  process.stdout.write(`${JSON.stringify(summary, null, args.json ? 2 : 0)}\n`);
  process.exit(0);
}

const sharedData = fileURLToPath(new URL('../../../../shared/data/', import.meta.url));
const dir = existsSync(args.dataset!) ? resolve(args.dataset!) : resolve(sharedData, args.dataset!);
if (!existsSync(resolve(dir, 'train.csv'))) {
  process.stderr.write(`backtest: no train.csv in ${dir}\n`);
  process.exit(2);
}
const int = (name: string, v: string, min: number): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) {
    process.stderr.write(`backtest: --${name} must be an integer >= ${min}, got ${v}\n`);
    process.exit(2);
  }
  return n;
};
const options: BacktestOptions = {
  method: args.method!,
  window: int('window', args.window!, 0),
  nPaths: int('paths', args.paths!, 10),
  seed: int('seed', args.seed!, 0),
  calibration: '',
};
// Default calibration: the profile learned from the scored dataset's own TRAINING parts if one exists
// (m3-yearly -> m3, m4-yearly -> m4), else m4.
const dataName = dir.split('/').filter(Boolean).slice(-1)[0]!;
options.calibration = args.calibration ?? (/^m3/.test(dataName) ? 'm3' : 'm4');
if (!intervalCalibration(options.calibration)) {
  process.stderr.write(
    `backtest: calibration profile "${options.calibration}" not found in packages/forecast/calibration\n`,
  );
  process.exit(2);
}
const nWorkers = int('workers', args.workers!, 1);
const t0 = performance.now();
let data = loadDataset(dir);
if (args.limit) data = data.slice(0, int('limit', args.limit, 1));
// --every N: a systematic sample, every Nth series in file order (M4 and M3 list their series by category, so every
// category keeps its share); the CI checks M4 on --every 20
const every = args.every ? int('every', args.every, 1) : 1;
if (every > 1) data = data.filter((_, i) => i % every === 0);
// --validate scores the last 6 TRAINING values instead of test.csv (for choosing designs on training data only)
if (args.validate)
  data = data.map((s) => ({ ...s, train: s.train.slice(0, -s.test.length), test: s.train.slice(-s.test.length) }));

const tty = process.stderr.isTTY;
let done = 0;
const progress = (k: number): void => {
  done += k;
  if (tty) process.stderr.write(`\r${done}/${data.length} series, ${((performance.now() - t0) / 1000).toFixed(0)} s`);
};
const chunks = Array.from({ length: nWorkers }, (_, w) => data.map((_, i) => i).filter((i) => i % nWorkers === w));
const parts = await Promise.all(
  chunks.map(
    (indices) =>
      new Promise<SeriesResult[]>((res, rej) => {
        const worker = new Worker(new URL('./lib/backtest-worker.mjs', import.meta.url), {
          workerData: { series: indices.map((i) => data[i]!), options },
        });
        worker.on('message', (m: { progress: number; results?: SeriesResult[] }) => {
          progress(m.progress);
          if (m.results) res(m.results);
        });
        worker.on('error', rej);
        worker.on('exit', (code) => code !== 0 && rej(new Error(`worker exited with ${code}`)));
      }),
  ),
);
if (tty) process.stderr.write('\n');
const results = parts.flat();
const failed = results.filter((r) => r.error);
const summary = {
  dataset: dataName,
  validate: args.validate,
  ...(every > 1 ? { every } : {}),
  ...aggregate(results, options),
  failed: failed.length,
  failures: failed.slice(0, 5).map((r) => `${r.id}: ${r.error}`),
  nPaths: options.nPaths,
  workers: nWorkers,
  seconds: Math.round((performance.now() - t0) / 100) / 10,
};
process.stdout.write(args.json ? `${JSON.stringify(summary)}\n` : `${JSON.stringify(summary, null, 2)}\n`);
