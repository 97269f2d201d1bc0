// @trajectory/core/node: file reading and writing (Node only; the main entry stays browser-safe)
export { readFileBounded, readTextFileBounded, type ReadBoundedOptions } from './read-file-bounded.ts';
export {
  writeFileAtomic,
  writeFileAtomicSync,
  copyFileAtomic,
  writeDirAtomic,
  assertReplaceableFile,
  type WriteDirOptions,
} from './write-file-atomic.ts';
export { readIndicatorCsvFile } from './indicator-csv-file.ts';
export {
  createWorkerPool,
  serveWorkerTasks,
  workerModule,
  type WorkerPool,
  type WorkerPoolOptions,
} from './worker-pool.ts';
