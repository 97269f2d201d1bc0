/**
 * A scenario's model on the one simulation engine of `@trajectory/forecast`: draws paths for every indicator of a
 * scenario, with a chosen set of interventions and optionally one lever set to a value (for goal seeking). Every
 * indicator and pipeline has its own random stream, `createRng(seed).fork(id)`, so the same draws are used whichever
 * interventions or lever values are active (common random numbers): differences between runs are the effect, not
 * noise. Growth indicators are the engine's `growth` process, `project` indicators transform the engine's
 * projection paths; pipelines and derived indicators are this package's own stock-flow and expression models.
 *
 * Timing conventions (DT = 1 year):
 * - growth rates and rate interventions are those of the year they end in: `from: 2021` changes v[2021]/v[2020];
 * - STEP/RAMP/PULSE inflows follow Vensim's Euler integration: the flow evaluated at year t moves the stock of t+1;
 * - `add` (one-off addition), `multiply` and `cap` act on the stock of their year.
 */
import { createRng, type Rng } from '@trajectory/core';
import { type GrowthProcess, type Paths, type Projection, project, simulatePaths } from '@trajectory/forecast';
import { type AssessedProjection, type AssessInputs, assessedProjection, assessInputs } from './assessed.ts';
import { compileSafeExpression } from './expression.ts';
import { calibratePipeline } from './pipeline.ts';
import type { IndicatorSpec, Intervention, Lever, PipelineSpec, Scenario } from './types.ts';
import { pulse, ramp, step } from './vensim.ts';

/** Options of {@link simulate}. */
export interface SimulationOptions {
  /** @default scenario.draws */
  draws?: number;
  /** @default scenario.seed */
  seed?: number;
  /** interventions to apply. @default [] (the baseline) */
  interventions?: readonly Intervention[];
  /** one lever held at a value (goal seeking) */
  lever?: { lever: Lever; value: number };
  /** the projections of `project` indicators (from {@link projectPaths}), shared by every run of a scenario */
  projected?: ReadonlyMap<string, Paths>;
}

/** Simulated paths of every indicator, pipeline stage and derived indicator over the scenario's years. */
export interface Simulation {
  /** baseYear … horizon (column 0 of every path is the base year) */
  years: number[];
  draws: number;
  paths: Map<string, Paths>;
}

/** What `project()` said about each projected indicator (method chosen, its note, warnings). */
export interface ProjectionNote {
  id: string;
  method: string;
  methodNote: string;
  warnings: string[];
}

/**
 * Projects the `project` indicators of a scenario once (`@trajectory/forecast` `project()` up to the horizon, from
 * the indicator's own stream `createRng(seed).fork(id)`; `growth: projected` ones: the seed indicator's `assess`
 * projection, from the seed indicator's stream), for every run of the scenario to share.
 * @example const { paths } = projectPaths(scenario, 10000, 1); simulate(scenario, { projected: paths });
 */
export function projectPaths(
  scenario: Scenario,
  draws: number,
  seed: number,
): { paths: Map<string, Paths>; notes: ProjectionNote[]; assessed: Map<string, AssessedProjection> } {
  const root = createRng(seed);
  const paths = new Map<string, Paths>();
  const notes: ProjectionNote[] = [];
  const assessed = new Map<string, AssessedProjection>();
  let inputs: AssessInputs | undefined;
  for (const ind of scenario.indicators) {
    if (ind.model.kind !== 'project') continue;
    let proj: Projection;
    if (ind.model.assess !== undefined) {
      inputs ??= assessInputs(scenario.baseYear);
      const a = assessedProjection(inputs, ind.model.assess, scenario.horizon, draws, seed);
      assessed.set(ind.id, a);
      proj = a.projection;
    } else {
      const finite = Number.isFinite(ind.bounds[1]);
      proj = project(
        { years: ind.history.map((h) => h.year), values: ind.history.map((h) => h.value) },
        {
          toYear: scenario.horizon,
          nPaths: draws,
          rng: root.fork(ind.id),
          ...(ind.model.method ? { method: ind.model.method } : {}),
          ...(finite || ind.bounds[0] !== 0 ? { bounds: ind.bounds } : {}),
        },
      );
    }
    paths.set(ind.id, proj.paths);
    notes.push({ id: ind.id, method: proj.method, methodNote: proj.methodNote, warnings: proj.warnings });
  }
  return { paths, notes, assessed };
}

/**
 * Runs the scenario's model once.
 * @example
 * const sim = simulate(scenario, { interventions: scenario.interventions });
 * sim.paths.get('gazelle'); // Paths: draws x years
 */
