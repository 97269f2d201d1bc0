import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Indicator } from '@trajectory/core';
import { describe, expect, it } from 'vitest';
import { loadScenario, parseScenario, runScenario, ScenarioError } from '../src/index.ts';

const OK = `name: ok
baseYear: 2020
horizon: 2025
draws: 100
indicators:
  a: { base: 10, growth: { mean: 0.1, sd: 0.02 } }
  b: { base: 5, growth: { mean: 0.05, sd: 0.01 } }
`;

/** Parses and returns the ScenarioError (fails the test if none is thrown). */
function errorOf(text: string, options = {}): ScenarioError {
  try {
    parseScenario(text, 'bad.yaml', options);
  } catch (error) {
    expect(error).toBeInstanceOf(ScenarioError);
    return error as ScenarioError;
  }
  throw new Error('expected a ScenarioError');
}

describe('parseScenario(text, file): bad input names file, line and field', () => {
  it('accepts a minimal valid scenario', () => {
    const s = parseScenario(OK, 'ok.yaml');
    expect(s.indicators.map((i) => i.id)).toEqual(['a', 'b']);
    expect(s.draws).toBe(100);
  });

  it('growth: projected needs a seed indicator and its observation of the base year', () => {
    const noSeed = errorOf(
      OK.replace('a: { base: 10, growth: { mean: 0.1, sd: 0.02 } }', 'a: { base: 10, growth: projected }'),
    );
    expect(noSeed.message).toMatch(/^bad\.yaml:6: indicators\.a\.growth: growth: projected needs seed:/);
    const late = errorOf(
      OK.replace(
        'a: { base: 10, growth: { mean: 0.1, sd: 0.02 } }',
        'a: { seed: binhai.hightech_firms, growth: projected }',
      )
        .replace('baseYear: 2020', 'baseYear: 2019')
        .replace('horizon: 2025', 'horizon: 2024'),
    );
    expect(late.message).toMatch(
      /indicators\.a\.growth: growth: projected needs an observation of baseYear 2019 in 'binhai\.hightech_firms'/,
    );
    const other = errorOf(OK.replace('growth: { mean: 0.1, sd: 0.02 }', 'growth: projection'));
    expect(other.field).toMatch(/indicators\.a\.growth/);
  });

  it('malformed YAML', () => {
    const e = errorOf('name: x\nbaseYear: 2020\nindicators:\n  a: { base: 1\n  b: 2\n');
    expect(e.file).toBe('bad.yaml');
    expect(e.field).toBe('(yaml)');
    expect(e.line).toBeGreaterThanOrEqual(4);
    expect(e.message).toMatch(/^bad\.yaml:\d+: \(yaml\): malformed YAML/);
  });

  it('unknown indicator id in a target', () => {
    const e = errorOf(`${OK}targets:\n  - { indicator: nope, year: 2025, value: 3 }\n`);
    expect(e.field).toBe('targets[0].indicator');
    expect(e.line).toBe(9);
    expect(e.message).toContain("unknown indicator id 'nope'");
  });

  it('unknown indicator id in the seed dataset', () => {
    const seedIndicators: Indicator[] = [
      {
        id: 'x.known',
        region: 'r',
        nameZh: '甲',
        nameEn: 'x',
        unit: '家',
        measure: 'count',
        accumulation: 'stock',
        observations: [{ year: 2020, value: 3, source: { doc: 'd', quote: 'q' } }],
        targets: [],
      },
    ];
    const text = OK.replace(
      '  b: { base: 5, growth: { mean: 0.05, sd: 0.01 } }',
      '  b: { seed: x.unknown, growth: { mean: 0.05, sd: 0.01 } }',
    );
    const e = errorOf(text, { seedIndicators });
    expect(e.field).toBe('indicators.b.seed');
    expect(e.line).toBe(7);
    const ok = parseScenario(text.replace('x.unknown', 'x.known'), 'ok.yaml', { seedIndicators });
    expect(ok.indicators[1]!.base).toBe(3);
    expect(ok.indicators[1]!.name).toBe('甲');
    // pipeline stages take their stock from the seed dataset too
    const piped = parseScenario(
      `${OK}pipelines:\n  p:\n    stages: [{ id: s1, seed: x.known }, { id: s2, base: 1 }]\n    exit: [0.1, 0.1]\n`,
      'ok.yaml',
      { seedIndicators },
    );
    expect(piped.pipelines[0]!.stages[0]).toMatchObject({ id: 's1', base: 3, name: '甲' });
    const bad = errorOf(`${OK}pipelines:\n  p:\n    stages: [{ id: s1, seed: x.nope }]\n    exit: [0.1]\n`, {
      seedIndicators,
    });
    expect(bad.field).toBe('pipelines.p.stages[0].seed');
    expect(bad.line).toBe(10);
  });

  it('missing baseline value and missing baseline model', () => {
    const e1 = errorOf(OK.replace('base: 10, ', ''));
    expect(e1.field).toBe('indicators.a');
    expect(e1.message).toContain('missing baseline');
    expect(e1.line).toBe(6);
    const e2 = errorOf(OK.replace(', growth: { mean: 0.1, sd: 0.02 }', ''));
    expect(e2.message).toContain('missing baseline model');
  });

  it('negative rates where they make no sense', () => {
    const e = errorOf(
      `${OK}pipelines:\n  p:\n    stages: [{ id: s1, base: 10 }, { id: s2, base: 2 }]\n    exit: [0.1, -0.2]\n`,
    );
    expect(e.field).toBe('pipelines.p.exit[1]');
    expect(e.line).toBe(11);
    expect(e.message).toContain('>= 0');
    const g = errorOf(OK.replace('sd: 0.02', 'sd: -0.02'));
    expect(g.field).toBe('indicators.a.growth.sd');
    const r = errorOf(`${OK}interventions:\n  - { type: growth, indicator: a, from: 2022, set: -1.5 }\n`);
    expect(r.field).toBe('interventions[0].set');
  });

  it('a pipeline that cannot be calibrated (outflow > 100%)', () => {
    const e = errorOf(
      `${OK}pipelines:\n  p:\n    stages: [{ id: s1, base: 1 }, { id: s2, base: 100 }]\n    exit: [0.5, 0.5]\n`,
    );
    expect(e.field).toBe('pipelines.p');
    expect(e.message).toMatch(/cannot calibrate: stage 's1' would lose/);
  });

  it('cycles among derived indicators', () => {
    const e = errorOf(`${OK}derived:\n  x: y + a\n  y: x * 2\n`);
    expect(e.field).toBe('derived');
    expect(e.line).toBe(8);
    expect(e.message).toContain('cycle among derived indicators: x -> y -> x');
  });

  it('horizon before the base year', () => {
    const e = errorOf(OK.replace('horizon: 2025', 'horizon: 2019'));
    expect(e.field).toBe('horizon');
    expect(e.line).toBe(3);
    expect(e.message).toBe('bad.yaml:3: horizon: horizon 2019 must be after baseYear 2020');
  });

  it('draws <= 0, in the file and as an override', () => {
    const e = errorOf(OK.replace('draws: 100', 'draws: 0'));
    expect(e.field).toBe('draws');
    expect(e.line).toBe(4);
    const o = errorOf(OK, { draws: -5 });
    expect(o.field).toBe('draws');
    expect(o.message).toContain('positive integer');
  });

  it('unknown fields and wrong types', () => {
    const e = errorOf(OK.replace('draws: 100', 'draws: 100\nhorizn: 2030'));
    expect(e.field).toBe('horizn');
    expect(e.line).toBe(5);
    expect(e.message).toContain('unknown field');
    const t = errorOf(OK.replace('base: 10', 'base: ten'));
    expect(t.field).toBe('indicators.a.base');
    expect(t.message).toContain('must be number');
    const k = errorOf(`${OK}interventions:\n  - { type: double, indicator: a }\n`);
    expect(k.field).toBe('interventions[0].type');
    expect(k.message).toContain('"multiply", "growth", "step", "ramp", "pulse", "add", "cap", "rate"');
  });

  it('intervention and target years outside the scenario', () => {
    const e = errorOf(`${OK}interventions:\n  - { type: multiply, indicator: a, factor: 2, year: 2030 }\n`);
    expect(e.field).toBe('interventions[0].year');
    expect(e.line).toBe(9);
    const t = errorOf(`${OK}targets:\n  - { indicator: a, year: 2019, value: 1 }\n`);
    expect(t.field).toBe('targets[0].year');
  });

  it("the planner's CSV: values are read, bad rows name the row and field", () => {
    const dir = mkdtempSync(join(tmpdir(), 'scn-'));
    writeFileSync(join(dir, 'data.csv'), 'indicator,year,value\na,2018,8\na,2019,9\na,2020,10\n');
    writeFileSync(
      join(dir, 's.yaml'),
      `name: csv\nbaseYear: 2020\nhorizon: 2022\ndata: data.csv\nindicators:\n  a: { growth: {} }\n`,
    );
    const s = loadScenario(join(dir, 's.yaml'));
    expect(s.indicators[0]!.base).toBe(10);
    expect(s.indicators[0]!.history.map((h) => h.value)).toEqual([8, 9, 10]);
    // growth mean = CAGR 2018-2020, sd = sd of the two annual rates
    expect(s.indicators[0]!.model).toMatchObject({ kind: 'growth', mean: Math.sqrt(10 / 8) - 1 });
    writeFileSync(join(dir, 'data.csv'), 'indicator,year,value\na,2019,9\na,2020,ten\n');
    expect(() => loadScenario(join(dir, 's.yaml'))).toThrow(/data\.csv:3: row 3, value: not a number: 'ten'/);
  });
});

