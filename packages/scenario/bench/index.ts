/**
 * Benchmark: Monte Carlo attainment, 1,000 indicators x 10,000 draws x 5 years with a new growth rate each year,
 * on exactly the indicator table of the NumPy peer (`shared/peers/montecarlo_numpy.py --write-csv`, then
 * `--read-csv`), both timed in the same run. Also checks that our P(value >= target) per indicator agrees with
 * NumPy's within Monte Carlo error (an independent implementation with another generator).
 */
import { availableParallelism } from 'node:os';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { attainmentBatch, type AttainmentBatchInput } from '../src/index.ts';
import { createAttainmentPool } from '../src/attainment-pool.ts';
import { ONE_THREAD_ENV, runPeer, type Benchmark } from '../../../scripts/lib/peers.ts';

const DRAWS = 10000;
const YEARS = 5;
const SEED = 20240501;
const REPS = 5;

interface PeerSummary {
  draw_indicator_years_per_s: number;
  wall_s: number;
  wall_s_all: number[];
  versions: Record<string, string>;
}

// NumPy pinned to one thread (its generator, cumprod and comparisons run on one anyway; the pin rules out a threaded
// BLAS); ours is the better of one thread and the worker pool, as the README reports
const runMonteCarloPeer = (args: string[]): PeerSummary =>
  runPeer<PeerSummary>(
    'montecarlo_numpy.py',
    ['--draws', String(DRAWS), '--years', String(YEARS), ...args],
    ONE_THREAD_ENV,
  );

function readTable(path: string): { ids: string[]; input: AttainmentBatchInput } {
  const lines = readFileSync(path, 'utf8').trim().split(/\r?\n/);
  const head = lines[0]!.split(',');
  const col = (name: string) => head.indexOf(name);
  const rows = lines.slice(1).map((l) => l.split(','));
  const num = (name: string) => Float64Array.from(rows, (r) => Number(r[col(name)]));
  return {
    ids: rows.map((r) => r[col('id')]!),
    input: { base: num('base'), target: num('target'), mu: num('mu'), sigma: num('sigma') },
  };
}

const median = (xs: number[]): number => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function benchmarks(log: (line: string) => void): Promise<Benchmark[]> {
  const dir = mkdtempSync(join(tmpdir(), 'trajectory-mc-'));
  try {
    const csv = join(dir, 'indicators.csv');
    const probsCsv = join(dir, 'probs.csv');
    runMonteCarloPeer(['--write-csv', csv, '--reps', '1']);
    const { ids, input } = readTable(csv);
    const K = ids.length;
    const units = K * DRAWS * YEARS;
    log(`monte carlo: ${K} indicators x ${DRAWS} draws x ${YEARS} years (peer table ${csv})`);

    const peer1 = runMonteCarloPeer(['--read-csv', csv, '--probs-csv', probsCsv, '--reps', String(REPS)]);
    log(`  numpy: ${(peer1.draw_indicator_years_per_s / 1e6).toFixed(1)}M draw-indicator-years/s`);

    // ours, one thread
    const single: number[] = [];
    let p: Float64Array = new Float64Array(0);
    for (let r = 0; r < REPS; r++) {
      const t0 = performance.now();
      p = attainmentBatch(input, { draws: DRAWS, years: YEARS, seed: SEED });
      single.push((performance.now() - t0) / 1000);
    }
    log(`  ours, 1 thread: ${(units / median(single) / 1e6).toFixed(1)}M/s`);

    // ours, worker threads (identical numbers: one stream per indicator)
    const cores = Math.max(1, Math.min(4, availableParallelism()));
    const pooled: number[] = [];
    if (cores > 1) {
      const pool = createAttainmentPool(cores);
      try {
        // start-up and JIT warm-up of every worker (as the single-thread path is warmed by its first repetition)
        const warm = {
          base: new Float64Array(8 * cores).fill(100),
          target: new Float64Array(8 * cores).fill(150),
          mu: new Float64Array(8 * cores).fill(0.08),
          sigma: new Float64Array(8 * cores).fill(0.05),
        };
        await pool.run(warm, { draws: DRAWS, years: YEARS, seed: 1 });
        for (let r = 0; r < REPS; r++) {
          const t0 = performance.now();
          const q = await pool.run(input, { draws: DRAWS, years: YEARS, seed: SEED });
          pooled.push((performance.now() - t0) / 1000);
          if (q.some((v, i) => v !== p[i]))
            throw new Error('monte carlo: worker results differ from the single-thread results');
        }
      } finally {
        await pool.close();
      }
      log(`  ours, ${cores} workers: ${(units / median(pooled) / 1e6).toFixed(1)}M/s`);
    }

    // peer again after ours, so a machine getting busier or quieter favours neither side: the peer's value is the
    // median of its timed repetitions before and after ours, ours the median of our repetitions in between
    const peer2 = runMonteCarloPeer(['--read-csv', csv, '--reps', String(REPS)]);
    const peerValue = units / median([...peer1.wall_s_all, ...peer2.wall_s_all]);

    // agreement with NumPy's probabilities: z = (p_ours - p_numpy) / sqrt(2 p (1 - p) / N)
    const np = new Map(
      readFileSync(probsCsv, 'utf8')
        .trim()
        .split(/\r?\n/)
        .slice(1)
        .map((l) => {
          const [id, v] = l.split(',');
          return [id!, Number(v)] as const;
        }),
    );
    let maxZ = 0,
      over3 = 0,
      maxAbs = 0,
      sumDiff = 0;
    ids.forEach((id, k) => {
      const a = p[k]!,
        b = np.get(id)!;
      const pm = (a + b) / 2;
      const se = Math.sqrt((2 * Math.max(pm * (1 - pm), 1 / DRAWS)) / DRAWS);
      const z = Math.abs(a - b) / se;
      maxZ = Math.max(maxZ, z);
      if (z > 3) over3++;
      maxAbs = Math.max(maxAbs, Math.abs(a - b));
      sumDiff += a - b;
    });
    log(
      `  agreement with numpy: max |z| ${maxZ.toFixed(2)}, ${over3} of ${K} beyond 3 se, max |dp| ${maxAbs.toFixed(4)}, mean dp ${(sumDiff / K).toExponential(2)}`,
    );

    const best = Math.min(median(single), ...(pooled.length ? [median(pooled)] : []));
    const value = units / best;
    return [
      {
        name: `monte carlo attainment (${K} indicators x ${DRAWS} draws x ${YEARS} years, annual rates)`,
        value,
        unit: 'draw-indicator-years/s',
        peer: `numpy ${peer1.versions.numpy ?? ''}`.trim(),
        peerValue,
        ratio: value / peerValue,
        notes: {
          single_thread_per_s: Math.round(units / median(single)),
          ...(pooled.length ? { workers: cores, workers_per_s: Math.round(units / median(pooled)) } : {}),
          numpy_threads: 1,
          numpy_runs_per_s: `${Math.round(peer1.draw_indicator_years_per_s)} / ${Math.round(peer2.draw_indicator_years_per_s)}`,
          agreement_max_abs_z: Number(maxZ.toFixed(3)),
          agreement_beyond_3se: over3,
          agreement_expected_beyond_3se: Number((K * 0.0027).toFixed(1)),
          agreement_max_abs_dp: Number(maxAbs.toFixed(5)),
          agreement_mean_dp: Number((sumDiff / K).toExponential(3)),
        },
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
