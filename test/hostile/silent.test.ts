/**
 * Issue 15, silent wrong results: inputs that used to give NaN medians, `null` in the JSON, "P 0 %" or a shifted
 * probability with exit code 0 are now errors that name the file, the line and the field (or, for the numeric
 * APIs, a status).
 */
import { createRng, INDICATOR_COLUMNS, IndicatorDataError, readIndicatorCsv } from '@trajectory/core';
import { families, fitCurve } from '@trajectory/fit';
import { assessTarget, project } from '@trajectory/forecast';
import { loadScenario, parseScenario, ScenarioError } from '@trajectory/scenario';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { assessCommand as assess, runCommand as run } from '@trajectory/cli';
import { capture, put, SCENARIO, tempDir } from './helpers.ts';

afterEach(() => vi.restoreAllMocks());

/** The ScenarioError `text` raises (fails the test if it loads). */
function errorOf(text: string): ScenarioError {
  try {
    parseScenario(text, 'bad.yaml');
  } catch (error) {
    if (error instanceof ScenarioError) return error;
    throw error;
  }
  throw new Error('expected a ScenarioError, the scenario loaded');
}

const PIPE = `pipelines:\n  p:\n    stages: [{ id: s1, base: 100 }, { id: s2, base: 10 }]\n    exit: [0.1, 0.1]\n`;

describe('scenario numbers are finite and in range at load', () => {
  const cases: [string, string, string, number, RegExp][] = [
    ['base .nan', SCENARIO.replace('a: { base: 100,', 'a: { base: .nan,'), 'indicators.a.base', 7, /NaN/],
    ['base .inf', SCENARIO.replace('a: { base: 100,', 'a: { base: .inf,'), 'indicators.a.base', 7, /Infinity/],
    ['growth mean .inf', SCENARIO.replace('mean: 0.05', 'mean: .inf'), 'indicators.a.growth.mean', 7, /Infinity/],
    ['growth mean 1e308', SCENARIO.replace('mean: 0.05', 'mean: 1e308'), 'indicators.a.growth.mean', 7, /range/],
    ['growth mean 50', SCENARIO.replace('mean: 0.05', 'mean: 50'), 'indicators.a.growth.mean', 7, /\[-1, 10\]/],
    [
      'growth sd .inf',
      SCENARIO.replace('sd: 0.01 } }\n  b', 'sd: .inf } }\n  b'),
      'indicators.a.growth.sd',
      7,
      /Infinity/,
    ],
    [
      'multiply factor 1e308',
      `${SCENARIO}interventions:\n  - { type: multiply, indicator: a, factor: 1e308, year: 2025 }\n`,
      'interventions[0].factor',
      12,
      /range/,
    ],
    [
      'multiply factor 1e9',
      `${SCENARIO}interventions:\n  - { type: multiply, indicator: a, factor: 1e9, year: 2025 }\n`,
      'interventions[0].factor',
      12,
      /\[0, 1000000\]/,
    ],
    [
      'step height .inf',
      `${SCENARIO}interventions:\n  - { type: step, indicator: a, height: .inf, start: 2022 }\n`,
      'interventions[0].height',
      12,
      /Infinity/,
    ],
    ['pipeline entry 1e308', `${SCENARIO}${PIPE}    entry: 1e308\n`, 'pipelines.p.entry', 15, /range/],
    ['pipeline rateSd 1e308', `${SCENARIO}${PIPE}    rateSd: 1e308\n`, 'pipelines.p.rateSd', 15, /range/],
    ['pipeline rateSd 20', `${SCENARIO}${PIPE}    rateSd: 20\n`, 'pipelines.p.rateSd', 15, /\[0, 10\]/],
    ['target value .nan', SCENARIO.replace('value: 120', 'value: .nan'), 'targets[0].value', 10, /NaN/],
    [
      'cap max -5',
      `${SCENARIO}interventions:\n  - { type: cap, indicator: a, max: -5 }\n`,
      'interventions[0].max',
      12,
      /below the indicator's lower bound 0/,
    ],
    [
      'cap max .nan',
      `${SCENARIO}interventions:\n  - { type: cap, indicator: a, max: .nan }\n`,
      'interventions[0].max',
      12,
      /NaN/,
    ],
    [
      'goal range [0, 1e308]',
      `${SCENARIO}goals:\n  - { target: a >= 120 in 2025, lever: { kind: growth, indicator: a }, range: [0, 1e308] }\n`,
      'goals[0].range[1]',
      12,
      /range/,
    ],
    [
      'goal growth range [0, 100]',
      `${SCENARIO}goals:\n  - { target: a >= 120 in 2025, lever: { kind: growth, indicator: a }, range: [0, 100] }\n`,
      'goals[0].range',
      12,
      /within \[-1, 10\]/,
    ],
  ];
  for (const [what, text, field, line, problem] of cases) {
    it(what, () => {
      const e = errorOf(text);
      expect(e.file).toBe('bad.yaml');
      expect(e.field).toBe(field);
      expect(e.line).toBe(line);
      expect(e.problem).toMatch(problem);
    });
  }

  it('the unchanged scenario loads (the cases fail for their one change)', () => {
    expect(parseScenario(SCENARIO, 'ok.yaml').indicators).toHaveLength(2);
    expect(parseScenario(`${SCENARIO}${PIPE}    entry: 5\n`, 'ok.yaml').pipelines).toHaveLength(1);
  });

  it('infinite bounds are still allowed (an open upper bound)', () => {
    const s = parseScenario(SCENARIO.replace('a: { base: 100,', 'a: { bounds: [0, .inf], base: 100,'), 'ok.yaml');
    expect(s.indicators[0]!.bounds).toEqual([0, Infinity]);
  });
});