describe('JSON scenario files', () => {
  it('parses the same scenario written as JSON, with line numbers in errors', () => {
    const json = JSON.stringify(
      { name: 'j', baseYear: 2020, horizon: 2022, indicators: { a: { base: 1, growth: { mean: 0.1, sd: 0 } } } },
      null,
      2,
    );
    expect(parseScenario(json, 'j.json').indicators[0]!.base).toBe(1);
    let caught: ScenarioError | undefined;
    try {
      parseScenario(json.replace('"sd": 0', '"sd": "zero"'), 'j.json');
    } catch (error) {
      caught = error as ScenarioError;
    }
    expect(caught?.field).toBe('indicators.a.growth.sd');
    expect(caught?.line).toBe(10);
  });
});

describe('parseScenario on arbitrary edits (fast-check)', () => {
  const FULL = `name: fuzz
baseYear: 2020
horizon: 2023
draws: 50
indicators:
  a: { base: 10, growth: { mean: 0.1, sd: 0.02 } }
pipelines:
  p:
    stages: [{ id: s1, base: 50 }, { id: s2, base: 5 }]
    exit: [0.1, 0.05]
derived:
  d: a / (s1 + 1)
interventions:
  - { type: multiply, indicator: a, factor: 2, year: 2022 }
  - { type: rate, pipeline: p, rate: graduation, stage: s1, multiply: 1.5, from: 2021 }
  - { type: ramp, indicator: s1, slope: 1, start: 2020, end: 2022 }
targets:
  - { label: t, indicator: d, year: 2023, value: 1 }
goals:
  - { target: t, lever: { kind: growth, indicator: a } }
`;
  const lines = FULL.split('\n');
  it('either returns a scenario that runs or throws a ScenarioError with file and field, never anything else', async () => {
    const outcomes = { ok: 0, error: 0 };
    const fc = (await import('fast-check')).default;
    const value = fc.oneof(
      fc.constantFrom(
        '-1',
        '0',
        '1e9',
        'null',
        'nope',
        '[]',
        '{}',
        '"x"',
        '2019',
        '2030',
        '-0.5',
        'a',
        's2',
        'p',
        'true',
        '{ a: 1 }',
      ),
      fc.double({ noNaN: true }).map(String),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: lines.length - 2 }), value, fc.boolean(), (row, v, replaceLine) => {
        const edited = lines.slice();
        const line = edited[row]!;
        // replace the value after one of the line's colons, or the whole line
        const colons = [...line.matchAll(/: /g)].map((m) => m.index!);
        if (replaceLine || colons.length === 0) edited[row] = `${line.match(/^\s*/)![0]}${v}`;
        else {
          const at = colons[Math.abs(Math.round(Number(v.length))) % colons.length]!;
          const rest = line.slice(at + 2);
          const end = rest.search(/[,}\]]/);
          edited[row] = `${line.slice(0, at + 2)}${v}${end >= 0 ? rest.slice(end) : ''}`;
        }
        let s;
        try {
          s = parseScenario(edited.join('\n'), 'fuzz.yaml');
        } catch (error) {
          if (!(error instanceof ScenarioError)) throw error;
          outcomes.error++;
          if (error.file !== 'fuzz.yaml' || !error.field) return false;
          return true;
        }
        // what the loader accepts, the engine runs
        runScenario(s, { draws: 20 });
        outcomes.ok++;
        return true;
      }),
      { numRuns: 250, seed: 7 },
    );
    // the edits exercise both sides
    expect(outcomes.error).toBeGreaterThan(30);
    expect(outcomes.ok).toBeGreaterThan(5);
  });
});
