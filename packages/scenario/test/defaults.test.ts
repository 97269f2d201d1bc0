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