export function simulate(scenario: Scenario, options: SimulationOptions = {}): Simulation {
  const draws = options.draws ?? scenario.draws;
  const seed = options.seed ?? scenario.seed;
  const active = options.interventions ?? [];
  const years: number[] = [];
  for (let y = scenario.baseYear; y <= scenario.horizon; y++) years.push(y);
  const S = years.length - 1;
  const root = createRng(seed);
  const paths = new Map<string, Paths>();
  const scratch = new Float64Array(draws * S);

  for (const ind of scenario.indicators) {
    const rng = root.fork(ind.id);
    const plan = growthPlan(ind, years, active, options.lever);
    if (ind.model.kind === 'project') {
      const projected = options.projected?.get(ind.id);
      if (!projected) throw new Error(`indicator '${ind.id}': projected paths missing (call projectPaths first)`);
      paths.set(ind.id, simulateProjected(plan, projected, ind, years, draws));
    } else {
      paths.set(ind.id, simulatePaths(plan, { years, nPaths: draws, rng, scratch }));
    }
  }
  for (const p of scenario.pipelines) {
    const stocks = simulatePipeline(p, years, draws, root.fork(p.id), active, options.lever);
    p.stages.forEach((s, i) => paths.set(s.id, { years: years.slice(), nPaths: draws, values: stocks[i]! }));
  }
  if (scenario.derived.length > 0) evaluateDerived(scenario, years, draws, paths);
  return { years, draws, paths };
}

function growthPlan(
  ind: IndicatorSpec,
  years: number[],
  active: readonly Intervention[],
  lever?: SimulationOptions['lever'],
): GrowthProcess & { override?: Float64Array; upper: Float64Array } {
  const S = years.length - 1;
  const model = ind.model;
  const baseMean =
    lever?.lever.kind === 'growth' && lever.lever.indicator === ind.id
      ? lever.value
      : model.kind === 'growth'
        ? model.mean
        : 0;
  const mean = new Float64Array(S).fill(baseMean);
  const sd = new Float64Array(S).fill(model.kind === 'growth' ? model.sd : 0);
  const upper = new Float64Array(S).fill(ind.bounds[1]);
  let inflow: Float64Array | undefined;
  let add: Float64Array | undefined;
  let mult: Float64Array | undefined;
  let override: Float64Array | undefined;
  if (lever?.lever.kind === 'inflow' && lever.lever.indicator === ind.id) {
    inflow = new Float64Array(S).fill(lever.value);
  }
  applyStockInterventions(ind.id, years, active, {
    inflow: () => (inflow ??= new Float64Array(S)),
    add: () => (add ??= new Float64Array(S)),
    mult: () => (mult ??= new Float64Array(S).fill(1)),
    upper,
  });
  for (const iv of active) {
    if (iv.type !== 'growth' || iv.indicator !== ind.id) continue;
    for (let s = 0; s < S; s++) {
      const t = years[s + 1]!;
      if (t < iv.from || (iv.until !== undefined && t > iv.until)) continue;
      if (iv.set !== undefined) {
        if (model.kind === 'project') (override ??= new Float64Array(S).fill(NaN))[s] = iv.set;
        mean[s] = model.kind === 'project' ? 0 : iv.set;
      }
      if (iv.shift !== undefined) mean[s] = mean[s]! + iv.shift;
      if (iv.sd !== undefined) sd[s] = iv.sd;
    }
  }
  return {
    kind: 'growth',
    base: ind.base,
    mean,
    sd,
    constant: model.kind === 'growth' && model.mode === 'constant',
    ...(inflow ? { inflow } : {}),
    ...(add ? { add } : {}),
    ...(mult ? { mult } : {}),
    lower: ind.bounds[0],
    upper,
    ...(override ? { override } : {}),
  };
}

