/**
 * Learns everything the projection methods calibrate, from M4 yearly TRAINING data only (never a test part),
 * and writes `calibration/intervals-<profile>.json` and `calibration/reference-classes.json` of @trajectory/datasets
 * (`packages/datasets/data/calibration/`) atomically.
 *
 * 1. Interval calibration and auto choice: each M4 training series is cut 6 years before its end (pseudo-origin);
 *    the methods see the part before it — in full and as windows of its last 3, 4, 6 and 9 values — and the
 *    standardised errors `(z(T+h) − point(h))/(s·sd(h))` of the 6 held-out training years are pooled by method and
 *    training-length group, and also by category and by cell (volatility s × forecast trend, see `calibrationCell`),
 *    into centred quantile tables. In each group `auto` uses the combination unless a single method has an OWA at
 *    least 5% lower.
 * 2. Two-point growth rate: from 2-year windows inside the training series, the shrinkage `beta` of the implied
 *    log growth g (least absolute deviations) and quantiles of `(r(h) − h·beta·g)/√h` by bins of g.
 * 3. Reference classes: per M4 category, quantiles of h-year log growth factors (h = 1…15) from up to 12
 *    origins per series.
 *
 * Usage: pnpm tsx packages/forecast/scripts/calibrate.ts [--data m4-yearly] [--profile m4] [--origins 1]
 * writes calibration/intervals-<profile>.json (and reference-classes.json for profile m4). The committed
 * profiles: `m4` (default of project(); M4 training, 1 origin) and `m3` (M3 training, 4 origins).
 */
import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createRng } from '@trajectory/core';
import { quantileSorted } from 'simple-statistics';
import { POINT_METHODS, pointForecasts } from '../src/projection/point-forecast.ts';
import { baseSd, calibrationCell, stepScale, TREND_EDGES, VOLATILITY_EDGES } from '../src/projection/scale.ts';
import { chooseScale } from '../src/projection/transform.ts';
import { loadDataset } from './lib/dataset.ts';

const H = 6;
const RC_H = 15;
const PROBS = [
  0.001, 0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75,
  0.8, 0.85, 0.9, 0.925, 0.95, 0.975, 0.99, 0.995, 0.999,
];
const GROUPS: [number, number][] = [
  [3, 4],
  [5, 7],
  [8, 11],
  [12, 17],
  [18, 29],
  [30, 100000],
];
const WINDOWS = [3, 4, 6, 9];
/** auto leaves the combination for a single method only if that method's OWA is this much lower (5%). */
const SWITCH_MARGIN = 0.05;

const { values: args } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    data: { type: 'string', default: 'm4-yearly' },
    profile: { type: 'string', default: 'm4' },
    origins: { type: 'string', default: '1' },
    uncentered: { type: 'boolean', default: false },
    'trend-cells': { type: 'boolean', default: false },
    holdout: { type: 'string', default: '0' },
  },
});
const profile = args.profile!;
if (!/^[a-z0-9-]+$/.test(profile))
  throw new RangeError(`calibrate: --profile must be a lower-case name, got ${profile}`);
const ORIGINS = Number(args.origins);
if (!Number.isInteger(ORIGINS) || ORIGINS < 1)
  throw new RangeError(`calibrate: --origins must be an integer >= 1, got ${args.origins}`);
const sharedData = fileURLToPath(new URL('../../../../shared/data/', import.meta.url));
const dataDir = existsSync(args.data!) ? resolve(args.data!) : resolve(sharedData, args.data!);
const t0 = Date.now();
// --holdout K drops the last K training values of every series first (nested validation: the tables are then
// learned without the years that `backtest --validate` scores).
const HOLDOUT = Number(args.holdout);
const data = loadDataset(dataDir, { test: false }).map((s) => ({
  ...s,
  train: HOLDOUT > 0 ? s.train.slice(0, -HOLDOUT) : s.train,
}));
const rng = createRng(20250101);
const log = (s: string): void => void process.stderr.write(`${s}\n`);

function quantiles(values: number[], center: boolean): number[] {
  const sorted = Float64Array.from(values).sort() as unknown as number[];
  const med = center ? quantileSorted(sorted, 0.5) : 0;
  return PROBS.map((p) => round(quantileSorted(sorted, p) - med));
}
const round = (x: number): number => Math.round(x * 1e5) / 1e5;
const groupOf = (n: number): number => GROUPS.findIndex(([a, b]) => n >= a && n <= b);
/** Cells and categories split the data further, so they use coarser length groups. */
const COARSE_GROUPS: [number, number][] = [
  [3, 4],
  [5, 7],
  [8, 11],
  [12, 100000],
];
const coarseGroupOf = (n: number): number => COARSE_GROUPS.findIndex(([a, b]) => n >= a && n <= b);

