import { vi } from 'vitest';

/**
 * What a command prints, for its tests: `console.log` lines in `out`, `console.error` lines in `err`. Progress
 * written straight to `process.stderr` is let through (`stderr: 'pass'`, the default), silenced, or collected in
 * `err`. Undo with `vi.restoreAllMocks()`.
 */
export function capture(options: { stderr?: 'pass' | 'silence' | 'collect' } = {}): { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
  if (options.stderr === 'silence') vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  if (options.stderr === 'collect')
    vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => err.push(String(s)) > 0);
  return { out, err };
}
