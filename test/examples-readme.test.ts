import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadScenario, runScenario, type ScenarioResult } from '@trajectory/scenario';

// The figures examples/README.md quotes for the Nankai example, checked against a fresh run with the file's own
// draws and seed: each within its rounding in the README plus three Monte Carlo standard errors, so the README
// cannot drift from what `pnpm trajectory run examples/nankai-gazelle-doubling.yaml` prints.
const file = fileURLToPath(new URL('../examples/nankai-gazelle-doubling.yaml', import.meta.url));

describe('examples/README.md: Nankai gazelle doubling', () => {
  let result: ScenarioResult;
  const target = (label: string) => result.targets.find((t) => t.label === label)!;
  const goal = (label: string) => result.goals.find((g) => g.target === label)!;
  const near = (p: { probability: number; stdError: number }, quoted: number, rounding: number) =>
    expect(Math.abs(p.probability - quoted)).toBeLessThanOrEqual(rounding + 3 * p.stdError);

  it('runs the example as written', { timeout: 120_000 }, () => {
    result = runScenario(loadScenario(file));
    expect(result.scenario.draws).toBe(10000);
  });

  it('doubling the gazelles (16 -> 32) by 2023: P ~ 0 in the baseline, 0.86 with the interventions', () => {
    near(target('瞪羚翻番 2023').baseline, 0, 0.005);
    near(target('瞪羚翻番 2023').scenario, 0.86, 0.005);
  });

  it('the two high-tech targets: 500 (doc 002) P 0.81, 650 (doc 000) P 0.08', () => {
    near(target('高企 500 in 2023 (doc 002)').baseline, 0.81, 0.005);
    near(target('高企 650 in 2023 (doc 000)').baseline, 0.08, 0.005);
  });

  it('levers for 80%: graduation 雏鹰 -> 瞪羚 9.6% against a calibrated 2.5%; 650 needs 30.5% growth a year', () => {
    expect(goal('瞪羚翻番 2023').value!).toBeCloseTo(0.096, 3);
    expect(goal('瞪羚翻番 2023').historical.value).toBeCloseTo(0.025, 3);
    expect(goal('高企 650 in 2023 (doc 000)').value!).toBeCloseTo(0.305, 3);
  });
});
