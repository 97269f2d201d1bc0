import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { progressBar } from '../src/progress.ts';
import { readStdin } from '../src/read-stdin.ts';

function fakeStream(isTTY: boolean) {
  const written: string[] = [];
  const stream = { isTTY, write: (s: string) => written.push(s) > 0 } as unknown as NodeJS.WriteStream;
  return { stream, written };
}

describe('progressBar(what, stream)', () => {
  it('draws done/total in place on a terminal and clears the line', () => {
    const { stream, written } = fakeStream(true);
    const bar = progressBar('indicators', stream);
    bar?.update(3, 12);
    bar?.clear();
    expect(written[0]).toMatch(/^\r\[#{8}\.{22}\] 3\/12 indicators$/);
    expect(written[1]).toBe('\r\x1b[K');
  });

  it('is undefined (nothing drawn) when the stream is not a terminal', () => {
    expect(progressBar('indicators', fakeStream(false).stream)).toBeUndefined();
  });
});

describe('readStdin(maxBytes, stream)', () => {
  it('returns the bytes of the stream', async () => {
    const bytes = await readStdin(100, Readable.from([Buffer.from('到2025年，'), Buffer.from('达到3000家')]));
    expect(bytes.toString('utf8')).toBe('到2025年，达到3000家');
  });

  it('refuses more than maxBytes', async () => {
    await expect(readStdin(4, Readable.from([Buffer.from('12345')]))).rejects.toThrow('larger than 4 bytes');
  });
});
