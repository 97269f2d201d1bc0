import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseCommandArgs, printError, probabilityListFlag, usageError, yearFlag } from '../src/command-args.ts';

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

describe('yearFlag / probabilityListFlag / usageError: the flag checks propose and review share', () => {
  it('yearFlag takes four digits, absent is undefined, anything else names the flag', () => {
    expect(yearFlag('--year', '2030')).toEqual({ value: 2030 });
    expect(yearFlag('--year', undefined)).toEqual({ value: undefined });
    for (const bad of ['20x0', '203', '2030.5', '', '-2030'])
      expect(yearFlag('--written', bad)).toEqual({ error: `--written must be a year such as 2020, got '${bad}'` });
  });

  it('probabilityListFlag takes decimals strictly inside (0, 1) and names the first bad one', () => {
    expect(probabilityListFlag('--probability', undefined, [0.9, 0.5])).toEqual({ value: [0.9, 0.5] });
    expect(probabilityListFlag('--probability', '0.8, .25,5e-1', [])).toEqual({ value: [0.8, 0.25, 0.5] });
    for (const [text, bad] of [
      ['0.5,1', '1'],
      ['0', '0'],
      ['abc', 'abc'],
      ['0.5,,0.3', ''],
      ['0x1', '0x1'],
      ['-0.5', '-0.5'],
      ['NaN', 'NaN'],
      ['Infinity', 'Infinity'],
    ] as const) {
      const r = probabilityListFlag('--probability', text, []);
      expect(r, text).toEqual({ error: expect.stringContaining(`--probability`) });
      expect((r as { error: string }).error, text).toMatch(new RegExp(`got '${bad}'$`));
    }
  });

  it('usageError prints the command, the message and the usage, and returns 2', () => {
    const err: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
    expect(usageError('review', 'usage: review')('--written 2016 is after --as-of 2015')).toBe(2);
    spy.mockRestore();
    expect(err).toEqual(['trajectory review: --written 2016 is after --as-of 2015\n\nusage: review']);
  });
});
