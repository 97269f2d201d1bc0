/**
 * Baseline paths of `project` indicators from `@trajectory/forecast` `project()`, re-laid out as the engine's
 * draws x years matrices (column 0 = the base-year value). Each indicator's projection is seeded from the
 * scenario seed and the hash of its id, so baseline and scenario runs share the same paths.
 */
import { project } from '@trajectory/forecast';
import { hashId } from './hash-id.ts';
import type { Scenario } from './types.ts';

/** What `project()` said about each projected indicator (method chosen, its note, warnings). */
export interface ProjectionNote {
  id: string;
  method: string;
  methodNote: string;
  warnings: string[];
}

/**
 * @example const { paths } = projectPaths(scenario, 10000, 1); simulate(scenario, { projected: paths });
 */
export function projectPaths(
  scenario: Scenario,
  draws: number,
  seed: number,
): { paths: Map<string, Float64Array>; notes: ProjectionNote[] } {
  const paths = new Map<string, Float64Array>();
  const notes: ProjectionNote[] = [];
  const W = scenario.horizon - scenario.baseYear + 1;
  for (const ind of scenario.indicators) {
    if (ind.model.kind !== 'project') continue;
    const finite = Number.isFinite(ind.bounds[1]);
    const proj = project(
      { years: ind.history.map((h) => h.year), values: ind.history.map((h) => h.value) },
      {
        toYear: scenario.horizon,
        nPaths: draws,
        seed: (seed ^ hashId(ind.id)) >>> 0,
        ...(ind.model.method ? { method: ind.model.method } : {}),
        ...(finite || ind.bounds[0] !== 0 ? { bounds: ind.bounds } : {}),
      },
    );
    const H = proj.years.length; // = W - 1 because the last observation is the base year
    const out = new Float64Array(draws * W);
    const last = ind.history.at(-1)!.value;
    for (let d = 0; d < draws; d++) {
      out[d * W] = last;
      for (let y = 0; y < H && y < W - 1; y++) out[d * W + y + 1] = proj.paths[d * H + y]!;
    }
    paths.set(ind.id, out);
    notes.push({ id: ind.id, method: proj.method, methodNote: proj.methodNote, warnings: proj.warnings });
  }
  return { paths, notes };
}
