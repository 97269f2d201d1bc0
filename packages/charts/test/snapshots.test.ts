/**
 * Golden spec snapshots: each builder's output on the fixtures is committed under `test/output/*.vl.json` so a
 * change to a chart shows up as a reviewable diff. Regenerate with `REGEN=1 pnpm vitest run packages/charts`.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import {
  attainabilityDashboard,
  fanChart,
  fitDiagnostics,
  growthGapChart,
  pipelineChart,
  scenarioComparison,
} from '../src/index.ts';
import { dashboardInput, fanInput, fitInput, growthInput, pipelineInput, scenarioInput } from './fixtures/inputs.ts';

const OUT = new URL('./output/', import.meta.url);
const cases: [string, TopLevelSpec][] = [
  ['fan-chart', fanChart(fanInput)],
  ['attainability-dashboard', attainabilityDashboard(dashboardInput)],
  ['growth-gap', growthGapChart(growthInput)],
  ['scenario-comparison', scenarioComparison(scenarioInput)],
  ['pipeline-chart', pipelineChart(pipelineInput)],
  ['fit-diagnostics', fitDiagnostics(fitInput)],
];

/**
 * Numbers are compared to 12 significant digits (relative tolerance 5e-13): the fixtures compute values with `**`,
 * whose last bit differs between V8 versions (Node 24's `1.06 ** 3` is one ulp from Node 20's).
 */
const roundNumbers = (_key: string, value: unknown): unknown =>
  typeof value === 'number' && Number.isFinite(value) ? Number(value.toPrecision(12)) : value;

describe('golden specs (test/output/*.vl.json)', () => {
  it.each(cases)('%s matches its committed snapshot', (name, spec) => {
    const file = new URL(`${name}.vl.json`, OUT);
    const text = `${JSON.stringify(spec, roundNumbers, 2)}\n`;
    // A missing snapshot is created locally but fails in CI (it must be committed); regenerating in CI would compare
    // the output with itself.
    if (process.env.REGEN === '1' && process.env.CI === 'true') throw new Error('REGEN=1 is for local runs, not CI');
    if (process.env.REGEN === '1' || (!existsSync(file) && process.env.CI !== 'true')) {
      mkdirSync(OUT, { recursive: true });
      writeFileSync(file, text);
    }
    expect(text).toBe(readFileSync(file, 'utf8'));
  });
});
