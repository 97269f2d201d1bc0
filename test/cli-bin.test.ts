import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const run = (command: string, args: string[]) => spawnSync(command, args, { cwd: root, encoding: 'utf8' });
// The bin runs the compiled dist/ (built by the tests' global setup) as an installed one would: without the
// workspace's `--conditions=source` (.npmrc node-options), which would point it back at the TypeScript sources.
const { NODE_OPTIONS: _, ...compiledEnv } = process.env;
const bin = (args: string[]) =>
  spawnSync(join(root, 'node_modules/.bin/trajectory'), args, { cwd: root, encoding: 'utf8', env: compiledEnv });

describe('the trajectory command', () => {
  it('the installed bin (node_modules/.bin/trajectory) lists the commands', { timeout: 60_000 }, () => {
    const r = bin(['--help']);
    expect(r.status).toBe(0);
    for (const command of ['data', 'assess', 'run', 'extract'])
      expect(r.stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
  });

  it('the bin runs the compiled commands: `data --conflicts` lists the 650 vs 500 conflict', {
    timeout: 60_000,
  }, () => {
    const r = bin(['data', '--conflicts']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/650/);
    expect(r.stdout).toMatch(/500/);
  });

  it("`pnpm trajectory data --conflicts` reports Nankai's 650 vs 500 high-tech firms for 2023", {
    timeout: 60_000,
  }, () => {
    const r = run('pnpm', ['--silent', 'trajectory', 'data', '--conflicts']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/650/);
    expect(r.stdout).toMatch(/500/);
  });

  it('--version prints the package version', { timeout: 60_000 }, () => {
    const r = bin(['--version']);
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(
      `trajectory ${(JSON.parse(readFileSync(join(root, 'packages/cli/package.json'), 'utf8')) as { version: string }).version}`,
    );
  });

  it('an unknown command exits 2 with the usage', { timeout: 60_000 }, () => {
    const r = bin(['nonsense']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("unknown command 'nonsense'");
  });
});
