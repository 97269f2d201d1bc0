import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromCSV } from 'arquero';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { INDICATOR_COLUMNS } from '@trajectory/core';
import { run } from '../src/commands/extract.ts';

describe('trajectory extract <plan.txt>', () => {
  let dir: string;
  let out: string[];
  let err: string[];
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'extract-cli-'));
    out = [];
    err = [];
    vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
    vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
  });
  afterEach(() => vi.restoreAllMocks());

  const plan =
    '截至2020年底，国家级高新技术企业146家，雏鹰、瞪羚企业分别达到78家、4家。\n到2025年，各类人才总量达到18万人，比“十三五”末增长25%。';

  it('prints a readable table', async () => {
    const file = join(dir, 'plan.txt');
    writeFileSync(file, plan);
    expect(await run([file])).toBe(0);
    const text = out.join('\n');
    expect(text).toMatch(/^conf\s+kind\s+year\s+value/);
    expect(text).toContain('国家级高新技术企业');
    expect(text).toContain('increase-percent 25 vs 2020');
    expect(text).toContain('4 candidates from');
  });

  it('--json prints the candidates and the decoding report', async () => {
    const file = join(dir, 'plan.txt');
    writeFileSync(file, plan);
    expect(await run([file, '--json'])).toBe(0);
    const json = JSON.parse(out.join('\n'));
    expect(json).toMatchObject({ encoding: 'utf-8', baseYear: 2020, warnings: [] });
    expect(json.candidates.map((c: { value: number }) => c.value)).toEqual([146, 78, 4, 18]);
  });

  it("--out writes a CSV in the dataset's columns plus confirmed, confidence and rule, with no temp file left", async () => {
    const file = join(dir, 'plan.txt');
    const csv = join(dir, 'candidates.csv');
    writeFileSync(file, plan);
    expect(await run([file, '--out', csv, '--min-confidence', '0.5'])).toBe(0);
    const bytes = readFileSync(csv, 'utf8');
    // a UTF-8 BOM first, so Excel reads the Chinese text as UTF-8
    expect(bytes.startsWith('\uFEFF')).toBe(true);
    const text = bytes.slice(1);
    expect(text.split('\n')[0]).toBe(['confirmed', ...INDICATOR_COLUMNS, 'confidence', 'rule'].join(','));
    const rows = fromCSV(text, { autoType: false }).objects() as Record<string, string>[];
    expect(rows.map((r) => [r.id, r.kind, r.year, r.value, r.unit])).toEqual([
      ['plan.c1', 'observed', '2020', '146', '家'],
      ['plan.c2', 'observed', '2020', '78', '家'],
      ['plan.c3', 'observed', '2020', '4', '家'],
      ['plan.c4', 'target', '2025', '18', '万人'],
    ]);
    expect(rows.every((r) => plan.includes(r.quote!))).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['candidates.csv', 'plan.txt']);
  });

  it('a GBK file is decoded with a warning', async () => {
    const file = new URL('./fixtures/gbk-sample.txt', import.meta.url).pathname;
    expect(await run([file])).toBe(0);
    expect(err).toEqual([`warning: ${file}: not UTF-8; decoded as GBK/GB18030`]);
  });

  it('bad input: missing file, empty file, binary file, bad option → clear message and non-zero exit', async () => {
    expect(await run([join(dir, 'nope.txt')])).toBe(1);
    expect(err.pop()).toBe(`trajectory extract: cannot read ${join(dir, 'nope.txt')}: ENOENT`);
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '');
    expect(await run([empty])).toBe(1);
    expect(err.pop()).toBe(`trajectory extract: ${empty}: empty file`);
    const bin = join(dir, 'x.bin');
    writeFileSync(bin, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]));
    expect(await run([bin])).toBe(1);
    expect(err.pop()).toMatch(/x\.bin: binary data \(NUL byte at offset 4\)/);
    expect(await run([])).toBe(2);
    expect(await run([empty, '--min-confidence', 'high'])).toBe(2);
    expect(err.pop()).toMatch(/--min-confidence must be a number in \[0, 1\], got 'high'/);
  });

  it('an existing --out file is left untouched when extraction fails', async () => {
    const csv = join(dir, 'keep.csv');
    writeFileSync(csv, 'previous results\n');
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '');
    expect(await run([empty, '--out', csv])).toBe(1);
    expect(readFileSync(csv, 'utf8')).toBe('previous results\n');
  });
});
