import { DEFAULTS } from '@trajectory/forecast';
import { describe, expect, it } from 'vitest';
import { parseScenario, scenarioSchema } from '../src/index.ts';

describe('scenario defaults', () => {
  it('a file without draws and seed runs with the engine DEFAULTS, and the published schema states the same', () => {
    const s = parseScenario(
      'name: t\nbaseYear: 2020\nhorizon: 2021\nindicators:\n  a: { base: 1, growth: { mean: 0, sd: 0 } }\n',
      't.yaml',
    );
    expect(s.draws).toBe(DEFAULTS.paths);
    expect(s.seed).toBe(DEFAULTS.seed);
    const props = (scenarioSchema as { properties: Record<string, { default?: number }> }).properties;
    expect(props.draws?.default).toBe(DEFAULTS.paths);
    expect(props.seed?.default).toBe(DEFAULTS.seed);
  });
});

describe('project: {method} in a scenario file', () => {
  it('an unknown method is an error naming the file, line and field, with the valid methods, before any run', () => {
    const text =
      'name: t\nbaseYear: 2020\nhorizon: 2022\nindicators:\n  a:\n    history: { 2019: 1, 2020: 2 }\n    project: { method: bogus }\n';
    expect(() => parseScenario(text, 't.yaml')).toThrow(
      /^t\.yaml:7: indicators\.a\.project\.method: unknown method 'bogus'; choose one of: auto, .*theta.*logistic/,
    );
    expect(parseScenario(text.replace('bogus', 'drift'), 't.yaml').indicators[0]!.model).toEqual({
      kind: 'project',
      method: 'drift',
    });
  });
});
