/**
 * Atomic file replacement: the content goes to a temp file beside the target (`.<name>.<random>.tmp`, same
 * directory, so same file system), which is then renamed over the target. A reader never sees a half-written file,
 * and a failure or crash leaves the previous version intact; the temp file is removed on failure.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { copyFile, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

/** The temp file beside `path`. Random suffix (not an Rng draw): a temp-file name is not part of any result. */
function tempPath(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
}

/** Fill a temp file with `fill`, then rename it over `path` (creating the parent directory). */
async function replaceAtomic(path: string, fill: (tmp: string) => Promise<void>): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = tempPath(path);
  try {
    await fill(tmp);
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

/**
 * Write a file atomically (temp file + rename), creating its directory if needed.
 *
 * @example
 * await writeFileAtomic('out/index.html', html);
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await replaceAtomic(path, (tmp) => writeFile(tmp, data));
}

/**
 * Copy `from` to `to` atomically (copy to a temp file beside `to`, then rename), creating `to`'s directory if needed.
 *
 * @example
 * await copyFileAtomic(require.resolve('vega/build/vega.min.js'), 'out/assets/vega.min.js');
 */
export async function copyFileAtomic(from: string, to: string): Promise<void> {
  await replaceAtomic(to, (tmp) => copyFile(from, tmp));
}

/**
 * Synchronous {@link writeFileAtomic}, for callers that are synchronous themselves.
 *
 * @example
 * writeFileAtomicSync('candidates.csv', csv);
 */
export function writeFileAtomicSync(path: string, data: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = tempPath(path);
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}
