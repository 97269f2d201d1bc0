// `trajectory assess` end to end (packages/cli/src/commands/assess.ts).
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { run } from '../src/commands/assess.ts';
import { TABLE_WIDTH } from '../src/format-table.ts';
import { displayWidth } from '../src/text-table.ts';
import { capture } from './support/capture.ts';

afterEach(() => vi.restoreAllMocks());

describe('trajectory assess', () => {
  it('--json --region nankai prints the plan assessment of that region only, seeded', async () => {
    const io = capture();
    expect(await run(['--json', '--region', 'nankai', '--seed', '3', '--paths', '300'])).toBe(0);
    const plan = JSON.parse(io.out.join('\n'));
    expect(plan.seed).toBe(3);
    expect(plan.nPaths).toBe(300);
    expect(plan.regions.map((r: { region: string }) => r.region)).toEqual(['nankai']);
    expect(plan.regions[0].conflicts.map((c: { id: string }) => c.id)).toContain('nankai.hightech_firms@2023');
  });

  it('prints one table per region, headed by the region name, and accepts the Chinese region name', async () => {
    const io = capture();
    expect(await run(['--region', '河西区', '--paths', '200'])).toBe(0);
    const text = io.out.join('\n');
    expect(text).toMatch(/^== 河西区 Hexi District \(hexi\)/);
    expect(text).toMatch(/P\(attain\) \[95%\] verdict/);
    expect(text).toMatch(/n\/a \(target-blank\)/);
    expect(text).toMatch(/^Conclusion: \d+ likely, \d+ uncertain, \d+ unlikely, \d+ not assessable of \d+ — /m);
  });

  it('the default table fits 120 display columns for every region; each region ends with its conclusion', async () => {
    const io = capture();
    expect(await run(['--paths', '200'])).toBe(0);
    const lines = io.out.join('\n').split('\n');
    expect(lines.filter((l) => displayWidth(l) > TABLE_WIDTH)).toEqual([]);
    const blocks = io.out.join('\n').split(/\n\n/);
    const regions = blocks.filter((b) => b.startsWith('== '));
    expect(regions.length).toBeGreaterThanOrEqual(4);
    for (const b of regions) expect(b.split('\n').at(-1)).toMatch(/^Conclusion: /);
    // the verdict word follows every probability
    for (const l of lines.filter((x) => /\d%\s\[/.test(x))) expect(l).toMatch(/\] (likely|uncertain|unlikely) /);
  });

  it('--wide brings back every column: growth, ratios, each assessor, and the statuses by key', async () => {
    const io = capture();
    expect(await run(['--region', 'hexi', '--paths', '200', '--wide'])).toBe(0);
    const text = io.out.join('\n');
    for (const h of ['required CAGR (incr.)', 'historical CAGR (incr.)', 'Eurostat', 'ESCAP', 'SDSN', '序时进度'])
      expect(text).toContain(h);
    expect(text).toMatch(/target-blank \(\d+\): hexi\.hightech_firms/);
    expect(text).toMatch(/^Conclusion: /m);
    expect(text.split('\n').some((l) => displayWidth(l) > TABLE_WIDTH)).toBe(true);
  });

  it('--out DIR writes assessment.json and index.html, leaving no temp files', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'assess-'));
    try {
      capture();
      expect(await run(['--region', 'binhai', '--paths', '200', '--out', dir])).toBe(0);
      const files = await readdir(dir);
      expect(files).toContain('assessment.json');
      expect(files).toContain('index.html');
      expect(files.some((f) => f.endsWith('.tmp'))).toBe(false);
      const plan = JSON.parse(await readFile(join(dir, 'assessment.json'), 'utf8'));
      expect(plan.regions[0].region).toBe('binhai');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('rejects bad flags with exit code 2 and says why', async () => {
    const io = capture();
    expect(await run(['--region', 'atlantis'])).toBe(2);
    expect(io.err.join('\n')).toMatch(/unknown region 'atlantis'; the dataset has: .*nankai/);
    expect(await run(['--seed', 'x'])).toBe(2);
    expect(await run(['--paths', '0'])).toBe(2);
    expect(await run(['--bogus'])).toBe(2);
    expect(io.err.join('\n')).toMatch(/--seed must be a number, got 'x'/);
  });

  it('--method bogus exits 2 listing the valid methods, before any work (no output)', async () => {
    const io = capture();
    const project = await import('@trajectory/forecast');
    expect(await run(['--method', 'bogus', '--json'])).toBe(2);
    const err = io.err.join('\n');
    expect(err).toMatch(/unknown method 'bogus'; choose one of: /);
    for (const name of project.projectionMethods()) expect(err).toContain(name);
    expect(err).toContain('theta');
    expect(io.out).toEqual([]); // nothing assessed, nothing printed
  });

  it('--method with a valid name runs with that method', async () => {
    const io = capture();
    expect(await run(['--method', 'drift', '--json', '--region', 'nankai', '--paths', '200'])).toBe(0);
    const plan = JSON.parse(io.out.join('\n'));
    const methods = plan.regions[0].targets
      .map((t: { projection: { method: string } | null }) => t.projection?.method)
      .filter(Boolean);
    expect(methods.length).toBeGreaterThan(0);
    // drift needs two years; one-point series fall back to reference-class and say so
    for (const m of methods) expect(['drift', 'reference-class']).toContain(m);
  });

  it('--help shows the defaults of the engine', async () => {
    const io = capture();
    const { DEFAULTS } = await import('@trajectory/forecast');
    expect(await run(['--help'])).toBe(0);
    expect(io.out.join('\n')).toContain(`default ${DEFAULTS.seed}`);
    expect(io.out.join('\n')).toContain(`default ${DEFAULTS.paths}`);
  });
});