/** Fills per-step inflow/add/mult/upper arrays from the stock interventions on `id`. */
function applyStockInterventions(
  id: string,
  years: number[],
  active: readonly Intervention[],
  arrays: { inflow(): Float64Array; add(): Float64Array; mult(): Float64Array; upper: Float64Array },
): void {
  const S = years.length - 1;
  for (const iv of active) {
    if (!('indicator' in iv) || iv.indicator !== id) continue;
    for (let s = 0; s < S; s++) {
      const t = years[s + 1]!; // the stock of year t ...
      const prev = years[s]!; // ... receives the flows evaluated at t - 1 (Euler, DT = 1)
      switch (iv.type) {
        case 'step':
          inc(arrays.inflow(), s, step(iv.height, iv.start, prev));
          break;
        case 'ramp':
          inc(arrays.inflow(), s, ramp(iv.slope, iv.start, iv.end, prev));
          break;
        case 'pulse':
          inc(arrays.inflow(), s, iv.amount * pulse(iv.start, iv.width, prev));
          break;
        case 'add':
          if (t === iv.year) inc(arrays.add(), s, iv.amount);
          break;
        case 'multiply':
          if (iv.from === undefined) {
            if (t === iv.year) scale(arrays.mult(), s, iv.factor);
          } else if (t > iv.from && t <= iv.year) {
            // spread evenly: the extra growth compounds to `factor` by `year`
            scale(arrays.mult(), s, iv.factor ** (1 / (iv.year - iv.from)));
          }
          break;
        case 'cap':
          if (iv.from === undefined || t >= iv.from) arrays.upper[s] = Math.min(arrays.upper[s]!, iv.max);
          break;
        default:
          break;
      }
    }
  }
}

function inc(a: Float64Array, i: number, v: number): void {
  a[i] = a[i]! + v;
}

function scale(a: Float64Array, i: number, v: number): void {
  a[i] = a[i]! * v;
}

/**
 * Project-model indicators: the yearly growth factors of the projection's paths (the last observation, in the base
 * year, then the projected years), with the same interventions on top.
 */
function simulateProjected(
  plan: GrowthProcess & { override?: Float64Array; upper: Float64Array },
  projected: Paths,
  ind: IndicatorSpec,
  years: number[],
  draws: number,
): Paths {
  const S = plan.mean.length;
  const W = S + 1;
  const P = projected.years.length;
  const first = projected.years.indexOf(years[1]!);
  if (first < 0 || first + S > P || projected.nPaths !== draws)
    throw new Error(
      `indicator '${ind.id}': projected paths do not cover ${years[1]}–${years.at(-1)} with ${draws} draws`,
    );
  const last = ind.history.at(-1)!.value;
  const pv = projected.values;
  const out = new Float64Array(draws * W);
  const lower = plan.lower ?? -Infinity;
  for (let d = 0; d < draws; d++) {
    let v = plan.base;
    out[d * W] = v;
    for (let s = 0; s < S; s++) {
      const prev = s === 0 ? last : pv[d * P + first + s - 1]!;
      const o = plan.override ? plan.override[s]! : NaN;
      // the projected growth factor, or a rate set by an intervention; `mean` holds shifts
      const f = o === o ? 1 + o : prev > 0 ? pv[d * P + first + s]! / prev : 1;
      v = v * (f + plan.mean[s]!);
      if (plan.inflow) v += plan.inflow[s]!;
      if (plan.add) v += plan.add[s]!;
      if (plan.mult) v *= plan.mult[s]!;
      if (v < lower) v = lower;
      else if (v > plan.upper[s]!) v = plan.upper[s]!;
      out[d * W + s + 1] = v;
    }
  }
  return { years: years.slice(), nPaths: draws, values: out };
}

/**
 * Pipeline stocks for every draw. Rates get a lognormal multiplier per path (parameter uncertainty, `rateSd`),
 * flows get demographic noise F + sqrt(F) z (normal approximation of Poisson counts) when `noise` is on;
 * outflows are scaled down if they would exceed the stock, so stocks never go negative.
 */
