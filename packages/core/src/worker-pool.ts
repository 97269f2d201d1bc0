/**
 * A pool of worker threads running one module, for work split into independent tasks (a chunk of indicators, a
 * slice of a batch). Tasks go to whichever worker is free, results come back in the order of the calls' promises.
 * The worker module answers with {@link serveWorkerTasks}. Compiled (dist/), the module is the `.js` file beside
 * its caller and starts directly; from the sources (the workspace's tests and scripts run through tsx), worker
 * threads do not inherit tsx's module hooks, so the worker registers them itself (tsx is a workspace dev
 * dependency) and resolves packages by their `source` export condition, like its parent.
 */
import { parentPort, Worker, workerData } from 'node:worker_threads';

/** A pool of worker threads that run the tasks of one worker module. */
export interface WorkerPool<Task, Result> {
  /** number of workers */
  readonly size: number;
  /** runs one task on the next free worker; `transfer` lists buffers moved rather than copied */
  run(task: Task, transfer?: readonly ArrayBuffer[]): Promise<Result>;
  /** terminates the workers (pending tasks are rejected) */
  close(): Promise<void>;
}

/** Options of {@link createWorkerPool}. */
export interface WorkerPoolOptions {
  /** data every worker receives once at start (`workerData`), structured-cloned: what all tasks share */
  shared?: unknown;
}

interface Reply {
  id: number;
  result?: unknown;
  error?: { message: string; stack?: string };
}

/**
 * Starts `size` workers running `module` (see {@link workerModule} for the file beside the caller).
 * @example
 * const pool = createWorkerPool<number[], number>(workerModule(import.meta.url, 'sum-worker'), 2);
 * const sums = await Promise.all([[1, 2], [3, 4]].map((t) => pool.run(t)));
 * await pool.close();
 */
export function createWorkerPool<Task, Result>(
  module: URL,
  size: number,
  options: WorkerPoolOptions = {},
): WorkerPool<Task, Result> {
  if (!(Number.isInteger(size) && size >= 1))
    throw new RangeError(`worker pool size must be an integer >= 1, got ${size}`);
  const pending = new Map<number, { resolve: (r: Result) => void; reject: (e: Error) => void }>();
  const queue: { id: number; task: Task; transfer: readonly ArrayBuffer[] }[] = [];
  const idle: Worker[] = [];
  const busy = new Map<Worker, number>();
  let nextId = 0;
  let closed = false;
  const dispatch = (): void => {
    while (idle.length > 0 && queue.length > 0) {
      const w = idle.pop()!;
      const job = queue.shift()!;
      busy.set(w, job.id);
      w.postMessage({ id: job.id, task: job.task }, job.transfer as ArrayBuffer[]);
    }
  };
  const failAll = (error: Error): void => {
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
    queue.length = 0;
  };
  const workers = Array.from({ length: size }, () => {
    const w = startWorker(module, options.shared);
    w.on('message', (msg: Reply) => {
      const p = pending.get(msg.id);
      pending.delete(msg.id);
      busy.delete(w);
      idle.push(w);
      if (p) {
        if (msg.error) {
          const error = new Error(msg.error.message);
          if (msg.error.stack) error.stack = msg.error.stack;
          p.reject(error);
        } else p.resolve(msg.result as Result);
      }
      dispatch();
    });
    w.on('error', (error) => failAll(error));
    w.on('exit', (code) => {
      if (!closed) failAll(new Error(`worker ${module.pathname} exited with code ${code}`));
    });
    idle.push(w);
    return w;
  });
  return {
    size,
    run(task, transfer = []) {
      if (closed) return Promise.reject(new Error('worker pool is closed'));
      return new Promise<Result>((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve, reject });
        queue.push({ id, task, transfer });
        dispatch();
      });
    },
    async close() {
      closed = true;
      failAll(new Error('worker pool closed'));
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

/**
 * The worker module `name` beside the calling module: `name.js` when the caller is compiled, `name.ts` when it
 * runs from the sources.
 * @example
 * const url = workerModule(import.meta.url, 'assess-worker'); // file:///…/dist/assess-worker.js
 */
export function workerModule(callerUrl: string, name: string): URL {
  return new URL(`./${name}${callerUrl.endsWith('.ts') ? '.ts' : '.js'}`, callerUrl);
}

/**
 * The worker side of {@link createWorkerPool}: answers every task with `handle(task, shared)`, where `shared` is the
 * pool's `shared` option; a thrown error rejects that task's promise in the parent. `options.transfer` lists the
 * buffers of a result to move rather than copy. Call it once at the top level of the worker module.
 * @example
 * // sum-worker.ts
 * serveWorkerTasks<number[], number>((task) => task.reduce((a, b) => a + b, 0));
 */
export function serveWorkerTasks<Task, Result>(
  handle: (task: Task, shared: unknown) => Result,
  options: { transfer?: (result: Result) => ArrayBuffer[] } = {},
): void {
  const port = parentPort;
  if (!port) throw new Error('serveWorkerTasks must run in a worker thread');
  port.on('message', (msg: { id: number; task: Task }) => {
    let reply: Reply;
    let transfer: ArrayBuffer[] = [];
    try {
      const result = handle(msg.task, workerData);
      transfer = options.transfer?.(result) ?? [];
      reply = { id: msg.id, result };
    } catch (error) {
      const e = error instanceof Error ? error : new Error(String(error));
      reply = { id: msg.id, error: { message: e.message, ...(e.stack ? { stack: e.stack } : {}) } };
    }
    port.postMessage(reply, transfer);
  });
}

function startWorker(module: URL, shared: unknown): Worker {
  if (!module.pathname.endsWith('.ts')) return new Worker(module, { workerData: shared });
  const api = import.meta.resolve('tsx/esm/api');
  const code = `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(module.href)}); });`;
  const execArgv = process.execArgv.includes('--conditions=source')
    ? process.execArgv
    : [...process.execArgv, '--conditions=source'];
  return new Worker(code, { eval: true, execArgv, workerData: shared });
}
