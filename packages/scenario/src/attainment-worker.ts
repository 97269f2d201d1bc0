/** Worker side of `createAttainmentPool`: computes a slice of indicators with `attainmentBatch`. */
import { serveWorkerTasks } from '@trajectory/core/node';
import { attainmentBatch, type AttainmentBatchInput, type AttainmentBatchOptions } from './attainment-batch.ts';

serveWorkerTasks<{ input: AttainmentBatchInput; options: AttainmentBatchOptions }, Float64Array>(
  ({ input, options }) => attainmentBatch(input, options),
  { transfer: (p) => [p.buffer as ArrayBuffer] },
);
