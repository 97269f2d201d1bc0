import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

describe('API reference (TypeDoc)', () => {
  it('builds from the TSDoc comments with no warning: every export is documented, every link resolves', {
    timeout: 120_000,
  }, () => {
    // the same configuration as `pnpm run docs` (typedoc.json: validation.notDocumented, warnings are errors), not written
    const run = spawnSync(join(root, 'node_modules/.bin/typedoc'), ['--emit', 'none'], { cwd: root, encoding: 'utf8' });
    const output = `${run.stdout}${run.stderr}`.replace(/\x1b\[[0-9;]*m/g, '');
    expect(output).not.toMatch(/warning|error/i);
    expect(run.status).toBe(0);
  });
});
