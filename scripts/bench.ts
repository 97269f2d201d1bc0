/**
 * `pnpm bench [-- --json]`: runs every package benchmark side by side with its peer (SciPy, NumPy) in the same
 * run and reports our speed as a ratio to the peer's. Each package exports `benchmarks(): Promise<Benchmark[]>`
 * from `packages/<pkg>/bench/index.ts`. The cli rows are the scale bars (assess and propose on 20,000 indicators):
 * seconds against the bar, ratio = bar / elapsed.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import type { Benchmark } from './lib/peers.ts';

// the row type lives in ./lib/peers.ts (shared with the package benchmarks); exported here as before
export type { Benchmark };

const suites = ['fit', 'scenario', 'extract', 'cli'];
const json = process.argv.includes('--json');
const results: Benchmark[] = [];
for (const pkg of suites) {
  const file = fileURLToPath(new URL(`../packages/${pkg}/bench/index.ts`, import.meta.url));
  if (!existsSync(file)) continue;
  const mod = (await import(file)) as { benchmarks(log: (line: string) => void): Promise<Benchmark[]> };
  results.push(...(await mod.benchmarks((line) => process.stderr.write(`${line}\n`))));
}
if (json) {
  console.log(JSON.stringify({ benchmarks: results }));
} else {
  const rows = results.map((b) => [
    b.name,
    `${fmt(b.value)} ${b.unit}`,
    b.peer,
    `${fmt(b.peerValue)} ${b.unit}`,
    `${b.ratio.toFixed(2)}x`,
  ]);
  const head = ['benchmark', 'ours', 'peer', 'peer value', 'ratio'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  for (const r of [head, ...rows]) console.log(r.map((c, i) => c.padEnd(widths[i]!)).join('  '));
  // the scale rows' load average and CPU seconds (a wall time on a shared machine needs them)
  for (const b of results.filter((r) => r.unit === 's' && r.notes))
    console.log(
      `${b.name}: ${Object.entries(b.notes!)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}`,
    );
}

function fmt(x: number): string {
  return x >= 1e6 ? `${(x / 1e6).toFixed(1)}M` : x >= 1e3 ? `${(x / 1e3).toFixed(1)}k` : x.toFixed(1);
}
