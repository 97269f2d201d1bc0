/**
 * `attainmentBatch` on several cores: indicators are split into contiguous slices, one per worker thread. Every
 * indicator has its own random stream (forked by the hash of its index), so the probabilities are identical
 * whatever the number of workers. Workers live until `close()`, so repeated runs do not pay start-up again.
 */
import { createWorkerPool, workerModule } from '@trajectory/core/node';
import type { AttainmentBatchInput, AttainmentBatchOptions } from './attainment-batch.ts';

/** A pool of worker threads that computes attainment probabilities of independent indicators in parallel. */
export interface AttainmentPool {
  /** number of workers */
  readonly size: number;
  /** P(value >= target) per indicator, computed by the workers on disjoint slices with their own seeded streams */
  run(input: AttainmentBatchInput, options: AttainmentBatchOptions): Promise<Float64Array>;
  /** terminates the workers */
  close(): Promise<void>;
}

/**
 * Starts `size` workers (core's `createWorkerPool`: the compiled worker module, or the TypeScript one through tsx in
 * the workspace).
 * @example
 * const pool = createAttainmentPool(2);
 * const p = await pool.run(input, { draws: 10000, years: 5, seed: 1 });
 * await pool.close();
 */
export function createAttainmentPool(size: number): AttainmentPool {
  const pool = createWorkerPool<{ input: AttainmentBatchInput; options: AttainmentBatchOptions }, Float64Array>(
    workerModule(import.meta.url, 'attainment-worker'),
    size,
  );
  return {
    size,
    async run(input, options) {
      const K = input.base.length;
      const plain = {
        base: Float64Array.from(input.base),
        target: Float64Array.from(input.target),
        mu: Float64Array.from(input.mu),
        sigma: Float64Array.from(input.sigma),
      };
      const parts = Array.from({ length: size }, (_, i) => {
        const from = Math.floor((K * i) / size);
        const to = Math.floor((K * (i + 1)) / size);
        return pool.run({ input: plain, options: { ...options, from, to } }).then((p) => ({ from, p }));
      });
      const out = new Float64Array(K);
      for (const { from, p } of await Promise.all(parts)) out.set(p, from);
      return out;
    },
    close: () => pool.close(),
  };
}
