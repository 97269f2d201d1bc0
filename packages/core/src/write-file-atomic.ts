/**
 * Atomic output: the one place that writes result files. A file goes to a temp file beside the target
 * (`.<name>.<pid>-<random>.tmp`, same directory, so same file system), is flushed to disk (fsync) and renamed over the
 * target; a directory of outputs is written whole into a sibling temp directory and swapped in at the end. A reader
 * never sees a half-written file or a mix of two runs, and a failure, a crash or a power loss leaves the previous
 * version intact. Temp files are removed on errors and on SIGINT/SIGTERM.
 *
 * Targets that are not regular files (a FIFO, a device such as /dev/null, a socket) or that are symbolic links are
 * refused: renaming over them would replace the special file (or the link) with a regular one.
 *
 * Node only: exported by `@trajectory/core/node`.
 */
import {
  closeSync,
  existsSync,
  fsyncSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  writeSync,
  type Stats,
} from 'node:fs';
import { copyFile, mkdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

/** Temp paths to remove if the process is interrupted (SIGINT/SIGTERM) before they are renamed. */
const pending = new Set<string>();
let handlersInstalled = false;

function onSignal(signal: NodeJS.Signals): void {
  for (const p of pending) rmSync(p, { recursive: true, force: true });
  pending.clear();
  process.removeListener('SIGINT', onSignal);
  process.removeListener('SIGTERM', onSignal);
  handlersInstalled = false;
  // end as the signal would have: the default handler is back in place
  process.kill(process.pid, signal);
}

function track(path: string): void {
  pending.add(path);
  if (!handlersInstalled) {
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    handlersInstalled = true;
  }
}

function untrack(path: string): void {
  pending.delete(path);
  if (pending.size === 0 && handlersInstalled) {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    handlersInstalled = false;
  }
}

/** The temp path beside `path`. Random suffix (not an Rng draw): a temp-file name is not part of any result. */
function tempPath(path: string, suffix = 'tmp'): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}-${randomBytes(6).toString('hex')}.${suffix}`);
}

/** What a non-regular target is, for the error message. */
function describeSpecial(stat: Stats): string | undefined {
  if (stat.isSymbolicLink()) return 'a symbolic link';
  if (stat.isFIFO()) return 'a FIFO (named pipe)';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isSocket()) return 'a socket';
  if (stat.isDirectory()) return 'a directory';
  return undefined;
}

/**
 * Throws unless `path` is absent or a regular file (not followed if it is a symbolic link).
 *
 * @example assertReplaceableFile('out/result.json'); // throws for /dev/null, a FIFO or a symlink
 */
export function assertReplaceableFile(path: string): void {
  let stat: Stats;
  try {
    stat = lstatSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const kind = describeSpecial(stat);
  if (kind) throw new Error(`refusing to replace ${path}: it is ${kind}, not a regular file`);
}

/** Write `data` to a new file and flush it to disk. */
function writeDurable(path: string, data: string | Uint8Array): void {
  const fd = openSync(path, 'wx', 0o666);
  try {
    const bytes = typeof data === 'string' ? Buffer.from(data) : data;
    let off = 0;
    while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** fsync a directory so a rename in it survives a power loss (best effort: not every platform allows it). */
function syncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Windows cannot open a directory for fsync; the rename is still atomic
  }
}

/** Fill a temp file with `fill`, flush it, then rename it over `path` (creating the parent directory). */
function replaceAtomicSync(path: string, fill: (tmp: string) => void): void {
  assertReplaceableFile(path);
  mkdirSync(dirname(path), { recursive: true });
  const tmp = tempPath(path);
  track(tmp);
  try {
    fill(tmp);
    renameSync(tmp, path);
    syncDir(dirname(path));
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  } finally {
    untrack(tmp);
  }
}

/**
 * Write a file atomically (temp file, fsync, rename), creating its directory if needed. Refuses a target that is a
 * symbolic link, a FIFO, a device or a directory.
 *
 * @example
 * await writeFileAtomic('out/index.html', html);
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  replaceAtomicSync(path, (tmp) => writeDurable(tmp, data));
}

/**
 * Copy `from` to `to` atomically (copy to a temp file beside `to`, fsync, rename), creating `to`'s directory if
 * needed. Refuses the same targets as {@link writeFileAtomic}.
 *
 * @example
 * await copyFileAtomic(require.resolve('vega/build/vega.min.js'), 'out/assets/vega.min.js');
 */
export async function copyFileAtomic(from: string, to: string): Promise<void> {
  assertReplaceableFile(to);
  await mkdir(dirname(to), { recursive: true });
  const tmp = tempPath(to);
  track(tmp);
  try {
    await copyFile(from, tmp);
    const fd = openSync(tmp, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, to);
    syncDir(dirname(to));
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  } finally {
    untrack(tmp);
  }
}

/**
 * Synchronous {@link writeFileAtomic}, for callers that are synchronous themselves.
 *
 * @example
 * writeFileAtomicSync('candidates.csv', csv);
 */
export function writeFileAtomicSync(path: string, data: string | Uint8Array): void {
  replaceAtomicSync(path, (tmp) => writeDurable(tmp, data));
}

/** Options of {@link writeDirAtomic}. */
export interface WriteDirOptions {
  /**
   * Top-level names the command writes. An existing `dir` holding anything else is refused rather than replaced:
   * it is not an output set of this command (think `--out .`). @default any
   */
  expected?: readonly string[];
}

/**
 * Tidy up after a process that no longer runs (a SIGKILL, a crash) beside `dir`: a previous set it had moved aside
 * (`.old`) goes back into place if `dir` is missing; its temp directories are removed.
 */
function removeStale(dir: string): void {
  const parent = dirname(dir);
  const prefix = `.${basename(dir)}.`;
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const m = /^(\d+)-[0-9a-f]{12}\.(?:tmp|old)$/.exec(name.slice(prefix.length));
    if (!m) continue;
    const pid = Number(m[1]);
    let alive = pid === process.pid;
    if (!alive) {
      try {
        process.kill(pid, 0);
        alive = true;
      } catch (error) {
        alive = (error as NodeJS.ErrnoException).code === 'EPERM';
      }
    }
    if (alive) continue;
    const stale = join(parent, name);
    if (name.endsWith('.old') && !existsSync(dir)) renameSync(stale, dir);
    else rmSync(stale, { recursive: true, force: true });
  }
}

/** fsync every regular file under `dir` and the directories themselves. */
function syncTree(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) syncTree(p);
    else if (entry.isFile()) {
      const fd = openSync(p, 'r');
      try {
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    }
  }
  syncDir(dir);
}

/**
 * Write a whole output set atomically: `fill` writes into a fresh sibling temp directory, which then replaces `dir`
 * (the previous set is kept intact until the swap and removed after it). On an error, or SIGINT/SIGTERM, the temp
 * directory is removed and `dir` is left as it was. `dir` must be absent or a directory (not a symbolic link);
 * with `expected`, it may hold only those names.
 *
 * Between the two renames of the swap `dir` is briefly absent; a crash there leaves the complete new set in the
 * temp directory and the complete old one beside it, never a mix.
 *
 * @example
 * await writeDirAtomic('out', async (tmp) => {
 *   await writeFileAtomic(join(tmp, 'result.json'), json);
 * }, { expected: ['result.json'] });
 */
export async function writeDirAtomic(
  dir: string,
  fill: (tmp: string) => Promise<void> | void,
  { expected }: WriteDirOptions = {},
): Promise<void> {
  removeStale(dir);
  let exists = false;
  try {
    const stat = lstatSync(dir);
    if (!stat.isDirectory())
      throw new Error(`refusing to replace ${dir}: it is ${describeSpecial(stat) ?? 'a file'}, not a directory`);
    exists = true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  if (exists && expected) {
    const other = readdirSync(dir).filter((n) => !expected.includes(n));
    if (other.length)
      throw new Error(
        `refusing to replace ${dir}: it holds files this command does not write (${other.slice(0, 5).join(', ')}${other.length > 5 ? ', …' : ''}); give a new or empty directory`,
      );
  }
  mkdirSync(dirname(dir), { recursive: true });
  const tmp = tempPath(dir);
  const old = tempPath(dir, 'old');
  track(tmp);
  try {
    mkdirSync(tmp);
    await fill(tmp);
    syncTree(tmp);
    if (exists) {
      // synchronous from here to the end: no signal handler can run between the two renames
      renameSync(dir, old);
      try {
        renameSync(tmp, dir);
      } catch (error) {
        renameSync(old, dir); // put the previous set back
        throw error;
      }
      rmSync(old, { recursive: true, force: true });
    } else {
      renameSync(tmp, dir);
    }
    syncDir(dirname(dir));
  } catch (error) {
    rmSync(tmp, { recursive: true, force: true });
    throw error;
  } finally {
    untrack(tmp);
  }
}
