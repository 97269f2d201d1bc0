import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../scripts/lib/dataset.ts';
import { evaluateSeries } from '../../scripts/lib/evaluate.ts';
import { smape } from '../../scripts/lib/metrics.ts';

const dir = fileURLToPath(new URL('../../../../../shared/data/m3-yearly', import.meta.url));
const subset = loadDataset(dir).slice(0, 60);

describe('backtest on 60 M3 series', () => {
  it('evaluateSeries(naive) scores the last value: sMAPE equals an independent computation', () => {
    let ours = 0;
    let independent = 0;
    for (const s of subset) {
      const r = evaluateSeries(s, { method: 'naive', window: 0, nPaths: 400, seed: 1, calibration: 'm3' });
      ours += r.smape;
      const last = s.train[s.train.length - 1]!;
      independent += s.test.reduce((a, y) => a + (200 * Math.abs(y - last)) / (y + last), 0) / s.test.length;
      expect(r.p.every((p, k) => k === 0 || p <= r.p[k - 1]!)).toBe(true); // higher targets are less likely
    }
    // the paths' median of a centred table equals the point forecast up to Monte Carlo asymmetry
    expect(Math.abs(ours / 60 - independent / 60)).toBeLessThan(0.02);
    expect(smape([1], [1])).toBe(0);
  });

  it('the script prints one JSON object with the documented fields (2 workers)', () => {
    const script = fileURLToPath(new URL('../../scripts/backtest.ts', import.meta.url));
    const out = execFileSync(
      process.execPath,
      ['--import', 'tsx', script, '--', '--dataset', dir, '--limit', '40', '--paths', '200', '--json'],
      {
        encoding: 'utf8',
      },
    );
    const r = JSON.parse(out);
    for (const k of [
      'series',
      'horizon',
      'method',
      'smape',
      'mase',
      'msis',
      'coverage80',
      'coverage95',
      'brier',
      'brierSkill',
      'reliability',
      'seconds',
    ])
      expect(r).toHaveProperty(k);
    expect(r.series).toBe(40);
    expect(r.horizon).toBe(6);
    expect(r.workers).toBe(2);
    expect(r.coverage80).toBeLessThanOrEqual(r.coverage95);
    expect(r.reliability).toHaveLength(10);
    expect(r.reliability.reduce((a: number, b: { n: number }) => a + b.n, 0)).toBe(240);
  });
});
