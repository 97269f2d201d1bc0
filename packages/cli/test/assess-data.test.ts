// `trajectory assess --data FILE [--as-of YEAR]`: a user's indicators file (a synthetic province here).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeIndicatorCsv } from '@trajectory/core';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { syntheticProvince } from '../../forecast/scripts/synthetic-province.ts';
import { run } from '../src/commands/assess.ts';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  return { out, err };
}

let dir: string;
let file: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'assess-data-'));
  file = join(dir, 'province.csv');
  // district_xxx regions and the unit '年' for schooling years: labels, not errors
  await writeFile(file, writeIndicatorCsv(syntheticProvince(10, 4)));
});
afterAll(() => rm(dir, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

describe('trajectory assess --data', () => {
  it('assesses every target of the file with the pooled model, in the JSON shape of the seed assessment', async () => {
    const io = capture();
    expect(await run(['--data', file, '--json', '--paths', '400'])).toBe(0);
    const plan = JSON.parse(io.out.join('\n'));
    const targets = plan.regions.flatMap((r: { targets: unknown[] }) => r.targets);
    expect(targets).toHaveLength(10);
    for (const t of targets) {
      expect(Object.keys(t)).toEqual(
        expect.arrayContaining(['indicatorId', 'target', 'probability', 'atTarget', 'status', 'reason']),
      );
      expect(t.status).toBe('ok');
      expect(t.projection.method).toBe('pooled');
      expect(t.probability).toBeGreaterThanOrEqual(0);
      expect(t.statisticalProbability).toBeGreaterThanOrEqual(0);
    }
  });

  it('--as-of drops later observations; a year before every observation is an error naming file, row and field', async () => {
    const io = capture();
    expect(await run(['--data', file, '--json', '--paths', '200', '--as-of', '2017'])).toBe(0);
    const plan = JSON.parse(io.out.join('\n'));
    const t = plan.regions[0].targets[0];
    expect(t.lastObservation.year).toBe(2017);
    const bad = capture();
    expect(await run(['--data', file, '--as-of', '2010'])).toBe(1);
    expect(bad.err.join('\n')).toMatch(
      /province\.csv: --as-of 2010 is before every observation \(the earliest is row 1, field year = 2015\)/,
    );
  });

  it('an unknown measure is an error naming file, row and field', async () => {
    const badFile = join(dir, 'bad.csv');
    const rows = syntheticProvince(2, 4);
    await writeFile(badFile, writeIndicatorCsv(rows).replace(',count,', ',index,'));
    const io = capture();
    expect(await run(['--data', badFile])).toBe(1);
    expect(io.err.join('\n')).toMatch(/bad\.csv:2 \(row 1\).*measure.*'index'/);
  });
});
