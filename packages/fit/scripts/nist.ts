/**
 * `pnpm run nist [-- --json]`: fits every NIST StRD problem (27 nonlinear from Start 1 and Start 2, 11 linear) with
 * the package's default options and prints the log relative errors (LRE) of the worst parameter and worst standard
 * error against the certified values: one JSON object with `--json`, a readable table otherwise.
 */
import { parseArgs } from 'node:util';
import { loadNist } from './nist-data.ts';
import { runLinear, runNonlinear, type NistResult } from './nist-run.ts';

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: { json: { type: 'boolean', default: false } },
});

const results: NistResult[] = [];
for (const problem of loadNist()) {
  if (problem.kind === 'linear') results.push(runLinear(problem).result);
  else for (const start of [1, 2] as const) results.push(runNonlinear(problem, start).result);
}

if (values.json) {
  console.log(JSON.stringify({ results }));
} else {
  const head = ['problem', 'kind', 'start', 'status', 'paramLRE', 'stderrLRE', 'ms'];
  const rows = results.map((r) => [
    r.problem,
    r.kind,
    String(r.start),
    r.status,
    r.paramLRE.toFixed(1),
    r.stderrLRE.toFixed(1),
    r.ms.toFixed(2),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  for (const r of [head, ...rows]) console.log(r.map((c, i) => c.padEnd(widths[i]!)).join('  '));
  const count = (start: number, ok: (r: NistResult) => boolean) =>
    results.filter((r) => r.start === start && ok(r)).length;
  console.log('');
  console.log(`nonlinear Start 1: ${count(1, (r) => r.paramLRE >= 6)}/27 with paramLRE >= 6`);
  console.log(
    `nonlinear Start 2: ${count(2, (r) => r.paramLRE >= 6 && r.stderrLRE >= 4)}/27 with paramLRE >= 6 and stderrLRE >= 4`,
  );
  console.log(`linear: ${count(0, (r) => r.paramLRE >= 7)}/11 with paramLRE >= 7`);
}
