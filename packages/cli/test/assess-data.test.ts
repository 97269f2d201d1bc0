// `trajectory assess --data FILE [--as-of YEAR]`: a user's indicators file (a synthetic province here).
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { run } from '../src/commands/assess.ts';
import { capture } from './support/capture.ts';

/** The synthetic-province script of @trajectory/forecast, run as the user would (not imported across packages). */
const script = fileURLToPath(new URL('../../forecast/scripts/synthetic-province.ts', import.meta.url));
function synthetic(n: number, out: string): void {
  execFileSync(process.execPath, ['--import', 'tsx', script, '--indicators', String(n), '--seed', '4', '--out', out], {
    stdio: 'ignore',
  });
}

let dir: string;
let file: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'assess-data-'));
  file = join(dir, 'province.csv');
  // district_xxx regions outside the known list: labels, not errors
  synthetic(10, file);
});
afterAll(() => rm(dir, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

describe('trajectory assess --data', () => {
  it('assesses every target of the file with the pooled model, in the JSON shape of the seed assessment', async () => {
    const io = capture({ stderr: 'silence' });
    expect(await run(['--data', file, '--json', '--paths', '400'])).toBe(0);
    const plan = JSON.parse(io.out.join('\n'));
    const targets = plan.regions.flatMap((r: { targets: unknown[] }) => r.targets);
    expect(targets).toHaveLength(10);
    for (const t of targets) {
      expect(Object.keys(t)).toEqual(
        expect.arrayContaining(['indicatorId', 'target', 'probability', 'atTarget', 'status', 'reason']),
      );
      expect(t.status).toBe('ok');
      // six observations 2015–2020: growth curves chosen by AICc, pooled (growth rates revert instead)
      expect(t.projection.method).toBe(t.measure === 'growth' ? 'pooled' : 'pooled-curve');
      expect(t.probability).toBeGreaterThanOrEqual(0);
      expect(t.statisticalProbability).toBeGreaterThanOrEqual(0);
      // the calibrated probability's 95 % interval (calibration bootstrap and simulation error) holds it
      expect(t.probabilityInterval.level).toBe(0.95);
      expect(t.probabilityInterval.lower).toBeLessThanOrEqual(t.probability);
      expect(t.probabilityInterval.upper).toBeGreaterThanOrEqual(t.probability);
      expect(t.probabilityInterval.basis).toMatch(/bootstrap over \d+ plan families/);
    }
  });

  it('--as-of drops later observations; a year before every observation is an error naming file, row and field', async () => {
    const io = capture({ stderr: 'silence' });
    expect(await run(['--data', file, '--json', '--paths', '200', '--as-of', '2017'])).toBe(0);
    const plan = JSON.parse(io.out.join('\n'));
    const t = plan.regions[0].targets[0];
    expect(t.lastObservation.year).toBe(2017);
    const bad = capture({ stderr: 'silence' });
    expect(await run(['--data', file, '--as-of', '2010'])).toBe(1);
    expect(bad.err.join('\n')).toMatch(
      /province\.csv: --as-of 2010 is before every observation \(the earliest is row 1, field year = 2015\)/,
    );
  });

  it('an unknown measure is an error naming file, row and field', async () => {
    const badFile = join(dir, 'bad.csv');
    await writeFile(badFile, (await readFile(file, 'utf8')).replace(',count,', ',index,'));
    const io = capture({ stderr: 'silence' });
    expect(await run(['--data', badFile])).toBe(1);
    expect(io.err.join('\n')).toMatch(/bad\.csv:2 \(row 1\).*measure.*'index'/);
  });
});
