/** `trajectory data`: the table, --region, --conflicts, --json and bad arguments. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { run } from '../src/commands/data.ts';

async function capture(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
  const code = await run(argv);
  return { code, out: out.join('\n'), err: err.join('\n') };
}
afterEach(() => vi.restoreAllMocks());

describe('trajectory data', () => {
  it('lists every region with names, observations and targets (relative forms resolved)', async () => {
    const { code, out } = await capture([]);
    expect(code).toBe(0);
    for (const r of ['南开区 Nankai District (nankai)', '河西区 Hexi District (hexi)', '(teda)', '(binhai)'])
      expect(out).toContain(r);
    expect(out).toMatch(
      /binhai\.hightech_firms {2}国家高新技术企业数 · national high-tech enterprises {2}\[家, count, stock\]/,
    );
    expect(out).toMatch(/target {3}2023 {2}>= 32 {2}\[瞪羚企业数量翻番: x2 on 2020 = 16\]/);
    expect(out).toMatch(/target {3}2025 {2}\(blank in the document\)/);
    expect(out).toMatch(/6 conflicts/);
  });

  it('--region hexi shows one region; --region by Chinese name works', async () => {
    const { out } = await capture(['--region', 'hexi']);
    expect(out).toContain('(hexi)');
    expect(out).not.toContain('(binhai)');
    expect((await capture(['--region', '河西区'])).out).toBe(out);
  });

  it('--conflicts lists the cross-document and within-document conflicts with quotes', async () => {
    const { code, out } = await capture(['--conflicts']);
    expect(code).toBe(0);
    expect(out).toContain('[cross-document] nankai.hightech_firms');
    expect(out).toContain('国家高新技术企业增加到 650 家');
    expect(out).toContain('[within-document] hexi.hightech_firms');
    expect(out).toContain('[within-document] binhai.strategic_emerging_va_share');
  });

  it('--json is machine-readable and --conflicts --json gives the conflicts', async () => {
    const all = JSON.parse((await capture(['--json', '--region', 'nankai'])).out);
    expect(all.regions.map((r: { region: string }) => r.region)).toEqual(['nankai']);
    const gazelle = all.regions[0].indicators.find((i: { id: string }) => i.id === 'nankai.gazelle_firms');
    expect(gazelle.targets.map((t: { value: number }) => t.value)).toEqual([32, 30]);
    const { conflicts } = JSON.parse((await capture(['--conflicts', '--json'])).out);
    expect(conflicts).toHaveLength(6);
  });

  it('exits 2 with a message for an unknown region or option', async () => {
    const bad = await capture(['--region', 'atlantis']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/unknown region 'atlantis' \(known: nankai, hexi, teda, binhai/);
    expect((await capture(['--bogus'])).code).toBe(2);
  });
});
