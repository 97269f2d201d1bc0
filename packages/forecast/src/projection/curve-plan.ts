import { families, fitCurve, predictCurve } from '@trajectory/fit';
import type { Scale } from './transform.ts';

/** Point forecast of a fitted growth curve on the simulation scale, with what the fit reported. */
export interface CurvePoint {
  point: number[];
  note: string;
  warnings: string[];
}

/** Whether `name` is a growth-curve family of `@trajectory/fit`. */
export function isCurveFamily(name: string): boolean {
  return Object.hasOwn(families, name);
}

/**
 * Fits the `@trajectory/fit` family `model` to the observations (calendar years as t) and returns its
 * extrapolation for `lastYear + 1 … lastYear + horizon` on the simulation scale. For bounded indicators the
 * capacity of the saturating families (logistic, gompertz, richards: parameter `K`) is fixed at the upper bound.
 * @example curvePoint('logistic', [2015, 2016, 2017, 2018], [10, 20, 35, 50], scale, 3, [0, 100])
 */
export function curvePoint(
  model: string,
  years: number[],
  values: number[],
  scale: Scale,
  horizon: number,
  bounds?: [number, number],
): CurvePoint {
  const family = families[model]!;
  const fixed = bounds && family.params.includes('K') ? { K: bounds[1] } : undefined;
  const fit = fitCurve({ t: years, y: values }, model, fixed ? { fixed } : {});
  const warnings: string[] = [];
  if (fit.status !== 'converged') warnings.push(`${model} fit did not converge (${fit.status}: ${fit.message})`);
  if (fit.atBound.length) warnings.push(`${model} parameters at their bounds: ${fit.atBound.join(', ')}`);
  const last = years[years.length - 1]!;
  const floor = values[values.length - 1]! * 1e-3;
  const point = Array.from({ length: horizon }, (_, i) => {
    const v = predictCurve(fit, last + i + 1);
    return scale.forward(scale.kind === 'log' ? Math.max(v, floor) : v);
  });
  if (point.some((v) => !Number.isFinite(v)))
    throw new RangeError(`project(series): the ${model} curve gives non-finite projections`);
  const params = Object.entries(fit.params)
    .map(([k, v]) => `${k}=${Number(v.toPrecision(4))}`)
    .join(', ');
  return {
    point,
    note: `${model} growth curve fitted by @trajectory/fit (${params}${fixed ? '; capacity fixed at the upper bound' : ''})`,
    warnings,
  };
}
