/**
 * The Monte Carlo engine: draws paths for every indicator of a scenario, with a chosen set of interventions
 * and optionally one lever set to a value (for goal seeking). Every indicator and pipeline has its own random
 * stream, forked from the seed by a hash of its id, so the same draws are used whichever interventions or lever
 * values are active (common random numbers): differences between runs are the effect, not noise.
 *
 * Timing conventions (DT = 1 year):
 * - growth rates and rate interventions are those of the year they end in: `from: 2021` changes v[2021]/v[2020];
 * - STEP/RAMP/PULSE inflows follow Vensim's Euler integration: the flow evaluated at year t moves the stock of t+1;
 * - `add` (one-off addition), `multiply` and `cap` act on the stock of their year.
 */
import { createRng } from '@trajectory/core';
import { compileSafeExpression } from './expression.ts';
import { hashId } from './hash-id.ts';
import { simulateGrowthPaths, type GrowthPlan } from './growth-kernel.ts';
import { calibratePipeline } from './pipeline.ts';
import type { IndicatorSpec, Intervention, Lever, PipelineSpec, Scenario } from './types.ts';
import { pulse, ramp, step } from './vensim.ts';
import { createZiggurat } from './ziggurat.ts';

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
  /** baseline paths for `project` indicators (draws x (S + 1), column 0 = base), from `projectPaths()` */
  projected?: ReadonlyMap<string, Float64Array>;
}

/** Simulated paths: for each id, a row-major draws x years Float64Array. */
export interface Simulation {
  years: number[];
  draws: number;
  values: Map<string, Float64Array>;
}

/**
 * Runs the scenario's model once.
 * @example
 * const sim = simulate(scenario, { interventions: scenario.interventions });
 * sim.values.get('gazelle'); // draws x years
 */
export function simulate(scenario: Scenario, options: SimulationOptions = {}): Simulation {
  const draws = options.draws ?? scenario.draws;
  const seed = options.seed ?? scenario.seed;
  const active = options.interventions ?? [];
  const years: number[] = [];
  for (let y = scenario.baseYear; y <= scenario.horizon; y++) years.push(y);
  const S = years.length - 1;
  const root = createRng(seed);
  const values = new Map<string, Float64Array>();
  const scratch = new Float64Array(draws * S);

  for (const ind of scenario.indicators) {
    const out = new Float64Array(draws * (S + 1));
    const normals = createZiggurat(root.fork(hashId(ind.id)));
    const plan = growthPlan(ind, years, active, options.lever);
    if (ind.model.kind === 'project') {
      const paths = options.projected?.get(ind.id);
      if (!paths || paths.length !== draws * (S + 1))
        throw new Error(`indicator '${ind.id}': projected paths missing (call projectPaths first)`);
      simulateProjected(plan, paths, draws, normals, out);
    } else {
      simulateGrowthPaths(plan, draws, normals, out, scratch);
    }
    values.set(ind.id, out);
  }
  for (const p of scenario.pipelines) {
    const stocks = simulatePipeline(p, years, draws, createZiggurat(root.fork(hashId(p.id))), active, options.lever);
    p.stages.forEach((s, i) => values.set(s.id, stocks[i]!));
  }
  if (scenario.derived.length > 0) evaluateDerived(scenario, years, draws, values);
  return { years, draws, values };
}

function growthPlan(
  ind: IndicatorSpec,
  years: number[],
  active: readonly Intervention[],
  lever?: SimulationOptions['lever'],
): GrowthPlan & { override?: Float64Array } {
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

/** Project-model indicators: the baseline path's yearly growth factors, with the same interventions on top. */
function simulateProjected(
  plan: GrowthPlan & { override?: Float64Array },
  paths: Float64Array,
  draws: number,
  normals: ReturnType<typeof createZiggurat>,
  out: Float64Array,
): void {
  const S = plan.mean.length;
  const W = S + 1;
  // unused normals keep the stream aligned with growth indicators; project paths carry their own randomness
  void normals;
  for (let d = 0; d < draws; d++) {
    let v = plan.base;
    out[d * W] = v;
    for (let s = 0; s < S; s++) {
      const prev = paths[d * W + s]!;
      const o = plan.override ? plan.override[s]! : NaN;
      // the projected growth factor, or a rate set by an intervention; `mean` holds shifts
      const f = o === o ? 1 + o : prev > 0 ? paths[d * W + s + 1]! / prev : 1;
      v = v * (f + plan.mean[s]!);
      if (plan.inflow) v += plan.inflow[s]!;
      if (plan.add) v += plan.add[s]!;
      if (plan.mult) v *= plan.mult[s]!;
      if (v < plan.lower) v = plan.lower;
      else if (v > plan.upper[s]!) v = plan.upper[s]!;
      out[d * W + s + 1] = v;
    }
  }
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
  normals: ReturnType<typeof createZiggurat>,
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
  const z = normals.fill(new Float64Array(draws * perDraw));
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

function evaluateDerived(scenario: Scenario, years: number[], draws: number, values: Map<string, Float64Array>): void {
  const W = years.length;
  const known = [...values.keys(), ...scenario.derived.map((d) => d.id), 't'];
  for (const spec of scenario.derived) {
    const expr = compileSafeExpression(spec.expression, known);
    const inputs = expr.symbols.map((s) => (s === 't' ? null : values.get(s)!));
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
    values.set(spec.id, out);
  }
}
