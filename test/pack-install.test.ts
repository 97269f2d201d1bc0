/**
 * The packages as a user gets them: each publishable package is packed (`pnpm pack`, from the `dist/` the tests'
 * global setup builds), the tarballs are installed with plain npm into an empty folder outside the workspace, and
 * plain `node` (no tsx, no `source` condition) imports the library and runs the installed `trajectory` bin.
 * npm fetches the third-party dependencies from its cache or the registry, as a consumer's install would — which
 * is also what checks that the flechette pin travels with the tarballs.
 */
import { execFile, type SpawnSyncReturns, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root } from './support/build.ts';

/** Every publishable package; cli depends on all of them, so all must be installed together. */
const PACKAGES = ['core', 'datasets', 'fit', 'forecast', 'scenario', 'charts', 'extract', 'cli'];
const EXAMPLE = join(root, 'examples', 'nankai-gazelle-doubling.yaml');

// A consumer's environment: without the workspace's `--conditions=source` (.npmrc) and pnpm's npm_* variables.
const env = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => k !== 'NODE_OPTIONS' && !k.toLowerCase().startsWith('npm_')),
);

let dir = '';
let consumer = '';

function run(command: string, args: string[], cwd: string, timeout = 120_000): SpawnSyncReturns<string> {
  const r = spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout, maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw r.error;
  return r;
}

function ok(r: SpawnSyncReturns<string>, what: string): string {
  if (r.status !== 0) throw new Error(`${what} exited ${r.status}:\n${r.stderr}\n${r.stdout.slice(0, 2000)}`);
  return r.stdout;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'trajectory-pack-'));
  const packs = join(dir, 'packs');
  consumer = join(dir, 'consumer');
  mkdirSync(packs);
  mkdirSync(consumer);
  // packed in parallel (each `pnpm pack` is mostly start-up)
  await Promise.all(
    PACKAGES.map((p) =>
      promisify(execFile)('pnpm', ['pack', '--pack-destination', packs], { cwd: join(root, 'packages', p), env }),
    ),
  );
  const tarballs = readdirSync(packs).map((f) => join(packs, f));
  expect(tarballs).toHaveLength(PACKAGES.length);
  writeFileSync(join(consumer, 'package.json'), '{ "name": "consumer", "private": true, "type": "module" }\n');
  ok(
    run(
      'npm',
      ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', ...tarballs],
      consumer,
      180_000,
    ),
    'npm install',
  );
}, 300_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('packed tarballs installed with plain npm', () => {
  it('plain node imports @trajectory/forecast and projects a series', () => {
    const script = [
      "import { project } from '@trajectory/forecast';",
      'const p = project({ years: [2016, 2017, 2018, 2019, 2020], values: [100, 108, 118, 127, 139] }, { horizon: 5, seed: 1 });',
      'console.log(JSON.stringify({ years: p.years, median: p.median }));',
    ].join('\n');
    writeFileSync(join(consumer, 'project.mjs'), script);
    const out = JSON.parse(ok(run('node', ['project.mjs'], consumer), 'node project.mjs'));
    expect(out.years).toEqual([2021, 2022, 2023, 2024, 2025]);
    expect(out.median).toHaveLength(5);
    // a growing series projects upwards from its last value
    expect(out.median[0]).toBeGreaterThan(139);
    expect(out.median[4]).toBeGreaterThan(out.median[0]);
  });

  it('the installed `trajectory assess --json` assesses the bundled seed plans', () => {
    const out = ok(run(join(consumer, 'node_modules', '.bin', 'trajectory'), ['assess', '--json'], consumer), 'assess');
    const plan = JSON.parse(out);
    const text = JSON.stringify(plan);
    for (const region of ['nankai', 'binhai', 'teda', 'hexi']) expect(text).toContain(`"${region}`);
    expect(text).toContain('"probability"');
  });

  it('the installed `trajectory run` runs an example scenario file', () => {
    const r = run(
      join(consumer, 'node_modules', '.bin', 'trajectory'),
      ['run', EXAMPLE, '--json', '--draws', '500'],
      consumer,
    );
    const result = JSON.parse(ok(r, 'run'));
    expect(JSON.stringify(result)).toContain('gazelle');
  });

  it('the installed type declarations resolve for a TypeScript consumer (NodeNext)', () => {
    writeFileSync(
      join(consumer, 'consumer.ts'),
      [
        "import { project } from '@trajectory/forecast';",
        "import { fanChart } from '@trajectory/charts';",
        'const p = project({ years: [2019, 2020], values: [1, 2] }, { horizon: 2 });',
        'const median: number[] = p.median;',
        'export { median, fanChart };',
      ].join('\n'),
    );
    const tsc = join(root, 'node_modules', '.bin', 'tsc');
    const args = ['--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--skipLibCheck'];
    ok(
      run(tsc, [...args, '--types', 'node', '--typeRoots', join(root, 'node_modules/@types'), 'consumer.ts'], consumer),
      'tsc',
    );
  });
});
