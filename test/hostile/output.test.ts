/**
 * Issue 15, output that was destroyed or half-written: special files are never replaced, `--out DIR` is swapped in
 * whole, interrupted or failed writes leave the previous set and no temp files, and nothing is written when the
 * result is not valid.
 */
import { execFileSync, spawn } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractCommand as extract, runCommand as run } from '@trajectory/cli';
import { assertReplaceableFile, writeDirAtomic, writeFileAtomic, writeFileAtomicSync } from '@trajectory/core/node';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { capture, put, SCENARIO, tempDir } from './helpers.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
afterEach(() => vi.restoreAllMocks());

const PLAN = '到2025年，全区高新技术企业达到500家，研发投入强度达到3.5%。\n';

/** Everything in `dir`, recursively, as relative path -> content. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string, rel: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name), `${rel}${e.name}/`);
      else out[`${rel}${e.name}`] = readFileSync(join(d, e.name), 'utf8');
    }
  };
  walk(dir, '');
  return out;
}

describe('special files are never replaced', () => {
  it('extract --out onto a FIFO, a symlink or a directory is refused and leaves them as they were', async () => {
    const dir = tempDir();
    const doc = put(dir, 'plan.txt', PLAN);
    const fifo = join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    const target = put(dir, 'target.csv', 'precious\n');
    const link = join(dir, 'link.csv');
    symlinkSync(target, link);
    const c = capture();
    expect(await extract([doc, '--out', fifo])).toBe(1);
    expect(c.err()).toContain('it is a FIFO (named pipe), not a regular file');
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(await extract([doc, '--out', link])).toBe(1);
    expect(c.err()).toContain('it is a symbolic link');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(target);
    expect(readFileSync(target, 'utf8')).toBe('precious\n');
    expect(await extract([doc, '--out', dir])).toBe(1);
    expect(readdirSync(dir).sort()).toEqual(['fifo', 'link.csv', 'plan.txt', 'target.csv']);
  });

  it('/dev/null and other devices are refused before anything is written', async () => {
    expect(() => assertReplaceableFile('/dev/null')).toThrow('it is a character device');
    await expect(writeFileAtomic('/dev/null', 'x')).rejects.toThrow('refusing to replace /dev/null');
    expect(() => writeFileAtomicSync('/dev/zero', 'x')).toThrow('refusing to replace /dev/zero');
    expect(lstatSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it("extract --out - writes the CSV to stdout (the meaning of '-')", async () => {
    const doc = put(tempDir(), 'plan.txt', PLAN);
    const c = capture();
    expect(await extract([doc, '--out', '-'])).toBe(0);
    expect(c.out().split('\n')[0]).toMatch(/^confirmed,id,/);
    expect(c.out()).toContain('500');
  });

  it('run --out onto a file, a symlink, or a directory holding other files is refused', async () => {
    const dir = tempDir();
    const file = put(dir, 's.yaml', SCENARIO);
    const other = join(dir, 'mine');
    mkdirSync(other);
    put(other, 'notes.txt', 'keep');
    const c = capture();
    expect(await run([file, '--out', other])).toBe(1);
    expect(c.err()).toContain('holds files this command does not write (notes.txt)');
    expect(snapshot(other)).toEqual({ 'notes.txt': 'keep' });
    const out = join(dir, 'out');
    mkdirSync(out);
    const link = join(dir, 'out-link');
    symlinkSync(out, link);
    expect(await run([file, '--out', link])).toBe(1);
    expect(c.err()).toContain('it is a symbolic link, not a directory');
    expect(await run([file, '--out', file])).toBe(1);
    expect(readFileSync(file, 'utf8')).toBe(SCENARIO);
  });
});

describe('--out DIR is replaced as a whole', () => {
  it('a second run replaces the whole set, leaving no temp files beside it', async () => {
    const dir = tempDir();
    const file = put(dir, 's.yaml', SCENARIO);
    const out = join(dir, 'out');
    capture();
    expect(await run([file, '--out', out, '--seed', '1'])).toBe(0);
    const first = snapshot(out);
    expect(Object.keys(first).sort()).toEqual([
      'assets/vega-embed.min.js',
      'assets/vega-lite.min.js',
      'assets/vega.min.js',
      'bands.csv',
      'charts/a.png',
      'charts/a.svg',
      'charts/a.vl.json',
      'charts/b.png',
      'charts/b.svg',
      'charts/b.vl.json',
      'index.html',
      'result.json',
      'targets.csv',
    ]);
    expect(await run([file, '--out', out, '--seed', '2'])).toBe(0);
    const second = snapshot(out);
    expect(Object.keys(second).sort()).toEqual(Object.keys(first).sort());
    expect(second['result.json']).not.toBe(first['result.json']);
    expect(readdirSync(dir).sort()).toEqual(['out', 's.yaml']);
  });

  it('an error while filling the set leaves the previous set intact and removes the temp directory', async () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    await writeDirAtomic(out, (tmp) => writeFileAtomic(join(tmp, 'a.txt'), 'old'));
    await expect(
      writeDirAtomic(out, async (tmp) => {
        await writeFileAtomic(join(tmp, 'a.txt'), 'new');
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    expect(snapshot(out)).toEqual({ 'a.txt': 'old' });
    expect(readdirSync(dir)).toEqual(['out']);
  });

  it('SIGTERM while the set is being written: the previous set stays, the temp directory is removed', async () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    mkdirSync(out);
    writeFileSync(join(out, 'a.txt'), 'old');
    const script = put(
      dir,
      'writer.mts',
      `import { writeDirAtomic, writeFileAtomic } from '${join(root, 'packages/core/src/node.ts')}';
       import { join } from 'node:path';
       await writeDirAtomic(${JSON.stringify(out)}, async (tmp) => {
         await writeFileAtomic(join(tmp, 'a.txt'), 'new');
         process.stdout.write('filling\\n');
         await new Promise((r) => setTimeout(r, 60_000));
       });`,
    );
    const child = spawn(process.execPath, ['--import', 'tsx', script], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = new Promise<NodeJS.Signals | null>((ok) => child.once('exit', (_code, sig) => ok(sig)));
    const started = await Promise.race([
      new Promise<boolean>((ok) => child.stdout.once('data', () => ok(true))),
      exited.then(() => false),
    ]);
    expect(started).toBe(true);
    expect(readdirSync(dir).some((n) => n.endsWith('.tmp'))).toBe(true);
    child.kill('SIGTERM');
    expect(await exited).toBe('SIGTERM');
    expect(readdirSync(dir).sort()).toEqual(['out', 'writer.mts']);
    expect(snapshot(out)).toEqual({ 'a.txt': 'old' });
  });

  it('after a SIGKILL between the two renames, the next write puts the previous set back first', async () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    // what a process killed mid-swap leaves: the old set moved aside, the new one complete in its temp directory
    const dead = 999_999_999;
    mkdirSync(join(dir, `.out.${dead}-0123456789ab.old`));
    writeFileSync(join(dir, `.out.${dead}-0123456789ab.old`, 'a.txt'), 'old');
    mkdirSync(join(dir, `.out.${dead}-ba9876543210.tmp`));
    await expect(
      writeDirAtomic(out, () => {
        throw new Error('stop');
      }),
    ).rejects.toThrow('stop');
    expect(readdirSync(dir)).toEqual(['out']);
    expect(snapshot(out)).toEqual({ 'a.txt': 'old' });
  });
});

describe('nothing is written unless the whole result is valid', () => {
  for (const expression of ['a / 0', 'sqrt(-a)', 'log(a, 1)', '10^1e308 * a']) {
    it(`a derived '${expression}': a per-path warning count, exit 1, no output written`, async () => {
      const dir = tempDir();
      const file = put(dir, 's.yaml', `${SCENARIO}derived:\n  d: "${expression}"\n`);
      const out = join(dir, 'out');
      const c = capture();
      expect(await run([file, '--out', out])).toBe(1);
      expect(c.err()).toMatch(/warning: 'd' \(baseline\): 200 of 200 paths are NaN or ±Infinity, first in 2020/);
      expect(c.err()).toContain('nothing was written');
      expect(existsSync(out)).toBe(false);
      expect(c.out()).toBe('');
    });
  }
});
