import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Every TypeScript block of the README runs as written, so the documentation cannot drift from the code.
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);

describe('README.md', () => {
  it('has TypeScript examples', () => {
    expect(blocks.length).toBeGreaterThan(0);
  });

  blocks.forEach((code, i) => {
    it(`TypeScript block ${i + 1} runs without error`, () => {
      // inside the repository, so that `@trajectory/*` resolve as they do for a user of the workspace
      const dir = join(root, '.tmp', 'readme');
      mkdirSync(dir, { recursive: true });
      const file = join(dir, `block-${i + 1}.ts`);
      writeFileSync(file, code);
      try {
        const out = execFileSync(join(root, 'node_modules/.bin/tsx'), [file], {
          cwd: root,
          encoding: 'utf8',
          stdio: 'pipe',
        });
        // every block prints what it shows, and nothing it prints is a missing or failed value
        expect(out.trim().length).toBeGreaterThan(0);
        expect(out).not.toMatch(/\bundefined\b|\bNaN\b|\bnull\b/);
      } finally {
        rmSync(file, { force: true });
      }
    });
  });
});
