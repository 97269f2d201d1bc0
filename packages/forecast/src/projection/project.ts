import {
  autoChoice,
  intervalCalibration,
  methodTable,
  referenceClasses,
  type IntervalCalibration,
} from './calibration.ts';
import { POINT_METHODS, pointForecast, type PointMethod } from './point-forecast.ts';
import { createRng } from '@trajectory/core';
import { DEFAULTS } from '../engine/defaults.ts';
import type { QuantileTable } from '../engine/quantile-table.ts';
import { simulatePaths } from '../engine/simulate.ts';
import { summarise } from '../engine/summary.ts';
import { checkProjectionChoices } from './choices.ts';
import { curvePoint, isCurveFamily } from './curve-plan.ts';
import { calibrationCell, stepScale } from './scale.ts';
import { chooseScale, type Scale } from './transform.ts';
import type { ProjectOptions, Projection, YearlySeries } from './types.ts';
import { validateSeries } from './validate.ts';

/** Inflation of Gaussian errors used only when no learned calibration table is available. */
const FALLBACK_INFLATION = 1.6;
const CATEGORIES = ['Macro', 'Micro', 'Industry', 'Finance', 'Demographic', 'Other'];

interface Plan {
  method: string;
  note: string;
  point: number[];
  scale: number;
  n: number;
  table: QuantileTable | undefined;
  /** the scale to simulate on (reference classes use log even for bounded indicators, then clamp) */
  simScale: Scale;
}

/**
 * Projects a yearly series with calibrated uncertainty: median, mean, 50/80/95% intervals (as arrays and as long
 * `bands` rows) and the simulated paths (for attainment probabilities), all from the one simulation engine
 * ({@link simulatePaths}, a `calibrated-walk` model).
 *
 * `auto` (default) chooses by the number of observations n: n = 1 → `reference-class` (distribution of h-year
 * growth factors of M4 training series of the same category), n = 2 → `growth-rate` (the implied annual growth,
 * shrunk and with spread learned from 2-point windows of M4 training data), n ≥ 3 → `combination` (mean of
 * drift, Theta and damped trend on values and logs) unless a single method beat it by over 5% OWA for that
 * length on pseudo-origins of the calibration profile's training data.
 * Intervals come from quantiles of standardised forecast errors learned on training data (see README).
 * Paths are simulated on the log scale for positive series, on the logit scale when `bounds` are given.
 *
 * @throws RangeError for empty series, NaN values, non-increasing years, values outside bounds, a horizon < 1,
 *   an unknown method or calibration profile,
 *   or a method that needs positive values (growth-rate, reference-class) given non-positive ones.
 * @example
 * const p = project({ years: [2018, 2019, 2020], values: [100, 110, 120] }, { horizon: 5 });
 * p.median; p.intervals.find((i) => i.level === 80);
 */