function simulatePipeline(
  p: PipelineSpec,
  years: number[],
  draws: number,
  rng: Rng,
  active: readonly Intervention[],
  lever?: SimulationOptions['lever'],
): Float64Array[] {
  const n = p.stages.length;
  const S = years.length - 1;
  const W = S + 1;
  const cal = calibratePipeline(p);
  const g0 = cal.graduation.slice();
  let entry0 = cal.entry;
  if (lever?.lever.kind === 'graduation' && lever.lever.pipeline === p.id) {
    g0[p.stages.findIndex((s) => s.id === (lever.lever as { stage: string }).stage)] = lever.value;
  }
  if (lever?.lever.kind === 'entry' && lever.lever.pipeline === p.id) entry0 = lever.value;

  // per-step rates after rate interventions
  const grad = Array.from({ length: n }, (_, i) => new Float64Array(S).fill(i < n - 1 ? g0[i]! : 0));
  const exit = Array.from({ length: n }, (_, i) => new Float64Array(S).fill(cal.exit[i]!));
  const entry = new Float64Array(S);
  for (let s = 0; s < S; s++) entry[s] = entry0 * (1 + cal.growth) ** s;
  for (const iv of active) {
    if (iv.type !== 'rate' || iv.pipeline !== p.id) continue;
    const idx = iv.stage ? p.stages.findIndex((st) => st.id === iv.stage) : 0;
    const arr = iv.rate === 'entry' ? entry : iv.rate === 'graduation' ? grad[idx]! : exit[idx]!;
    for (let s = 0; s < S; s++) {
      if (years[s + 1]! < iv.from) continue;
      if (iv.set !== undefined) arr[s] = iv.rate === 'entry' ? iv.set * (1 + cal.growth) ** s : iv.set;
      if (iv.multiply !== undefined) arr[s] = arr[s]! * iv.multiply;
    }
  }
  // stock interventions per stage
  const stageArrays = p.stages.map((st) => {
    const a = {
      inflow: undefined as Float64Array | undefined,
      add: undefined as Float64Array | undefined,
      mult: undefined as Float64Array | undefined,
      upper: new Float64Array(S).fill(Infinity),
    };
    applyStockInterventions(st.id, years, active, {
      inflow: () => (a.inflow ??= new Float64Array(S)),
      add: () => (a.add ??= new Float64Array(S)),
      mult: () => (a.mult ??= new Float64Array(S).fill(1)),
      upper: a.upper,
    });
    return a;
  });

  const nRates = 2 * n; // graduation (n, last unused) + exit (n); entry uses index 2n
  const perDraw = nRates + 1 + S * (2 * n + 1);
  const z = rng.fillNormal(new Float64Array(draws * perDraw));
  const out = p.stages.map(() => new Float64Array(draws * W));
  const stock = new Float64Array(n);
  const next = new Float64Array(n);
  const gm = new Float64Array(n);
  const xm = new Float64Array(n);
  const sdr = p.rateSd;
  const noisy = (f: number, zz: number): number => {
    if (!p.noise || f <= 0) return f > 0 ? f : 0;
    const v = f + Math.sqrt(f) * zz;
    return v > 0 ? v : 0;
  };
  for (let d = 0; d < draws; d++) {
    let k = d * perDraw;
    for (let i = 0; i < n; i++) gm[i] = Math.exp(sdr * z[k++]!);
    for (let i = 0; i < n; i++) xm[i] = Math.exp(sdr * z[k++]!);
    const em = Math.exp(sdr * z[k++]!);
    for (let i = 0; i < n; i++) {
      stock[i] = p.stages[i]!.base;
      out[i]![d * W] = stock[i]!;
    }
    for (let s = 0; s < S; s++) {
      let inflow = noisy(entry[s]! * em, z[k++]!);
      for (let i = 0; i < n; i++) {
        const st = stock[i]!;
        let gOut = i < n - 1 ? noisy(Math.min(1, grad[i]![s]! * gm[i]!) * st, z[k]!) : 0;
        let xOut = noisy(Math.min(1, exit[i]![s]! * xm[i]!) * st, z[k + 1]!);
        k += 2;
        const tot = gOut + xOut;
        if (tot > st) {
          const scale = tot > 0 ? st / tot : 0;
          gOut *= scale;
          xOut *= scale;
        }
        const a = stageArrays[i]!;
        let v = st - gOut - xOut + inflow + (a.inflow ? a.inflow[s]! : 0);
        if (a.add) v += a.add[s]!;
        if (a.mult) v *= a.mult[s]!;
        if (v > a.upper[s]!) v = a.upper[s]!;
        next[i] = v > 0 ? v : 0;
        inflow = gOut;
      }
      for (let i = 0; i < n; i++) {
        stock[i] = next[i]!;
        out[i]![d * W + s + 1] = next[i]!;
      }
    }
  }
  return out;
}

function evaluateDerived(scenario: Scenario, years: number[], draws: number, paths: Map<string, Paths>): void {
  const W = years.length;
  const known = [...paths.keys(), ...scenario.derived.map((d) => d.id), 't'];
  for (const spec of scenario.derived) {
    const expr = compileSafeExpression(spec.expression, known);
    const inputs = expr.symbols.map((s) => (s === 't' ? null : paths.get(s)!.values));
    const vars = new Float64Array(inputs.length);
    const out = new Float64Array(draws * W);
    const [lo, hi] = spec.bounds ?? [-Infinity, Infinity];
    for (let d = 0; d < draws; d++) {
      for (let y = 0; y < W; y++) {
        const o = d * W + y;
        for (let k = 0; k < inputs.length; k++) vars[k] = inputs[k] ? inputs[k]![o]! : years[y]!;
        let v = expr.fast(vars);
        if (v < lo) v = lo;
        else if (v > hi) v = hi;
        out[o] = v;
      }
    }
    paths.set(spec.id, { years: years.slice(), nPaths: draws, values: out });
  }
}