describe("the scenario's data: CSV is read like the indicator dataset", () => {
  const withCsv = (csv: string): { yaml: string; dir: string } => {
    const dir = tempDir();
    put(dir, 'data.csv', csv);
    const yaml = put(dir, 's.yaml', SCENARIO.replace('a: { base: 100,', 'a: {').concat('data: data.csv\n'));
    return { yaml, dir };
  };
  const loadError = (csv: string): ScenarioError => {
    try {
      loadScenario(withCsv(csv).yaml);
    } catch (error) {
      if (error instanceof ScenarioError) return error;
      throw error;
    }
    throw new Error('expected a ScenarioError');
  };
  const GOOD = 'indicator,year,value\na,2018,90\na,2019,95\na,2020,100\n';

  it('a quoted "a,b" field is read as one field', () => {
    const s = loadScenario(withCsv('indicator,year,value,note\na,2019,95,"a,b"\na,2020,100,x\n').yaml);
    expect(s.indicators[0]!.history).toEqual([
      { year: 2019, value: 95 },
      { year: 2020, value: 100 },
    ]);
  });

  it('an unbalanced quote is an error with its line', () => {
    const e = loadError('indicator,year,value\na,2019,"95\na,2020,100\n');
    expect(e.file).toBe('data.csv');
    expect(e.line).toBe(2);
    expect(e.message).toMatch(/quote/i);
  });

  for (const [what, csv, line, field, problem] of [
    ['0x50 is not a number', `${GOOD}a,2017,0x50\n`, 5, 'row 5, value', /not a number: '0x50'/],
    ['a year-99999 row', `${GOOD}a,99999,5\n`, 5, 'row 5, year', /not a year in 1900\.\.2200: '99999'/],
    ['an extra row a,0,1', `${GOOD}a,0,1\n`, 5, 'row 5, year', /not a year/],
    ['a duplicate a,2019,5000', `${GOOD}a,2019,5000\n`, 5, 'row 5', /duplicate: 'a' 2019 is already given on row 3/],
    [
      'a negative count (bounds [0, inf])',
      `${GOOD}a,2017,-5\n`,
      5,
      'row 5, value',
      /-5 .* outside its bounds \[0, Infinity\]/,
    ],
  ] as [string, string, number, string, RegExp][]) {
    it(what, () => {
      const e = loadError(csv);
      expect(e.file).toBe('data.csv');
      expect(e.line).toBe(line);
      expect(e.field).toBe(field);
      expect(e.problem).toMatch(problem);
    });
  }

  it("the history key '0000' is not a year", () => {
    const e = errorOf(SCENARIO.replace('a: { base: 100,', 'a: { history: { "0000": 1, "2020": 100 },'));
    expect(e.field).toBe('indicators.a.history.0000');
    expect(e.line).toBe(7);
    expect(e.problem).toContain('not a year in 1900..2200');
  });

  it('CR-only line endings are read as lines', () => {
    const s = loadScenario(withCsv(GOOD.replace(/\n/g, '\r')).yaml);
    expect(s.indicators[0]!.history.map((h) => h.year)).toEqual([2018, 2019, 2020]);
    const e = loadError(`${GOOD}a,2017,0x50\n`.replace(/\n/g, '\r'));
    expect(e.line).toBe(5);
  });
});

describe('expressions', () => {
  for (const [expression, problem] of [
    ['log(a, 2, 3)', /log\(\) takes 1 or 2 arguments, got 3/],
    ['round(a, 0.5)', /round\(\): the number of decimals must be an integer in 0\.\.15, got 0\.5/],
    ['min()', /min\(\) takes at least 1 argument, got 0/],
    ['pow(a)', /pow\(\) takes 2 arguments, got 1/],
    ['sqrt(a, b)', /sqrt\(\) takes 1 argument, got 2/],
  ] as [string, RegExp][]) {
    it(`${expression} is rejected with file, line and field`, () => {
      const e = errorOf(`${SCENARIO}derived:\n  d: "${expression}"\n`);
      expect(e.field).toBe('derived.d');
      expect(e.line).toBe(12);
      expect(e.problem).toMatch(problem);
    });
  }
});

