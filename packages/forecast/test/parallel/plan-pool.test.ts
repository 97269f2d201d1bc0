/**
 * The assessment and the proposals on worker threads give exactly what the single-threaded functions give: every
 * indicator draws from its own forked stream, so neither the number of workers nor the chunking changes a number.
 */
import { rowsToIndicators } from '@trajectory/core';
import { describe, expect, it } from 'vitest';
import { assessPlan, proposeTargets } from '../../src/index.ts';
import { assessPlanParallel, PARALLEL_MIN_INDICATORS, proposeTargetsParallel } from '../../src/node.ts';
import { syntheticProvince } from '../../scripts/synthetic-province.ts';

// mixed measures (count, amount, share, level, growth), each with a 2025 target; enough to go to the workers
const indicators = rowsToIndicators(syntheticProvince(60, 7), {
  file: 'synthetic.csv',
  unknownUnits: 'label',
});
// curves: {} (a user's file, as the CLI passes it) must reach the workers too
const options = { seed: 11, nPaths: 400, curves: {} };
const parallel = { workers: 2, minIndicators: 20 };

describe('assessPlanParallel / proposeTargetsParallel', () => {
  it('assess: identical to assessPlan with 2 workers and uneven chunks, progress reaching the total', async () => {
    const seen: number[] = [];
    const result = await assessPlanParallel(indicators, {
      ...options,
      ...parallel,
      chunkSize: 7,
      onProgress: (done) => seen.push(done),
    });
    expect(result).toEqual(assessPlan(indicators, options));
    expect(result.summary.indicators).toBe(indicators.length);
    expect(seen.at(-1)).toBe(indicators.length);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
  }, 120_000);

  it('propose: identical to proposeTargets with 2 workers', async () => {
    const propose = { ...options, year: 2025, asOf: 2020 };
    const result = await proposeTargetsParallel(indicators, { ...propose, ...parallel, chunkSize: 11 });
    expect(result).toEqual(proposeTargets(indicators, propose));
    expect(result.proposals.length).toBeGreaterThan(0);
  }, 120_000);

  it('stays on the calling thread below the threshold and refuses a bad worker count', async () => {
    const few = indicators.slice(0, PARALLEL_MIN_INDICATORS - 1);
    expect(await assessPlanParallel(few, { ...options, workers: 2 })).toEqual(assessPlan(few, options));
    await expect(assessPlanParallel(indicators, { ...options, workers: 0 })).rejects.toThrow(RangeError);
  });
});
