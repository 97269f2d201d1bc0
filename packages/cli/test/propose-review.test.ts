// `trajectory propose` and `trajectory review` end to end, and the review example (examples/review/).
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { run as propose } from '../src/commands/propose.ts';
import { run as review } from '../src/commands/review.ts';
import { displayWidth } from '../src/text-table.ts';
import { capture } from './support/capture.ts';

const EXAMPLE = join(import.meta.dirname, '../../../examples/review/china-2015-work-report.csv');

afterEach(() => vi.restoreAllMocks());

describe('trajectory propose', () => {
  it('proposes from a data file as of a year; the table fits 120 columns; --out writes CSV with a BOM and JSON', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'propose-'));
    try {
      const io = capture();
      expect(await propose(['--data', EXAMPLE, '--as-of', '2014', '--year', '2016', '--out', dir])).toBe(0);
      const text = io.out.join('\n');
      expect(text).toMatch(/safe \(0\.9\)/);
      for (const line of text.split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(120);
      const json = JSON.parse(await readFile(join(dir, 'proposals.json'), 'utf8'));
      expect(json.year).toBe(2016);
      expect(json.asOf).toBe(2014);
      const cpi = json.proposals.find((p: { indicatorId: string }) => p.indicatorId === 'china.cpi_inflation');
      expect(cpi.direction).toBe('decrease');
      expect(cpi.base).toEqual({ year: 2014, value: 1.92164162788521 });
      const csv = await readFile(join(dir, 'proposals.csv'), 'utf8');
      expect(csv.startsWith('\ufeffindicator,')).toBe(true);
      expect(csv.split('\n').filter((l) => l.startsWith('china.gdp_growth')).length).toBe(4);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it.each([
    [['--year', '2025', '--probability', '0.5,1'], '--probability'],
    [['--year', '2025', '--probability', 'abc'], '--probability'],
    [['--year', '2025', '--probability', '0'], '--probability'],
    [['--data', EXAMPLE, '--year', '2015'], '--year'],
    [['--data', EXAMPLE], '--year'],
    [['--data', EXAMPLE, '--as-of', '2014', '--year', '2014'], '--year'],
    [['--year', '2025', '--as-of', '20x0'], '--as-of'],
    [['--year', '2025', '--probability', '0.5,-0.1'], '--probability'],
  ])('%j is a usage error naming the flag', async (argv, flag) => {
    const io = capture();
    expect(await propose(argv)).toBe(2);
    expect(io.err.join('\n')).toContain(flag);
  });

  it('names file, row and field of a bad data file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'propose-bad-'));
    try {
      const text = await readFile(EXAMPLE, 'utf8');
      const bad = join(dir, 'bad.csv');
      const { writeFile } = await import('node:fs/promises');
      await writeFile(bad, text.replace(',growth,', ',growht,'));
      const io = capture();
      expect(await propose(['--data', bad, '--year', '2016'])).toBe(1);
      expect(io.err.join('\n')).toMatch(/bad\.csv:\d+ \(row \d+\) field 'measure'/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('trajectory review', () => {
  it('reviews the 2015 Government Work Report example against its outcomes', async () => {
    const io = capture();
    expect(await review(['--data', EXAMPLE, '--written', '2014', '--json'])).toBe(0);
    const r = JSON.parse(io.out.join('\n'));
    const by = (id: string) => r.targets.find((t: { indicatorId: string }) => t.indicatorId === `china.${id}`);
    // 7 % GDP growth written as at least 7: 6.98 observed; CPI at most 3: 1.44 observed (plan-outcomes.csv)
    expect(by('gdp_growth')).toMatchObject({ status: 'missed', probability: 0, elapsed: 1 });
    expect(by('gdp_growth').progress).toBeCloseTo((6.97878002657477 - 7.46190028229434) / (7 - 7.46190028229434), 12);
    expect(by('cpi_inflation')).toMatchObject({ status: 'met', probability: 1 });
    expect(by('new_urban_jobs')).toMatchObject({ status: 'not-scored', base: null });
    const brier =
      ((by('gdp_growth').probabilityAtWriting - 0) ** 2 + (by('cpi_inflation').probabilityAtWriting - 1) ** 2) / 2;
    expect(r.summary.brier).toBeCloseTo(brier, 12);
  });

  it.each([
    [['--written', '201'], '--written'],
    [['--as-of', 'latest'], '--as-of'],
    [['--written', '2016', '--as-of', '2015'], '--written'],
    [['--pdf'], '--pdf'],
  ])('%j is a usage error naming the flag', async (argv, flag) => {
    const io = capture();
    expect(await review(['--data', EXAMPLE, ...argv])).toBe(2);
    expect(io.err.join('\n')).toContain(flag);
  });

  it('prints a table within 120 columns and refuses --written after --as-of', async () => {
    let io = capture();
    expect(await review(['--data', EXAMPLE, '--written', '2014'])).toBe(0);
    for (const line of io.out.join('\n').split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(120);
    vi.restoreAllMocks();
    io = capture();
    expect(await review(['--data', EXAMPLE, '--written', '2016', '--as-of', '2015'])).toBe(2);
    expect(io.err.join('\n')).toContain('--written');
  });
});
