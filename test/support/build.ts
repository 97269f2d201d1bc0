/**
 * Vitest global setup: compiles every package to its `dist/` (`tsc -b`, incremental: about a second when nothing
 * changed) once before the tests, so the tests of what users install (the bin, packed tarballs, the browser bundle)
 * run the current code. Tests themselves import the sources (the `source` export condition).
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../../', import.meta.url));

export default function setup(): void {
  try {
    execFileSync(`${root}node_modules/.bin/tsc`, ['-b', 'tsconfig.build.json'], { cwd: root, encoding: 'utf8' });
  } catch (error) {
    const out = (error as { stdout?: string }).stdout ?? '';
    throw new Error(`tsc -b tsconfig.build.json failed (pnpm run build):\n${out}`);
  }
}
