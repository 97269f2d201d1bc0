/**
 * What the package benchmarks (`packages/<pkg>/bench/index.ts`, run by `pnpm bench`) share: the result row type,
 * where the shared folder (`peers/`, `data/`) is, and how a Python peer script is run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One benchmark row: our figure beside the peer's, measured in the same run (`ratio` = ours / peer's). */
export interface Benchmark {
  name: string;
  value: number;
  unit: string;
  peer: string;
  peerValue: number;
  ratio: number;
  /** anything else worth printing (failures, sizes) */
  notes?: Record<string, number | string>;
}

/**
 * The shared folder: `../shared/` beside the repository (as CI clones it), else `/work/shared/`.
 *
 * @example join(sharedDir(), 'peers', 'montecarlo_numpy.py')
 */
export function sharedDir(): string {
  const local = fileURLToPath(new URL('../../../shared/', import.meta.url));
  return existsSync(join(local, 'peers')) ? local : '/work/shared/';
}

/**
 * Environment that pins a NumPy/SciPy peer to one thread (OpenMP, OpenBLAS, MKL and BLIS pools), so that a ratio
 * compares with NumPy as one core runs it, whatever BLAS the machine's NumPy links.
 */
export const ONE_THREAD_ENV: Readonly<Record<string, string>> = {
  OMP_NUM_THREADS: '1',
  OPENBLAS_NUM_THREADS: '1',
  MKL_NUM_THREADS: '1',
  BLIS_NUM_THREADS: '1',
};

/**
 * Run the peer script `shared/peers/<script>` with `/usr/bin/python3` and parse the last line of its stdout as JSON
 * (the peers print their summary last). `env` is added to the inherited environment. Throws with the peer's stderr
 * when it exits non-zero.
 *
 * @example const summary = runPeer<{ fits_per_s: number }>('growth_batch_scipy.py', ['--read-csv', csv]);
 */
export function runPeer<T>(script: string, args: string[], env: Readonly<Record<string, string>> = {}): T {
  const path = join(sharedDir(), 'peers', script);
  const out = spawnSync('/usr/bin/python3', [path, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
    env: { ...process.env, ...env },
  });
  if (out.status !== 0) throw new Error(`${script} ${args.join(' ')} failed: ${out.stderr}`);
  return JSON.parse(out.stdout.trim().split('\n').at(-1)!) as T;
}
