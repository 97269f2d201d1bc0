/**
 * Benchmark: the scale bars of `trajectory assess --data` (issue 12: under 60 s) and `trajectory propose --data`
 * (issue 18: under 90 s) on a synthetic province of 20,000 indicators (mixed measures, each with a 2025 target;
 * `packages/forecast/scripts/synthetic-province.ts`), as `pnpm trajectory` runs them (tsx, default workers: the
 * cores available). The row's "peer" is the bar: value and bar are seconds and the ratio is bar / elapsed (above 1:
 * the bar is met). The machine's load average and the commands' CPU seconds are in the notes, since a shared
 * machine's wall time says little on its own. `BENCH_SCALE_INDICATORS=N` runs a smaller province.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Benchmark } from '../../../scripts/lib/peers.ts';

const MAIN = fileURLToPath(new URL('../src/main.ts', import.meta.url));
// forecast's generator, run as a script as a user would (a package's code is not imported across packages by path)
const PROVINCE = fileURLToPath(new URL('../../forecast/scripts/synthetic-province.ts', import.meta.url));
const BARS = { assess: 60, propose: 90 } as const;

/** CPU seconds of this process's waited-for children so far (Linux `/proc/self/stat`), or null elsewhere. */
function childCpuSeconds(): number | null {
  if (!existsSync('/proc/self/stat')) return null;
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // fields after the command name start at field 3 (state): cutime and cstime are fields 16 and 17, in clock ticks
  return (Number(fields[13]) + Number(fields[14])) / 100;
}

function timeCommand(args: string[], out: string): { seconds: number; cpu: number | null; load: number } {
  const load = loadavg()[0]!;
  const cpu0 = childCpuSeconds();
  const fd = openSync(out, 'w');
  const started = performance.now();
  const r = spawnSync(process.execPath, ['--conditions=source', '--import', 'tsx', MAIN, ...args], {
    stdio: ['ignore', fd, 'pipe'],
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  const seconds = (performance.now() - started) / 1000;
  closeSync(fd);
  if (r.status !== 0) throw new Error(`trajectory ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  if (statSync(out).size === 0) throw new Error(`trajectory ${args.join(' ')} printed nothing`);
  const cpu1 = childCpuSeconds();
  return { seconds, cpu: cpu0 === null || cpu1 === null ? null : cpu1 - cpu0, load };
}

/**
 * The two scale rows (see the module comment).
 * @example const rows = await benchmarks((line) => process.stderr.write(`${line}\n`));
 */
export async function benchmarks(log: (line: string) => void): Promise<Benchmark[]> {
  const n = Number(process.env.BENCH_SCALE_INDICATORS ?? 20_000);
  const dir = mkdtempSync(join(tmpdir(), 'trajectory-scale-'));
  try {
    const file = join(dir, 'province.csv');
    const made = spawnSync(
      process.execPath,
      ['--conditions=source', '--import', 'tsx', PROVINCE, '--indicators', String(n), '--seed', '1', '--out', file],
      { encoding: 'utf8' },
    );
    if (made.status !== 0) throw new Error(`synthetic-province exited ${made.status}: ${made.stderr}`);
    const rows: Benchmark[] = [];
    for (const [command, args] of [
      ['assess', ['assess', '--data', file]],
      ['propose', ['propose', '--data', file, '--year', '2025']],
    ] as const) {
      log(`scale: trajectory ${command} --data (${n} indicators) ...`);
      const t = timeCommand([...args], join(dir, `${command}.out`));
      const bar = BARS[command];
      log(
        `scale: ${command} ${t.seconds.toFixed(1)} s (bar ${bar} s), CPU ${t.cpu?.toFixed(1) ?? '?'} s, load ${t.load.toFixed(1)}`,
      );
      rows.push({
        name: `${command} --data ${n >= 1000 ? `${n / 1000}k` : n} indicators (s; ratio = bar/elapsed)`,
        value: t.seconds,
        unit: 's',
        peer: `bar, issue ${command === 'assess' ? 12 : 18}`,
        peerValue: bar,
        ratio: bar / t.seconds,
        notes: {
          indicators: n,
          cores: availableParallelism(),
          ...(t.cpu !== null ? { cpuSeconds: Number(t.cpu.toFixed(1)) } : {}),
          loadAverage: Number(t.load.toFixed(2)),
        },
      });
    }
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
