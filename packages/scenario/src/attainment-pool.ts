/**
 * `attainmentBatch` on several cores: indicators are split into contiguous slices, one per worker thread. Every
 * indicator has its own random stream (forked by the hash of its index), so the probabilities are identical
 * whatever the number of workers. Workers live until `close()`, so repeated runs do not pay start-up again.
 */
import { Worker } from 'node:worker_threads';
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
 * Starts `size` workers (the compiled worker module, or the TypeScript one through tsx in the workspace).
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
 * Compiled (dist/), the worker is the `.js` file beside this one and starts directly: nothing else is needed at run
 * time. From the sources (the workspace's tests and scripts), worker threads do not inherit tsx's module hooks, so
 * the worker registers them itself (tsx is a workspace dev dependency) and resolves packages by their `source`
 * export condition, like its parent.
 */
function startWorker(): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./attainment-worker.js', import.meta.url));
  const url = new URL('./attainment-worker.ts', import.meta.url);
  const api = import.meta.resolve('tsx/esm/api');
  const code = `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(url.href)}); });`;
  const execArgv = process.execArgv.includes('--conditions=source')
    ? process.execArgv
    : [...process.execArgv, '--conditions=source'];
  return new Worker(code, { eval: true, execArgv });
}
