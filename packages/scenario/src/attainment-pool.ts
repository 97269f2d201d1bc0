/**
 * `attainmentBatch` on several cores: indicators are split into contiguous slices, one per worker thread. Every
 * indicator has its own random stream (forked by the hash of its index), so the probabilities are identical
 * whatever the number of workers. Workers live until `close()`, so repeated runs do not pay start-up again.
 */
import { Worker } from 'node:worker_threads';
import type { AttainmentBatchInput } from './attainment-batch.ts';

/** A pool of worker threads that computes attainment probabilities of independent indicators in parallel. */
export interface AttainmentPool {
  /** number of workers */
  readonly size: number;
  /** P(value >= target) per indicator, computed by the workers on disjoint slices with their own seeded streams */
  run(input: AttainmentBatchInput, options: { draws: number; years: number; seed: number }): Promise<Float64Array>;
  /** terminates the workers */
  close(): Promise<void>;
}

/**
 * Starts `size` workers (they load this package through the parent's loader flags, e.g. tsx).
 * @example
 * const pool = createAttainmentPool(2);
 * const p = await pool.run(input, { draws: 10000, years: 5, seed: 1 });
 * await pool.close();
 */
export function createAttainmentPool(size: number): AttainmentPool {
  const workers = Array.from({ length: size }, () => startWorker());
  let nextId = 0;
  const call = (w: Worker, input: AttainmentBatchInput, options: object): Promise<Float64Array> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      const onMessage = (msg: { id: number; p: Float64Array }): void => {
        if (msg.id !== id) return;
        w.off('message', onMessage);
        w.off('error', reject);
        resolve(msg.p);
      };
      w.on('message', onMessage);
      w.once('error', reject);
      w.postMessage({ id, input, options });
    });
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
      const parts = workers.map((w, i) => {
        const from = Math.floor((K * i) / size);
        const to = Math.floor((K * (i + 1)) / size);
        return call(w, plain, { ...options, from, to }).then((p) => ({ from, p }));
      });
      const out = new Float64Array(K);
      for (const { from, p } of await Promise.all(parts)) out.set(p, from);
      return out;
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

/**
 * Worker threads do not inherit tsx's module hooks, so the worker registers them itself (tsx's `register()` API)
 * before importing the TypeScript worker module; without tsx (compiled code) the module is started directly.
 */
function startWorker(): Worker {
  const url = new URL('./attainment-worker.ts', import.meta.url);
  let api: string | undefined;
  try {
    api = import.meta.resolve('tsx/esm/api');
  } catch {
    api = undefined;
  }
  if (!api) return new Worker(url);
  const code = `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(url.href)}); });`;
  return new Worker(code, { eval: true });
}
