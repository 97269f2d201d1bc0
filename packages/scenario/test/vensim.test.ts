import { describe, expect, it } from 'vitest';
import { parseScenario, pulse, ramp, simulate, step } from '../src/index.ts';

// Reference values are the worked examples of the Vensim reference manual:
// https://vensim.com/documentation/fn_step.html  "STEP(10,20) is 0 till time 20, then 10."
// https://vensim.com/documentation/fn_ramp.html  "RAMP(1,10,25) is 0 till time 10, then a line to 15 at time 25, then 15 afterwards."
// https://vensim.com/documentation/fn_pulse.html "Returns 1.0, starting at time start, and lasting for interval width; 0.0 ... at all other times.
//                                                 If width is passed as 0 it will be treated as though it were the current value of TIME STEP."
describe('Vensim test inputs (DT = 1)', () => {
  it('step(10, 20, t) is 0 till time 20, then 10', () => {
    expect([18, 19, 20, 21, 40].map((t) => step(10, 20, t))).toEqual([0, 0, 10, 10, 10]);
  });
  it('ramp(1, 10, 25, t) is 0 till 10, a line to 15 at 25, then 15', () => {
    expect([0, 10, 11, 17, 24, 25, 26, 100].map((t) => ramp(1, 10, 25, t))).toEqual([0, 0, 1, 7, 14, 15, 15, 15]);
    expect(ramp(-2, 2020, 2023, 2022)).toBe(-4);
  });
  it('pulse(start, width, t) is 1 on [start, start + width), width 0 = one time step', () => {
    expect([2020, 2021, 2022, 2023, 2024].map((t) => pulse(2021, 2, t))).toEqual([0, 1, 1, 0, 0]);
    expect([2020, 2021, 2022].map((t) => pulse(2021, 0, t))).toEqual([0, 1, 0]);
  });

  it('simulate(): a stock fed by STEP/RAMP/PULSE integrates the flows of the previous years (Euler, as Vensim)', () => {
    // zero growth, zero noise: stock(t) = base + sum_{u = base year}^{t-1} flow(u)
    const s = parseScenario(
      `name: vensim
baseYear: 2020
horizon: 2027
draws: 3
indicators:
  a: { base: 100, growth: { mean: 0, sd: 0 } }
interventions:
  - { type: step, indicator: a, height: 5, start: 2022 }
  - { type: ramp, indicator: a, slope: 2, start: 2021, end: 2024 }
  - { type: pulse, indicator: a, amount: 7, start: 2023, width: 2 }
`,
      'vensim.yaml',
    );
    const sim = simulate(s, { interventions: s.interventions });
    const a = sim.paths.get('a')!.values;
    const expected: number[] = [100];
    for (let t = 2021; t <= 2027; t++) {
      const u = t - 1;
      expected.push(expected.at(-1)! + step(5, 2022, u) + ramp(2, 2021, 2024, u) + 7 * pulse(2023, 2, u));
    }
    // hand check of the first years: 2021 = 100, 2022 = 100 + ramp(2021)=0 -> 100 ... 2023 = 100 + 5 + 2 = 107
    expect(expected.slice(0, 4)).toEqual([100, 100, 100, 107]);
    for (let d = 0; d < 3; d++) expect(Array.from(a.slice(d * 8, d * 8 + 8))).toEqual(expected);
  });
});