// ---- 1. interval calibration and auto choice ----
const errors = new Map<string, number[][]>(); // key method|group -> per h arrays
const acc = new Map<string, { smape: number; mase: number; count: number }>();
for (let si = 0; si < data.length; si++) {
  const s = data[si]!;
  for (let o = 0; o < ORIGINS; o++) {
    const cut = s.train.length - H - o;
    if (cut < 3) continue;
    const past = s.train.slice(0, cut);
    const future = s.train.slice(cut, cut + H);
    const lengths = [past.length, ...WINDOWS.filter((w) => w < past.length)];
    for (const w of lengths) {
      const x = past.slice(past.length - w);
      const scale = chooseScale(x);
      const z = x.map(scale.forward);
      const sc = stepScale(z, scale.kind);
      let mad = 0;
      for (let i = 1; i < x.length; i++) mad += Math.abs(x[i]! - x[i - 1]!) / (x.length - 1);
      const g = groupOf(w);
      const fc = pointForecasts(x, scale, H, POINT_METHODS);
      for (const m of POINT_METHODS) {
        const f = fc[m]!;
        const key = `${m}|${g}`;
        let arr = errors.get(key);
        if (!arr) errors.set(key, (arr = Array.from({ length: H }, () => [])));
        const cell = calibrationCell(sc, f[0]! - z[z.length - 1]!, scale.kind);
        const cellKey = args['trend-cells'] ? cell?.replace(/^v\d+/, '') : cell;
        const extra = [`${m}|${coarseGroupOf(w)}|${cellKey}`, `${m}|${coarseGroupOf(w)}|${s.category}`].map((k) => {
          let a = errors.get(k);
          if (!a) errors.set(k, (a = Array.from({ length: H }, () => [])));
          return a;
        });
        let sm = 0;
        let ma = 0;
        for (let h = 1; h <= H; h++) {
          const u = (scale.forward(future[h - 1]!) - f[h - 1]!) / (sc * baseSd(h, w));
          arr[h - 1]!.push(u);
          for (const a of extra) a[h - 1]!.push(u);
          const y = future[h - 1]!;
          const p = scale.inverse(f[h - 1]!);
          sm += (200 * Math.abs(y - p)) / (Math.abs(y) + Math.abs(p)) / H;
          ma += Math.abs(y - p) / H;
        }
        if (mad > 0) {
          const a = acc.get(key) ?? { smape: 0, mase: 0, count: 0 };
          a.smape += sm;
          a.mase += ma / mad;
          a.count++;
          acc.set(key, a);
        }
      }
    }
  }
  if (si % 2000 === 0) log(`intervals: ${si}/${data.length} series, ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}
type Group = { minN: number; maxN: number; count: number; q: number[][] };
const methods: Record<
  string,
  { groups: Group[]; cells: Record<string, Group[]>; categories: Record<string, Group[]> }
> = {};
const categoryNames = [...new Set(data.map((s) => s.category))];
const cellNames = args['trend-cells']
  ? TREND_EDGES.map((_, t) => `t${t}`)
  : VOLATILITY_EDGES.flatMap((_, v) => TREND_EDGES.map((_, t) => `v${v}t${t}`));
const groupsOf = (suffix: string, m: string, center = !args.uncentered, groups = GROUPS): Group[] =>
  groups.flatMap(([minN, maxN], g) => {
    const arr = errors.get(`${m}|${g}${suffix}`);
    if (!arr || arr[0]!.length < 300) return [];
    return [{ minN, maxN, count: arr[0]!.length, q: arr.map((e) => quantiles(e, center)) }];
  });
for (const m of POINT_METHODS) {
  methods[m] = {
    groups: groupsOf('', m),
    // trend cells keep their median: the conditional bias of the point forecast (fast growth reverts)
    cells: Object.fromEntries(
      // (only for the combination, auto's default: a named method keeps its own point forecast as median)
      cellNames.map((c) => [
        c,
        groupsOf(
          `|${c}`,
          m,
          !(args['trend-cells'] && (m === 'combination' || m === 'median-combination')) && !args.uncentered,
          COARSE_GROUPS,
        ),
      ]),
    ),
    categories: Object.fromEntries(
      categoryNames.map((c) => [c, groupsOf(`|${c}`, m, !args.uncentered, COARSE_GROUPS)]),
    ),
  };
}
const auto = GROUPS.flatMap(([minN, maxN], g) => {
  const naive = acc.get(`naive|${g}`);
  if (!naive) return [];
  const scores = POINT_METHODS.map((m) => {
    const a = acc.get(`${m}|${g}`)!;
    const owa = 0.5 * (a.smape / naive.smape + a.mase / naive.mase);
    return {
      method: m,
      smape: round(a.smape / a.count),
      mase: round(a.mase / a.count),
      owa: round(owa),
      count: a.count,
    };
  });
  // Combinations are the robust default; a single method replaces it only with a clear margin of evidence.
  const comb = scores.find((x) => x.method === 'combination')!; // the default
  const best = scores.reduce((a, b) => (b.owa < a.owa ? b : a));
  const method = best.owa < (1 - SWITCH_MARGIN) * comb.owa ? best.method : 'combination';
  return [{ minN, maxN, method, scores }];
});

// ---- 2. two-point growth rate ----
const pairs: { g: number; r: number[] }[] = [];
for (const s of data) {
  const z = s.train.map(Math.log);
  const n = z.length;
  for (let k = 0; k < 3 * ORIGINS; k++) {
    const t = 1 + Math.floor(rng.uniform() * (n - 1 - H)); // last of the two points; t + H <= n - 1
    if (t < 1 || t + H > n - 1) continue;
    const g = z[t]! - z[t - 1]!;
    pairs.push({ g, r: Array.from({ length: H }, (_, h) => z[t + h + 1]! - z[t]!) });
  }
}
// LAD estimate of beta on a grid, pooled over horizons (r(h) ≈ h·beta·g)
let beta = 0;
let bestLoss = Infinity;
for (let b = 0; b <= 1.0001; b += 0.01) {
  let loss = 0;
  for (const p of pairs) for (let h = 1; h <= H; h++) loss += Math.abs(p.r[h - 1]! - h * b * p.g) / Math.sqrt(h);
  if (loss < bestLoss) (bestLoss = loss), (beta = round(b));
}
const gSorted = pairs.map((p) => Math.abs(p.g)).sort((a, b) => a - b);
const edges = [0.2, 0.4, 0.6, 0.8, 0.9, 0.97].map((p) => quantileSorted(gSorted, p));
const bins = [...edges, Infinity].map((maxAbsG, i) => {
  const lo = i === 0 ? -1 : edges[i - 1]!;
  const sel = pairs.filter((p) => Math.abs(p.g) > lo && Math.abs(p.g) <= maxAbsG);
  return {
    maxAbsG: Number.isFinite(maxAbsG) ? round(maxAbsG) : 1e9,
    count: sel.length,
    q: Array.from({ length: H }, (_, h) =>
      quantiles(
        sel.map((p) => (p.r[h]! - (h + 1) * beta * p.g) / Math.sqrt(h + 1)),
        false,
      ),
    ),
  };
});

// ---- 3. reference classes ----
const byCat = new Map<string, number[][]>();
for (const s of profile === 'm4' ? data : []) {
  const z = s.train.map(Math.log);
  let arr = byCat.get(s.category);
  if (!arr) byCat.set(s.category, (arr = Array.from({ length: RC_H }, () => [])));
  for (let k = 0; k < 12; k++) {
    const t = Math.floor(rng.uniform() * (z.length - 1));
    for (let h = 1; h <= RC_H && t + h < z.length; h++) arr[h - 1]!.push(z[t + h]! - z[t]!);
  }
}
const categories: Record<string, { count: number; median: number[]; q: number[][] }> = {};
for (const [cat, arr] of byCat) {
  const median = arr.map((a) => round(quantileSorted(Float64Array.from(a).sort() as unknown as number[], 0.5)));
  categories[cat] = {
    count: arr[0]!.length,
    median,
    q: arr.map((a, h) =>
      quantiles(
        a.map((v) => (v - median[h]!) / Math.sqrt(h + 1)),
        false,
      ),
    ),
  };
}

const dataName = dataDir.split('/').filter(Boolean).slice(-1)[0];
const flags = `--data ${dataName} --profile ${profile} --origins ${ORIGINS}${args['trend-cells'] ? ' --trend-cells' : ''}${HOLDOUT ? ` --holdout ${HOLDOUT}` : ''}`;
const source = `${dataName} training parts (${data.length} series, train.csv only; no test values read), ${ORIGINS} pseudo-origin(s) per series. Generated by: pnpm tsx packages/forecast/scripts/calibrate.ts ${flags}`;
writeAtomic(`intervals-${profile}.json`, {
  source,
  description:
    'Quantiles (at probs) of standardised errors (z(T+h) - point(h)) / (s * sqrt(h + h^2/(n-1))) on the simulation scale, by method and training length n, from pseudo-origins 6 years before the end of each M4 training part (full history and windows of 3, 4, 6, 9 values). auto: per length group, the combination unless a single method has a 5% lower OWA on the same pseudo-origins. growthRate: 2-point windows.',
  profile,
  centered: !args.uncentered,
  cellKind: args['trend-cells'] ? 'trend' : 'volatility-trend',
  volatilityEdges: VOLATILITY_EDGES,
  trendEdges: TREND_EDGES,
  probs: PROBS,
  auto,
  methods,
  growthRate: { beta, count: pairs.length, bins },
});
if (profile === 'm4')
  writeAtomic('reference-classes.json', {
    source,
    description:
      'Per category: median h-year log growth factor (h = 1..15) and quantiles of (log factor - median) / sqrt(h), from up to 12 random origins per series.',
    probs: PROBS,
    categories,
  });
log(`done in ${((Date.now() - t0) / 1000).toFixed(1)} s; beta = ${beta}`);
for (const a of auto)
  log(`auto n=${a.minN}-${a.maxN}: ${a.method} ${JSON.stringify(a.scores.map((s) => [s.method, s.owa]))}`);

function writeAtomic(name: string, obj: unknown): void {
  // the committed tables live in @trajectory/datasets (found through its exports, as forecast imports them)
  const file = fileURLToPath(import.meta.resolve(`@trajectory/datasets/calibration/${name}`));
  writeFileSync(`${file}.tmp`, `${JSON.stringify(obj)}\n`);
  renameSync(`${file}.tmp`, file);
}