export function project(series: YearlySeries, options: ProjectOptions = {}): Projection {
  checkProjectionChoices(options);
  validateSeries(series, options.bounds);
  const { years, values } = series;
  const lastYear = years[years.length - 1]!;
  const horizon = options.toYear !== undefined ? options.toYear - lastYear : (options.horizon ?? 6);
  if (!Number.isInteger(horizon) || horizon < 1)
    throw new RangeError(
      options.toYear !== undefined
        ? `project(series): toYear ${options.toYear} must be an integer year after the last observation ${lastYear}`
        : `project(series): horizon must be an integer >= 1, got ${horizon}`,
    );
  const nPaths = options.nPaths ?? DEFAULTS.paths;
  if (!Number.isInteger(nPaths) || nPaths < 1)
    throw new RangeError(`project(series): nPaths must be an integer >= 1, got ${nPaths}`);
  const seed = options.seed ?? DEFAULTS.seed;
  if (!Number.isFinite(seed)) throw new RangeError(`project(series): seed must be a finite number, got ${seed}`);
  const warnings: string[] = [];
  const scale = chooseScale(values, options.bounds);
  const regular = fillGaps(years, values, scale, warnings);
  const n = regular.length;

  let method = options.method ?? 'auto';
  const profile = options.calibration ?? 'm4';
  const cal = intervalCalibration(profile);
  if (!cal)
    throw new RangeError(
      `project(series): calibration profile "${profile}" not found (calibration/intervals-${profile}.json)`,
    );
  const calName = profile.toUpperCase();
  let autoNote = '';
  if (method === 'auto') {
    method = n === 1 ? 'reference-class' : n === 2 ? 'growth-rate' : 'combination';
    const choice = n >= 3 ? autoChoice(cal, n) : undefined;
    if (choice) {
      method = choice.method;
      autoNote =
        choice.method === 'combination'
          ? `auto: combination (no single method beat it by 5% OWA for ${choice.minN}–${choice.maxN} observations on ${calName} training pseudo-origins); `
          : `auto: ${choice.method} beat the combination by over 5% OWA for ${choice.minN}–${choice.maxN} observations on ${calName} training pseudo-origins; `;
    }
  }
  if (
    (method === 'theta' || method === 'damped' || method === 'combination' || method === 'median-combination') &&
    n < 3
  ) {
    warnings.push(`${method} needs at least 3 years; used ${n === 1 ? 'reference-class' : 'growth-rate'} instead`);
    method = n === 1 ? 'reference-class' : 'growth-rate';
  }
  if ((method === 'drift' || method === 'growth-rate') && n < 2) {
    warnings.push(`${method} needs at least 2 years; used reference-class instead`);
    method = 'reference-class';
  }

  const plan =
    method === 'reference-class'
      ? referencePlan(values, scale, options, horizon, warnings)
      : method === 'growth-rate'
        ? growthPlan(years, values, scale, horizon, warnings, cal, calName)
        : (POINT_METHODS as readonly string[]).includes(method)
          ? pointPlan(method as PointMethod, regular, scale, horizon, warnings, cal, calName, options.category)
          : isCurveFamily(method)
            ? curvePlan(method, years, values, regular, scale, horizon, warnings, cal, calName, options)
            : undefined;
  if (!plan) throw new RangeError(`project(series): unknown method "${method}"`);
  if (plan.table === undefined)
    warnings.push(`no learned calibration for ${plan.method}: Gaussian errors inflated ×${FALLBACK_INFLATION}`);

  const paths = simulatePaths(
    {
      kind: 'calibrated-walk',
      point: plan.point,
      scale: plan.scale,
      n: plan.n,
      ...(plan.table ? { table: plan.table } : {}),
      gaussianInflation: FALLBACK_INFLATION,
    },
    {
      years: Array.from({ length: horizon }, (_, i) => lastYear + i + 1),
      nPaths,
      rng: options.rng ?? createRng(seed),
    },
  );
  // back to the data scale, and into the bounds
  const v = paths.values;
  if (plan.simScale.kind !== 'identity') for (let i = 0; i < v.length; i++) v[i] = plan.simScale.inverse(v[i]!);
  if (options.bounds) {
    const [lo, hi] = options.bounds;
    for (let i = 0; i < v.length; i++) v[i] = Math.min(hi, Math.max(lo, v[i]!));
  }
  return {
    method: plan.method,
    methodNote: autoNote + plan.note,
    lastYear,
    ...summarise(paths),
    paths,
    nPaths,
    warnings,
  };
}

/** Linear interpolation of missing years on the simulation scale, so the extrapolative methods see a regular grid. */
function fillGaps(years: number[], values: number[], scale: Scale, warnings: string[]): number[] {
  const out: number[] = [values[0]!];
  let filled = 0;
  for (let i = 1; i < years.length; i++) {
    const gap = years[i]! - years[i - 1]!;
    const a = scale.forward(values[i - 1]!);
    const b = scale.forward(values[i]!);
    for (let k = 1; k < gap; k++, filled++) out.push(scale.inverse(a + ((b - a) * k) / gap));
    out.push(values[i]!);
  }
  if (filled > 0) warnings.push(`${filled} missing year(s) filled by interpolation on the ${scale.kind} scale`);
  return out;
}

function pointPlan(
  method: PointMethod,
  regular: number[],
  scale: Scale,
  horizon: number,
  warnings: string[],
  cal: IntervalCalibration | undefined,
  calName: string,
  category: string | undefined,
): Plan {
  const n = regular.length;
  const s = stepScale(regular.map(scale.forward), scale.kind);
  const point = pointForecast(method, regular, scale, horizon);
  if (n < 10) warnings.push(`only ${n} years of history: trend and interval widths are uncertain`);
  const names: Record<PointMethod, string> = {
    naive: 'naive (last value carried forward)',
    drift: 'random walk with drift',
    theta: 'Theta method (SES + half the linear trend)',
    damped: 'damped-trend exponential smoothing',
    combination: 'mean of drift, Theta and damped trend fitted to values and to logs',
    'median-combination': 'median of drift, Theta and damped trend fitted to values and to logs',
  };
  return {
    method,
    note: `${names[method]}; intervals simulated on the ${scale.kind} scale and calibrated on pseudo-origins of ${calName} training data`,
    point,
    scale: s,
    n,
    table: methodTable(
      cal,
      method,
      n,
      calibrationCell(s, point[0]! - scale.forward(regular[n - 1]!), scale.kind),
      category,
    ),
    simScale: scale,
  };
}

