import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseCommandArgs, printError } from '../src/command-args.ts';

const options = { n: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } as const;

describe('parseCommandArgs / printError', () => {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
  afterEach(() => {
    out.length = 0;
    err.length = 0;
  });

  it('returns the flags and positionals, ignoring a literal --', () => {
    const args = parseCommandArgs('x', 'usage: x', ['--', 'file.txt', '--n', '3', '--json'], options, {
      allowPositionals: true,
    });
    expect(args).toEqual({ values: { n: '3', json: true }, positionals: ['file.txt'] });
    expect(err).toEqual([]);
  });

  it('prints the usage and returns 0 for --help / -h', () => {
    expect(parseCommandArgs('x', 'usage: x', ['-h'], options)).toBe(0);
    expect(out).toEqual(['usage: x']);
  });

  it('returns 2 with the command, the parse error and the usage on stderr', () => {
    expect(parseCommandArgs('x', 'usage: x', ['--bogus'], options)).toBe(2);
    expect(parseCommandArgs('x', 'usage: x', ['file.txt'], options)).toBe(2);
    expect(err).toHaveLength(2);
    expect(err[0]).toMatch(/^trajectory x: .*'--bogus'.*\n\nusage: x$/s);
    expect(err[1]).toMatch(/^trajectory x: .*'file\.txt'.*\n\nusage: x$/s);
  });

  it('printError adds the usage only when given', () => {
    printError('x', 'bad input');
    printError('x', 'bad input', 'usage: x');
    expect(err).toEqual(['trajectory x: bad input', 'trajectory x: bad input\n\nusage: x']);
  });
});
