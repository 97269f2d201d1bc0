import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, basename } from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * Write a file atomically: write `.<name>.<random>.tmp` beside it, then rename over the target, so a reader never
 * sees a half-written file and a crash leaves the previous version intact.
 *
 * @example
 * await writeFileAtomic('out/index.html', html);
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  // Random suffix (not an Rng draw): a temp-file name is not part of any reproducible result.
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}
