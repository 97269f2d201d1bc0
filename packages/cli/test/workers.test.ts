// `assess --data` and `propose --data` on worker threads (--workers N) print exactly what one thread prints, and
// `--progress` writes progress lines on stderr when it is not a terminal.
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PARALLEL_MIN_INDICATORS } from '@trajectory/forecast/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { run as assess } from '../src/commands/assess.ts';
import { run as propose } from '../src/commands/propose.ts';
import { capture } from './support/capture.ts';

const script = fileURLToPath(new URL('../../forecast/scripts/synthetic-province.ts', import.meta.url));

let dir: string;
let file: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'workers-'));
  file = join(dir, 'province.csv');
  // just enough indicators to go to the workers
  const n = PARALLEL_MIN_INDICATORS + 5;
  execFileSync(process.execPath, ['--import', 'tsx', script, '--indicators', String(n), '--seed', '5', '--out', file], {
    stdio: 'ignore',
  });
});
afterAll(() => rm(dir, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

describe('--workers N', () => {
  it('assess: the same JSON with 2 workers as with 1, progress lines with --progress', async () => {
    const one = capture({ stderr: 'collect' });
    expect(await assess(['--data', file, '--json', '--paths', '100', '--workers', '1'])).toBe(0);
    vi.restoreAllMocks();
    const two = capture({ stderr: 'collect' });
    expect(await assess(['--data', file, '--json', '--paths', '100', '--workers', '2', '--progress'])).toBe(0);
    expect(two.out.join('\n')).toBe(one.out.join('\n'));
    expect(JSON.parse(two.out.join('\n')).summary.targets).toBe(PARALLEL_MIN_INDICATORS + 5);
    expect(one.err.filter((l) => l.startsWith('assess: '))).toEqual([]);
    expect(two.err.filter((l) => l.startsWith('assess: ')).at(-1)).toBe(
      `assess: ${PARALLEL_MIN_INDICATORS + 5}/${PARALLEL_MIN_INDICATORS + 5} indicators\n`,
    );
  }, 180_000);

  it('propose: the same JSON with 2 workers as with 1', async () => {
    const args = ['--data', file, '--year', '2025', '--json'];
    const one = capture({ stderr: 'collect' });
    expect(await propose([...args, '--workers', '1'])).toBe(0);
    vi.restoreAllMocks();
    const two = capture({ stderr: 'collect' });
    expect(await propose([...args, '--workers', '2'])).toBe(0);
    expect(two.out.join('\n')).toBe(one.out.join('\n'));
  }, 180_000);

  it('a worker count that is not a positive integer exits 2 naming the flag', async () => {
    for (const [command, args] of [
      [assess, ['--data', file]],
      [propose, ['--data', file, '--year', '2025']],
    ] as const) {
      const io = capture({ stderr: 'collect' });
      expect(await command([...args, '--workers', '0'])).toBe(2);
      expect(io.err.join('\n')).toContain('--workers must be an integer');
      vi.restoreAllMocks();
    }
  });
});
