/** Worker side of `createAttainmentPool`: computes a slice of indicators with `attainmentBatch`. */
import { parentPort } from 'node:worker_threads';
import { attainmentBatch, type AttainmentBatchInput, type AttainmentBatchOptions } from './attainment-batch.ts';

parentPort?.on('message', (msg: { id: number; input: AttainmentBatchInput; options: AttainmentBatchOptions }) => {
  const p = attainmentBatch(msg.input, msg.options);
  parentPort!.postMessage({ id: msg.id, p }, [p.buffer as ArrayBuffer]);
});