function growthPlan(
  years: number[],
  values: number[],
  scale: Scale,
  horizon: number,
  warnings: string[],
  calibration: IntervalCalibration | undefined,
  calName: string,
): Plan {
  if (scale.kind === 'identity') {
    const i = values.findIndex((v) => !(v > 0));
    throw new RangeError(
      `project(series): growth-rate requires positive values (a log model); values[${i}] (year ${years[i]}) = ${values[i]}`,
    );
  }
  const k = years.length - 1;
  const span = years[k]! - years[0]!;
  const zLast = scale.forward(values[k]!);
  const g = (zLast - scale.forward(values[0]!)) / span;
  const cal = calibration?.growthRate;
  const beta = cal?.beta ?? 0.5;
  let table: QuantileTable | undefined;
  if (cal) {
    const bin = cal.bins.find((b) => Math.abs(g) <= b.maxAbsG) ?? cal.bins[cal.bins.length - 1]!;
    table = { probs: calibration!.probs, q: bin.q };
  }
  if (years.length > 2) warnings.push(`growth-rate uses only the first and last of ${years.length} observations`);
  return {
    method: 'growth-rate',
    note:
      `implied annual growth ${(100 * (Math.exp(g) - 1)).toFixed(1)}% from ${years[0]}–${years[k]}` +
      `, shrunk by ${beta.toFixed(2)} and with spread learned from 2-point windows of ${calName} training series`,
    point: Array.from({ length: horizon }, (_, i) => zLast + (i + 1) * beta * g),
    scale: 1,
    n: Infinity,
    table,
    simScale: scale,
  };
}

function referencePlan(
  values: number[],
  scale: Scale,
  options: ProjectOptions,
  horizon: number,
  warnings: string[],
): Plan {
  const last = values[values.length - 1]!;
  if (!(last > 0))
    throw new RangeError(`project(series): reference-class forecasting needs a positive last value, got ${last}`);
  const rc = referenceClasses();
  const requested = options.category ?? 'Other';
  const category = CATEGORIES.find((c) => c.toLowerCase() === requested.toLowerCase());
  if (!category) warnings.push(`unknown category "${requested}"; used Other`);
  const cls = rc?.categories[category ?? 'Other'];
  if (scale.kind === 'logit') warnings.push('reference class applied to a bounded indicator: paths clamped to bounds');
  const medians = cls?.median ?? [0];
  const point = Array.from({ length: horizon }, (_, i) => Math.log(last) + medians[Math.min(i, medians.length - 1)]!);
  if (cls && horizon > medians.length)
    warnings.push(`reference class tabulated to ${medians.length} years; later years extend its last growth factor`);
  for (let i = medians.length; i < horizon; i++)
    point[i] = point[i - 1]! + (medians[medians.length - 1]! - (medians[medians.length - 2] ?? 0));
  return {
    method: 'reference-class',
    note: `one observation: distribution of h-year growth factors of M4 yearly training series in category ${category ?? 'Other'}`,
    point,
    scale: cls ? 1 : 0.1,
    n: Infinity,
    table: cls && rc ? { probs: rc.probs, q: cls.q } : undefined,
    simScale: { kind: 'log', forward: Math.log, inverse: Math.exp },
  };
}

function curvePlan(
  model: string,
  years: number[],
  values: number[],
  regular: number[],
  scale: Scale,
  horizon: number,
  warnings: string[],
  cal: IntervalCalibration | undefined,
  calName: string,
  options: ProjectOptions,
): Plan {
  const fitted = curvePoint(model, years, values, scale, horizon, options.bounds);
  warnings.push(...fitted.warnings);
  const n = regular.length;
  const s = n >= 2 ? stepScale(regular.map(scale.forward), scale.kind) : 0.1;
  const cell = calibrationCell(s, fitted.point[0]! - scale.forward(regular[n - 1]!), scale.kind);
  return {
    method: model,
    note: `${fitted.note}; intervals use the combination's error quantiles calibrated on ${calName} training data (curve-specific calibration not learned)`,
    point: fitted.point,
    scale: s,
    n,
    table: methodTable(cal, 'combination', n, cell, options.category),
    simScale: scale,
  };
}
