import { dampedForecast } from './methods/damped.ts';
import { driftForecast } from './methods/drift.ts';
import { naiveForecast } from './methods/naive.ts';
import { thetaForecast } from './methods/theta.ts';
import type { Scale } from './transform.ts';

/** Extrapolative methods with a point forecast on a regular yearly grid. */
export type PointMethod = 'naive' | 'drift' | 'theta' | 'damped' | 'combination' | 'median-combination';

/** Point methods by name. */
export const POINT_METHODS: readonly PointMethod[] = [
  'naive',
  'drift',
  'theta',
  'damped',
  'combination',
  'median-combination',
];

const BASE = { naive: naiveForecast, drift: driftForecast, theta: thetaForecast, damped: dampedForecast };

/**
 * Point forecast of a regular yearly series, returned on the simulation scale.
 *
 * For positive series simulated on the log scale the single methods run on the original values (as
 * `forecast::rwf/thetaf/ets` do), and `combination` is the equal-weight mean of six forecasts: drift, Theta and
 * damped trend fitted to the values and to their logarithms (back-transformed); `median-combination` is their
 * median (robust to one explosive member on short volatile windows). On logit or identity scales
 * the methods run on the simulation scale and `combination` averages the three. Level forecasts that fall
 * to ≤ 0 on a log scale are floored at 0.1% of the last value (never reached by the combination on M3/M4).
 *
 * @param values regular yearly values on the original scale
 * @example pointForecast('drift', [1, 2, 3], chooseScale([1, 2, 3]), 2) // [log 4, log 5]
 */
export function pointForecast(method: PointMethod, values: number[], scale: Scale, horizon: number): number[] {
  return pointForecasts(values, scale, horizon, [method])[method]!;
}

/**
 * Point forecasts of several methods at once, sharing the fits (the combination reuses its members).
 * Same conventions as {@link pointForecast}.
 * @example pointForecasts([1, 2, 3, 5], chooseScale([1, 2, 3, 5]), 3, ['drift', 'combination'])
 */
export function pointForecasts(
  values: number[],
  scale: Scale,
  horizon: number,
  methods: readonly PointMethod[] = POINT_METHODS,
): Partial<Record<PointMethod, number[]>> {
  const z = values.map(scale.forward);
  const out: Partial<Record<PointMethod, number[]>> = {};
  const want = new Set(methods);
  const comb = want.has('combination');
  const onLog = scale.kind === 'log';
  const floor = values[values.length - 1]! * 1e-3;
  const toSim = (f: number[]): number[] => (onLog ? f.map((v) => Math.log(Math.max(v, floor))) : f);
  const level: Partial<Record<PointMethod, number[]>> = {};
  for (const m of ['naive', 'drift', 'theta', 'damped'] as const) {
    if (want.has(m) || (comb && m !== 'naive')) level[m] = BASE[m](onLog ? values : z, horizon);
    if (want.has(m)) out[m] = toSim(level[m]!);
  }
  if (comb || want.has('median-combination')) {
    for (const m of ['drift', 'theta', 'damped'] as const) level[m] ??= BASE[m](onLog ? values : z, horizon);
    const parts = [level.drift!, level.theta!, level.damped!];
    if (onLog) for (const m of ['drift', 'theta', 'damped'] as const) parts.push(BASE[m](z, horizon).map(Math.exp));
    if (comb) out.combination = toSim(parts[0]!.map((_, i) => parts.reduce((s, p) => s + p[i]!, 0) / parts.length));
    if (want.has('median-combination'))
      out['median-combination'] = toSim(
        parts[0]!.map((_, i) => {
          const v = parts.map((p) => p[i]!).sort((a, b) => a - b);
          const k = v.length >> 1;
          return v.length % 2 ? v[k]! : (v[k - 1]! + v[k]!) / 2;
        }),
      );
  }
  return out;
}
