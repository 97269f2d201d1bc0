import { describe, expect, it } from 'vitest';
import { createWorkerPool, workerModule } from '../src/worker-pool.ts';

const module = workerModule(new URL('./fixtures/scale-worker.ts', import.meta.url).href, 'scale-worker');

describe('createWorkerPool (worker threads running one module)', () => {
  it('runs every task on some worker with the shared data and answers each call with its own result', async () => {
    const pool = createWorkerPool<number, number>(module, 2, { shared: 3 });
    try {
      const tasks = Array.from({ length: 25 }, (_, i) => i);
      expect(await Promise.all(tasks.map((t) => pool.run(t)))).toEqual(tasks.map((t) => 3 * t));
    } finally {
      await pool.close();
    }
  }, 60_000);

  it("rejects a task whose handler throws, with the worker's message, and keeps serving the others", async () => {
    const pool = createWorkerPool<number, number>(module, 1, { shared: 2 });
    try {
      await expect(pool.run(-1)).rejects.toThrow('negative task -1');
      expect(await pool.run(4)).toBe(8);
    } finally {
      await pool.close();
    }
    await expect(pool.run(1)).rejects.toThrow('closed');
  }, 60_000);

  it('refuses a size that is not a positive integer', () => {
    expect(() => createWorkerPool(module, 0)).toThrow(RangeError);
  });

  it('workerModule picks the .js beside a compiled caller and the .ts beside a source one', () => {
    expect(workerModule('file:///p/dist/a.js', 'w').href).toBe('file:///p/dist/w.js');
    expect(workerModule('file:///p/src/a.ts', 'w').href).toBe('file:///p/src/w.ts');
  });
});
