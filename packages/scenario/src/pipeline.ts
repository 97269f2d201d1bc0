/**
 * Stock-flow pipelines ("梯度培育": 科技型中小企业 -> 雏鹰 -> 瞪羚 -> 领军): each stage is a stock of firms with
 * an exit rate and a graduation rate into the next stage; new firms enter the first stage.
 *
 * One year (DT = 1, Euler integration as in Vensim, flows evaluated on the stocks at the start of the year):
 *   S_i(t+1) = S_i(t) - g_i S_i(t) - x_i S_i(t) + g_{i-1} S_{i-1}(t)   (+ entry E(t) for i = 0)
 */
import type { PipelineSpec } from './types.ts';

/** Rates that make the pipeline reproduce its reported stocks. */
export interface PipelineCalibration {
  /** graduation rate of stage i into stage i+1 (length stages - 1) */
  graduation: number[];
  exit: number[];
  /** firms per year entering the first stage in the base year; grows with `growth` */
  entry: number;
  growth: number;
  /** the stocks after one year of the calibrated deterministic pipeline divided by (1 + growth) x base: all 1 */
  balance: number[];
  assumptions: string[];
}

/**
 * Calibrates graduation rates and entry so that the reported base-year stocks are on a balanced-growth path:
 * every stage grows at `growth` per year (0 = steady state). Working down from the top stage, which has no
 * graduation, inflow must equal outflow plus growth:
 *   g_{i-1} S_{i-1} = (g_i + x_i + r) S_i,   E = (g_0 + x_0 + r) S_0.
 * Exit rates are inputs (the documents are silent on them); rates given explicitly are kept.
 * Throws when a stage would need g + x > 1 (more firms leaving than it holds).
 * @example
 * calibratePipeline({ stages: [{id: 'a', name: 'a', base: 100}, {id: 'b', name: 'b', base: 10}],
 *   exit: [0.1, 0.05], graduation: 'calibrate', entry: 'calibrate', growth: 0, ... }).graduation // [0.005]
 */
export function calibratePipeline(spec: PipelineSpec): PipelineCalibration {
  const n = spec.stages.length;
  const S = spec.stages.map((s) => s.base);
  const x = spec.exit;
  const r = spec.growth;
  const assumptions = [...spec.assumptions];
  let g: number[];
  if (spec.graduation === 'calibrate') {
    g = new Array<number>(Math.max(0, n - 1)).fill(0);
    for (let i = n - 1; i >= 1; i--) {
      const above = i < n - 1 ? g[i]! : 0;
      if (!(S[i - 1]! > 0))
        throw new Error(`cannot calibrate graduation out of '${spec.stages[i - 1]!.id}': its base stock is 0`);
      g[i - 1] = ((above + x[i]! + r) * S[i]!) / S[i - 1]!;
    }
    assumptions.push(
      `graduation rates calibrated so that every stage grows at ${fmtPct(r)} a year from the reported ${spec.stages.map((s) => `${s.id}=${s.base}`).join(', ')} (balanced growth${r === 0 ? ', i.e. steady state' : ''})`,
    );
  } else {
    g = spec.graduation.slice();
  }
  for (let i = 0; i < n; i++) {
    const out = (i < n - 1 ? g[i]! : 0) + x[i]!;
    if (out > 1) {
      throw new Error(
        `stage '${spec.stages[i]!.id}' would lose ${fmtPct(out)} of its firms a year (graduation ${fmtPct(out - x[i]!)} + exit ${fmtPct(x[i]!)} > 100%)`,
      );
    }
    if (out + r < 0) throw new Error(`stage '${spec.stages[i]!.id}': growth ${fmtPct(r)} below minus its outflow rate`);
  }
  const entry = spec.entry === 'calibrate' ? ((n > 1 ? g[0]! : 0) + x[0]! + r) * S[0]! : spec.entry;
  if (spec.entry === 'calibrate')
    assumptions.push(
      `entry into '${spec.stages[0]!.id}' calibrated to ${entry.toFixed(2)} firms in the base year, growing ${fmtPct(r)} a year`,
    );
  assumptions.push(
    `exit rates (documents silent): ${spec.stages.map((s, i) => `${s.id} ${fmtPct(x[i]!)}`).join(', ')}`,
  );

  // check: one deterministic year from the base stocks must give (1 + r) x base for every stage
  const next = stepDeterministic(S, g, x, entry);
  const balance = next.map((v, i) => (S[i]! > 0 ? v / ((1 + r) * S[i]!) : v === 0 ? 1 : Infinity));
  return { graduation: g, exit: x.slice(), entry, growth: r, balance, assumptions };
}

/**
 * One deterministic pipeline year (no noise, no interventions).
 * @example stepDeterministic([100, 10], [0.005], [0.1, 0.05], 10.5) // [100, 10]
 */
export function stepDeterministic(
  S: readonly number[],
  g: readonly number[],
  x: readonly number[],
  entry: number,
): number[] {
  const n = S.length;
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const grad = i < n - 1 ? g[i]! * S[i]! : 0;
    const inflow = i === 0 ? entry : g[i - 1]! * S[i - 1]!;
    out[i] = S[i]! - grad - x[i]! * S[i]! + inflow;
  }
  return out;
}

function fmtPct(v: number): string {
  return `${(v * 100).toFixed(1)}%`;
}
