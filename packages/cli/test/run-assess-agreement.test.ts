// `assess` and `run` on the same target (issue 12, item 5): the example's high-tech firms follow `growth: projected`,
// the projection and calibration assess uses, so both commands give the same P(attain) within Monte Carlo error.
import { fileURLToPath } from 'node:url';
import { bundledOutcomeModel, calibratedProbability } from '@trajectory/forecast';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { run as assess } from '../src/commands/assess.ts';
import { run } from '../src/commands/run.ts';

const example = fileURLToPath(new URL('../../../examples/binhai-table1-2025.yaml', import.meta.url));

async function json(command: (argv: string[]) => Promise<number>, argv: string[]) {
  // assess prints with console.log, run writes to stdout
  const out: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(`${a.join(' ')}\n`));
  vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => (out.push(String(s)), true));
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  expect(await command(argv)).toBe(0);
  vi.restoreAllMocks();
  return JSON.parse(out.join(''));
}
afterEach(() => vi.restoreAllMocks());

interface AssessTarget {
  indicatorId: string;
  target: { year: number; value: number };
  probability: number;
  statisticalProbability: number;
  probabilityStdError: number;
  calibration: { features: { binding: number; reduction: number; horizon: number } };
}

async function assessed(seed: number, paths: number) {
  const plan = await json(assess, ['--region', 'binhai', '--json', '--paths', String(paths), '--seed', String(seed)]);
  const targets: AssessTarget[] = plan.regions.flatMap((r: { targets: AssessTarget[] }) => r.targets);
  return targets.find((t) => t.indicatorId === 'binhai.hightech_firms' && t.target.year === 2025)!;
}

async function ran(seed: number, draws: number) {
  const result = await json(run, [example, '--json', '--draws', String(draws), '--seed', String(seed)]);
  return result.targets.find((t: { label: string }) => t.label === '高企 2500');
}

describe('assess and run agree on Binhai high-tech firms >= 2500 in 2025 (growth: projected)', () => {
  it('with the same seed and paths: the same paths, so the same probabilities', { timeout: 120_000 }, async () => {
    const a = await assessed(7, 2000);
    const r = await ran(7, 2000);
    expect(r.assessed.method).toBe('pooled');
    // run's JSON rounds to 10 significant digits
    expect(r.baseline.probability).toBeCloseTo(a.statisticalProbability, 9);
    expect(r.assessed.statisticalProbability).toBeCloseTo(a.statisticalProbability, 9);
    expect(r.assessed.probability).toBeCloseTo(a.probability, 9);
  });

  it('with different seeds: within Monte Carlo error, before and after the recalibration on past plans', {
    timeout: 120_000,
  }, async () => {
    const a = await assessed(11, 4000);
    const r = await ran(12, 4000);
    const se = Math.sqrt(a.probabilityStdError ** 2 + r.baseline.stdError ** 2);
    expect(Math.abs(r.baseline.probability - a.statisticalProbability)).toBeLessThanOrEqual(3 * se);
    // the recalibration is monotone in the share of paths: run's calibrated P lies between the calibrated values of
    // assess's share ± 3 combined standard errors
    const model = bundledOutcomeModel()!.model;
    const features = a.calibration.features;
    const cal = (p: number) =>
      calibratedProbability(model, {
        statisticalProbability: Math.min(1 - 1e-6, Math.max(1e-6, p)),
        binding: features.binding === 1,
        ambition: 0,
        reduction: features.reduction === 1,
        horizon: features.horizon * 5,
        nPaths: 4000,
      });
    expect(cal(a.statisticalProbability)).toBeCloseTo(a.probability, 10);
    expect(r.assessed.probability).toBeGreaterThanOrEqual(cal(a.statisticalProbability - 3 * se));
    expect(r.assessed.probability).toBeLessThanOrEqual(cal(a.statisticalProbability + 3 * se));
  });
});
