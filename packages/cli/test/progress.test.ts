import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { progressBar, progressReporter } from '../src/progress.ts';
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

describe('progressReporter(what, options, stream)', () => {
  it('is the bar on a terminal, with or without lines', () => {
    const { stream, written } = fakeStream(true);
    progressReporter('indicators', { lines: true, prefix: 'assess' }, stream)?.update(3, 12);
    expect(written).toEqual([expect.stringMatching(/^\r\[#{8}\.{22}\] 3\/12 indicators$/)]);
  });

  it('writes nothing off a terminal unless lines are asked for', () => {
    expect(progressReporter('indicators', { prefix: 'assess' }, fakeStream(false).stream)).toBeUndefined();
  });

  it('with lines off a terminal: one line each time another 5 % is done, however the counts arrive', () => {
    const { stream, written } = fakeStream(false);
    const p = progressReporter('indicators', { lines: true, prefix: 'assess' }, stream)!;
    // chunks of 7 of 100: steps of 5 % are crossed at 7, 14, 21, 28, 35, ... (none twice)
    for (let done = 7; done < 100; done += 7) p.update(done, 100);
    p.update(100, 100);
    expect(written[0]).toBe('assess: 7/100 indicators\n');
    expect(written.at(-1)).toBe('assess: 100/100 indicators\n');
    const steps = written.map((w) => Math.floor((20 * Number(/: (\d+)\//.exec(w)![1])) / 100));
    expect(new Set(steps).size).toBe(steps.length);
    expect(written).toHaveLength(15);
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
