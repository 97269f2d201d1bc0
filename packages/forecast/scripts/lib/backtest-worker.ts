import { parentPort, workerData } from 'node:worker_threads';
import type { CompetitionSeries } from './dataset.ts';
import { evaluateSeries, type BacktestOptions, type SeriesResult } from './evaluate.ts';

// Evaluates the series given to this worker; reports progress every 100 series, then all results.
const { series, options } = workerData as {
  series: CompetitionSeries[];
  options: BacktestOptions;
};
const out: SeriesResult[] = [];
for (let i = 0; i < series.length; i++) {
  const s = series[i]!;
  try {
    out.push(evaluateSeries(s, options));
  } catch (e) {
    out.push({ id: s.id, error: (e as Error).message } as SeriesResult);
  }
  if ((i + 1) % 100 === 0) parentPort!.postMessage({ progress: 100 });
}
parentPort!.postMessage({ progress: series.length % 100, results: out });
