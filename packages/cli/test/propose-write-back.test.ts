// A proposal written back as a target is what `assess --data FILE --as-of YEAR` then reports (issue 18's write-back
// bar), through the command line: both commands read the file with the same evidence, growth curves included.
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readIndicatorCsv, writeIndicatorCsv } from '@trajectory/core';
import { afterEach, expect, it, vi } from 'vitest';
import { run as assess } from '../src/commands/assess.ts';
import { run as propose } from '../src/commands/propose.ts';

/** The synthetic-province script of @trajectory/forecast, run as the user would (not imported across packages). */
const script = fileURLToPath(new URL('../../forecast/scripts/synthetic-province.ts', import.meta.url));

function stdout(): string[] {
  const out: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void out.push(`ERR ${a.join(' ')}`));
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  return out;
}

afterEach(() => vi.restoreAllMocks());

it('every expected rung (0.7) of a file with six observations an indicator is assessed within 0.01 of its P', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'write-back-'));
  try {
    const file = join(dir, 'province.csv');
    // five measures (count, amount, share, level, growth rate), six observations 2015–2020 each: the curve path
    execFileSync(process.execPath, ['--import', 'tsx', script, '--indicators', '10', '--seed', '3', '--out', file], {
      stdio: 'ignore',
    });
    let out = stdout();
    const argv = ['--data', file, '--as-of', '2020', '--workers', '1'];
    expect(await propose([...argv, '--year', '2025', '--probability', '0.7', '--json'])).toBe(0);
    const proposals = JSON.parse(out.join('\n')).proposals as {
      indicatorId: string;
      direction: 'increase' | 'decrease';
      ladder: { value: number; probability: number }[];
    }[];
    expect(proposals.length).toBe(10);

    // the file's 2025 targets rewritten to the proposals (comparator from the proposal's direction)
    const rung = new Map(proposals.map((p) => [p.indicatorId, p]));
    const rows = readIndicatorCsv(await readFile(file, 'utf8'), file).map((r) => {
      const p = rung.get(r.indicator);
      if (r.kind !== 'target' || r.year !== 2025 || !p) return r;
      const value = p.ladder[0]!.value;
      const text = String(value);
      const comparator = p.direction === 'decrease' ? '<=' : '>=';
      return { ...r, value, value_text: text, comparator, quote: `2025年目标${text}` } as typeof r;
    });
    const written = join(dir, 'written-back.csv');
    await writeFile(written, writeIndicatorCsv(rows));

    vi.restoreAllMocks();
    out = stdout();
    const code = await assess([...argv.map((a) => (a === file ? written : a)), '--json']);
    expect(code, out.filter((l) => l.startsWith('ERR')).join('\n')).toBe(0);
    const targets = (
      JSON.parse(out.join('\n')) as { regions: { targets: { indicatorId: string; probability: number | null }[] }[] }
    ).regions.flatMap((r) => r.targets);
    let compared = 0;
    for (const t of targets) {
      const p = rung.get(t.indicatorId);
      if (!p) continue;
      expect(t.probability, t.indicatorId).not.toBeNull();
      expect(Math.abs(t.probability! - p.ladder[0]!.probability), t.indicatorId).toBeLessThanOrEqual(0.01);
      compared++;
    }
    expect(compared).toBe(10);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
