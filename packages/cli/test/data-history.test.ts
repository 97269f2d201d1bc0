/** `trajectory data --history`: each indicator's history beside its baselines and targets, with sources. */
import { loadHistory, loadSeedIndicators, matchHistory } from '@trajectory/datasets/node';
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

// The expectations are derived from the bundled files through the loaders, so the test follows the data as it grows.
const history = loadHistory();
const match = matchHistory(loadSeedIndicators(), history);
const withParents = match.indicators.find((h) =>
  h.related.some((r) => !r.indicator.startsWith(`${h.indicator.region}.`)),
);

describe('trajectory data --history', () => {
  it.skipIf(!withParents)(
    'shows an indicator, its baselines and targets, and the same quantity in other regions with sources',
    async () => {
      const { indicator, related } = withParents!;
      const { code, out } = await capture(['--history', '--region', indicator.region]);
      expect(code).toBe(0);
      const block = out.slice(out.indexOf(`${indicator.id}  ${indicator.nameZh}`));
      const own = block.slice(0, block.indexOf('\n\n'));
      for (const o of indicator.observations) expect(own).toMatch(new RegExp(`baseline ${o.year}`));
      for (const t of indicator.targets) expect(own).toMatch(new RegExp(`target {3}${t.year}`));
      expect(own).toContain('the same quantity elsewhere');
      for (const r of related) {
        expect(own).toContain(r.indicator);
        expect(own).toContain(r.source_url);
        expect(own).toMatch(new RegExp(`${r.year} {2}${String(r.value).replace('.', '\\.')}`));
        if (r.break_note) expect(own).toContain(`break: ${r.break_note}`);
      }
    },
  );

  it('--json gives the matched records, and every history row appears once in the listing without --region', async () => {
    const json = JSON.parse((await capture(['--history', '--json'])).out);
    expect(json.indicators).toHaveLength(match.indicators.length);
    expect(json.unmatched.map((r: { id: string }) => r.id)).toEqual(match.unmatched.map((r) => r.id));
    const claimed = new Set(
      json.indicators.flatMap((h: { own: { id: string }[]; related: { id: string }[] }) =>
        [...h.own, ...h.related].map((r) => r.id),
      ),
    );
    for (const r of history)
      expect(claimed.has(r.id) || json.unmatched.some((u: { id: string }) => u.id === r.id)).toBe(true);
    const { out } = await capture(['--history']);
    expect(out).toMatch(new RegExp(`${history.length} of ${history.length} history rows shown`));
  });

  it('marks two sources that disagree on one year', async () => {
    const pair = history.find((a) =>
      history.some((b) => b !== a && b.indicator === a.indicator && b.year === a.year && b.value !== a.value),
    );
    if (!pair) return;
    const { out } = await capture(['--history']);
    expect(out).toMatch(new RegExp(`≠ ${pair.year} {2}${String(pair.value).replace('.', '\\.')}`));
  });

  it('--region takes a parent region without seed indicators of its own and lists its series', async () => {
    const { code, out } = await capture(['--history', '--region', 'binhai_new_area']);
    expect(code).toBe(0);
    for (const r of history.filter((x) => x.region === 'binhai_new_area')) expect(out).toContain(r.source_url);
  });

  it('exits 2 for an unknown region and for --history with --conflicts', async () => {
    const bad = await capture(['--history', '--region', 'atlantis']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/unknown region 'atlantis' \(known: nankai, hexi, teda, binhai/);
    const both = await capture(['--history', '--conflicts']);
    expect(both.code).toBe(2);
    expect(both.err).toMatch(/give one/);
  });
});
