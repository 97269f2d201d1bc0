import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario, runScenario } from '../src/index.ts';

const dir = fileURLToPath(new URL('../../../examples/', import.meta.url));
const files = readdirSync(dir)
  .filter((f) => /\.(ya?ml|json)$/.test(f) && /gazelle|binhai|hexi|teda/.test(f))
  .sort();

describe('every example scenario file runs', () => {
  it('finds the four examples', () => {
    expect(files.map((f) => f.match(/gazelle|binhai|hexi|teda/)![0]).sort()).toEqual([
      'binhai',
      'gazelle',
      'hexi',
      'teda',
    ]);
  });
  for (const f of files) {
    it(`runs ${f} (1000 draws)`, () => {
      const scenario = loadScenario(join(dir, f), { draws: 1000 });
      const r = runScenario(scenario);
      expect(r.targets.length).toBeGreaterThan(0);
      for (const t of r.targets) {
        if (t.value === null) {
          // proposals: a higher probability asks for a lower (or equal) value on a >= target
          const [p50, p80] = t.proposals!;
          expect(p80!.baseline).toBeLessThanOrEqual(p50!.baseline);
          continue;
        }
        for (const v of [t.baseline, t.scenario]) {
          expect(v.probability).toBeGreaterThanOrEqual(0);
          expect(v.probability).toBeLessThanOrEqual(1);
        }
      }
      for (const g of r.goals) {
        expect(['found', 'met-at-range-start', 'unreachable-in-range']).toContain(g.status);
        if (g.status === 'found') expect(g.attained.probability).toBeGreaterThanOrEqual(g.probability);
      }
      for (const s of r.series)
        if (s.kind === 'pipeline')
          for (const m of s.scenario.intervals.flatMap((i) => i.lower)) expect(m).toBeGreaterThanOrEqual(0);
    });
  }
});
