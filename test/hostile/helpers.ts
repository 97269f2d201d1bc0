/**
 * Shared pieces of the hostile-input suite: a temp directory, a small valid scenario, captured CLI output. The CLI
 * commands come from `@trajectory/cli` (`assessCommand`, `runCommand`, ...), never by a path into packages/
 * (test/import-boundaries.test.ts).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vi } from 'vitest';

/** A fresh temp directory. */
export function tempDir(prefix = 'hostile-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A small valid scenario (YAML); line numbers of its fields are used in tests: keep its shape. */
export const SCENARIO = `name: hostile
baseYear: 2020
horizon: 2025
draws: 200
seed: 7
indicators:
  a: { base: 100, growth: { mean: 0.05, sd: 0.01 } }
  b: { base: 50, growth: { mean: 0.02, sd: 0.01 } }
targets:
  - { indicator: a, year: 2025, value: 120 }
`;

/** Writes `text` as `name` in `dir` and returns the path. */
export function put(dir: string, name: string, text: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** Captures stdout, stderr and console output of in-process CLI commands (restore with vi.restoreAllMocks). */
export function capture(): { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => ((out += String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => ((err += String(s)), true));
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void (err += `${a.join(' ')}\n`));
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void (out += `${a.join(' ')}\n`));
  return { out: () => out, err: () => err };
}
