import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFileAtomic, writeFileAtomic, writeFileAtomicSync } from '../src/write-file-atomic.ts';

const fresh = () => mkdtempSync(join(tmpdir(), 'atomic-'));

describe('writeFileAtomic / writeFileAtomicSync / copyFileAtomic', () => {
  it('write the content, replacing an existing file and creating the directory, leaving no temp file', async () => {
    const dir = fresh();
    const a = join(dir, 'sub', 'a.txt');
    await writeFileAtomic(a, 'first');
    await writeFileAtomic(a, new TextEncoder().encode('二'));
    expect(readFileSync(a, 'utf8')).toBe('二');
    const b = join(dir, 'deeper', 'b.csv');
    writeFileAtomicSync(b, 'x,y\n');
    writeFileAtomicSync(b, 'x,y\n1,2\n');
    expect(readFileSync(b, 'utf8')).toBe('x,y\n1,2\n');
    const c = join(dir, 'copy', 'c.csv');
    await copyFileAtomic(b, c);
    expect(readFileSync(c, 'utf8')).toBe('x,y\n1,2\n');
    expect(readdirSync(join(dir, 'sub'))).toEqual(['a.txt']);
    expect(readdirSync(join(dir, 'deeper'))).toEqual(['b.csv']);
  });

  it('on failure throw, keep what was there and remove the temp file', async () => {
    const dir = fresh();
    // the target is a non-empty directory: the rename fails after the temp file was written
    const target = join(dir, 'target');
    mkdirSync(target);
    writeFileSync(join(target, 'keep.txt'), 'kept');
    await expect(writeFileAtomic(target, 'new')).rejects.toThrow();
    expect(() => writeFileAtomicSync(target, 'new')).toThrow();
    await expect(copyFileAtomic(join(dir, 'missing'), join(dir, 'out.txt'))).rejects.toThrow();
    expect(readFileSync(join(target, 'keep.txt'), 'utf8')).toBe('kept');
    expect(readdirSync(dir)).toEqual(['target']);
  });
});
