import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileSpec } from '@trajectory/charts/render';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { run } from '../src/commands/run.ts';

const example = fileURLToPath(new URL('../../../examples/nankai-gazelle-doubling.yaml', import.meta.url));

function capture(): { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => ((out += String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => ((err += String(s)), true));
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void (err += `${a.join(' ')}\n`));
  return { out: () => out, err: () => err };
}

describe('trajectory run <scenario-file>', () => {
  afterEach(() => vi.restoreAllMocks());

  it('--json twice with the same seed is byte-identical; --seed changes it', async () => {
    const a = capture();
    expect(await run([example, '--json', '--draws', '300'])).toBe(0);
    vi.restoreAllMocks();
    const b = capture();
    expect(await run([example, '--json', '--draws', '300'])).toBe(0);
    vi.restoreAllMocks();
    const c = capture();
    expect(await run([example, '--json', '--draws', '300', '--seed', '99'])).toBe(0);
    expect(a.out()).toBe(b.out());
    expect(a.out()).not.toBe(c.out());
    const parsed = JSON.parse(a.out()) as { scenario: { draws: number }; targets: unknown[] };
    expect(parsed.scenario.draws).toBe(300);
    expect(parsed.targets).toHaveLength(5);
    expect(a.err()).toBe(''); // no progress bar with --json / without a TTY
  });

  it('prints a summary and writes JSON, CSV and Vega-Lite specs with --out', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scn-out-'));
    const c = capture();
    expect(await run([example, '--draws', '500', '--out', dir])).toBe(0);
    expect(c.out()).toContain('Targets: P(attain) baseline vs scenario');
    expect(c.out()).toContain('Lever needed for each goal');
    expect(readdirSync(dir).sort()).toEqual(['bands.csv', 'charts', 'result.json', 'targets.csv']);
    // a UTF-8 BOM first, so Excel reads the Chinese labels as UTF-8
    expect(readFileSync(join(dir, 'targets.csv'), 'utf8').split('\n')[0]).toMatch(
      /^\uFEFFlabel,indicator,year,comparator,value,p_baseline/,
    );
    expect(readFileSync(join(dir, 'bands.csv'), 'utf8').startsWith('\uFEFF')).toBe(true);
    const charts = readdirSync(join(dir, 'charts'));
    expect(charts).toContain('gazelle.vl.json');
    expect(charts).toContain('pipeline-ladder.vl.json');
    for (const f of charts) {
      // every spec compiles with Vega-Lite without a warning
      const spec = JSON.parse(readFileSync(join(dir, 'charts', f), 'utf8')) as Parameters<typeof compileSpec>[0] & {
        $schema: string;
      };
      expect(spec.$schema).toMatch(/vega-lite/);
      expect(compileSpec(spec).warnings).toEqual([]);
    }
  });

  it('bad flag values: exit code 2 with the usage, before the file is read', async () => {
    for (const [flag, message] of [
      ['--draws=0', "--draws must be an integer >= 1, got '0'"],
      ['--draws=1e3', "--draws must be an integer >= 1, got '1e3'"],
      ['--seed=-1', "--seed must be a non-negative integer, got '-1'"],
      ['--seed=x', "--seed must be a non-negative integer, got 'x'"],
      ['--seed=4294967296', "--seed must be a non-negative integer, got '4294967296' (at most 4294967295)"],
    ] as const) {
      const c = capture();
      // a file that does not exist: a flag error must come first
      expect(await run(['/nonexistent.yaml', flag])).toBe(2);
      expect(c.err()).toContain(`trajectory run: ${message}`);
      expect(c.err()).toContain('usage: trajectory run');
      vi.restoreAllMocks();
    }
  });

  it('bad input in the file: exit code 1 and file:line: field: problem on stderr', async () => {
    const c = capture();
    expect(await run(['/nonexistent.yaml'])).toBe(1);
    expect(c.err()).toMatch(/nonexistent\.yaml/);
    expect(await run([])).toBe(2);
  });
});