describe('extreme series through the numeric APIs', () => {
  const years = [2015, 2016, 2017, 2018, 2019, 2020];
  const extreme = [[1e-300, 1e300, 1e-300, 1e300, 1e-300, 1e300], years.map(() => Number.MAX_VALUE)];

  it('project() refuses them with a RangeError that says why, instead of all-NaN medians', () => {
    for (const values of extreme)
      expect(() => project({ years, values }, { horizon: 3, nPaths: 100, seed: 1 })).toThrow(
        /outside the supported magnitudes 1e-150\.\.1e150/,
      );
  });

  it('assessTarget returns a status, never an uncaught RangeError', () => {
    for (const values of [...extreme, [1, 2, 3, 4, 5, 6]]) {
      const indicator = {
        id: 'x.y',
        region: 'x',
        nameZh: '甲',
        nameEn: 'a',
        unit: '家',
        measure: 'count',
        accumulation: 'stock',
        observations: values.map((value, i) => ({ year: years[i]!, value, source: { doc: 'd', quote: 'q' } })),
        targets: [
          {
            year: 2025,
            value: values[5] === 6 ? Number.MAX_VALUE : 10,
            comparator: '>=',
            source: { doc: 'd', quote: 'q' },
          },
        ],
      } as unknown as Parameters<typeof assessTarget>[0];
      const a = assessTarget(indicator, indicator.targets[0]!, { seed: 1, nPaths: 100 });
      expect(a.status).toBe('projection-failed');
      expect(a.reason).toContain('supported magnitudes');
    }
  });

  it('fitCurve: a result holding NaN is never converged', () => {
    const t = [0, 1, 2, 3, 4, 5];
    let checked = 0;
    for (const y of [
      ...extreme,
      [1, 2, 3, 4, 5, 1e300],
      [0, 0, 0, 0, 0, 0],
      [1e-320, 1e300, 5e-324, 1, 1, 1],
      [-1e300, 1e300, -1e300, 1e300, 0, 1],
    ]) {
      for (const family of Object.values(families)) {
        let fit: ReturnType<typeof fitCurve>;
        try {
          fit = fitCurve({ t, y }, family);
        } catch (error) {
          // a documented refusal (e.g. no automatic start values for non-positive data) is not a silent result
          expect((error as Error).message).toMatch(/requires/);
          continue;
        }
        const finite = [...fit.theta, fit.rss, ...fit.fitted].every(Number.isFinite);
        if (!finite) {
          expect(fit.status, `${family.name} on ${y.slice(0, 2)}`).not.toBe('converged');
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(0);
  });
});

describe('seeds are 32-bit: larger ones are refused, not aliased', () => {
  it('createRng', () => {
    expect(() => createRng(2 ** 32)).toThrow(/seed in \[0, 2\^32\)/);
    expect(createRng(2 ** 32 - 1).uint32()).not.toBe(createRng(0).uint32());
  });

  it('run --seed and the file, assess --seed', async () => {
    const file = put(tempDir(), 's.yaml', SCENARIO);
    const c = capture();
    expect(await run([file, '--seed', '4294967296'])).toBe(2);
    expect(c.err()).toContain("--seed must be a non-negative integer, got '4294967296' (at most 4294967295)");
    expect(errorOf(SCENARIO.replace('seed: 7', 'seed: 4294967296')).field).toBe('seed');
    expect(await assess(['--seed', '4294967296'])).toBe(2);
    expect(c.err()).toContain('(an integer in 0..4294967295)');
  });
});

describe('GBK bytes and CR-only line endings', () => {
  const gbk = Buffer.from([0xd6, 0xd0, 0xce, 0xc4]); // 中文 in GBK

  it('GBK bytes in a scenario YAML: an error with the line, not U+FFFD', async () => {
    const file = put(
      tempDir(),
      's.yaml',
      Buffer.concat([Buffer.from(SCENARIO.replace('name: hostile', 'name: x')), Buffer.from('description: '), gbk]),
    );
    const c = capture();
    expect(await run([file])).toBe(1);
    expect(c.err()).toMatch(/s\.yaml:11: not valid UTF-8 .*GBK\/GB18030/);
  });

  it('GBK bytes in the indicator CSV: an IndicatorDataError with the line', () => {
    const header = INDICATOR_COLUMNS.join(',');
    const text = new TextDecoder().decode(Buffer.concat([Buffer.from(`${header}\n`), gbk, Buffer.from('\n')]));
    try {
      readIndicatorCsv(text, 'ind.csv');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(IndicatorDataError);
      expect((error as IndicatorDataError).issues[0]).toMatchObject({ file: 'ind.csv', line: 2 });
      expect((error as IndicatorDataError).issues[0]!.message).toContain('GBK/GB18030');
    }
  });

  it('CR-only line endings in the indicator CSV are read as lines (errors keep their row)', () => {
    const header = INDICATOR_COLUMNS.join(',');
    const row = INDICATOR_COLUMNS.map(() => 'x').join(',');
    try {
      readIndicatorCsv(`${header}\r${row}\r`, 'ind.csv');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(IndicatorDataError);
      const issues = (error as IndicatorDataError).issues;
      expect(issues.some((i) => i.row === 1)).toBe(true);
      expect(issues.some((i) => /0 records/.test(i.message))).toBe(false);
    }
  });

  it('CR-only line endings in a scenario: errors give the right line', () => {
    const e = errorOf(SCENARIO.replace('value: 120', 'value: .nan').replace(/\n/g, '\r'));
    expect(e.line).toBe(10);
  });
});
