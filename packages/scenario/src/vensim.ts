/**
 * Vensim's test-input functions, evaluated at a whole year `t` with TIME STEP = 1 (one value per simulated year).
 * Vensim compares against `time plus = Time + TIME STEP / 2` to avoid rounding trouble; with integer years and
 * DT = 1 that is the same as the inclusive/exclusive comparisons below.
 *
 * @see https://vensim.com/documentation/fn_step.html
 * @see https://vensim.com/documentation/fn_ramp.html
 * @see https://vensim.com/documentation/fn_pulse.html
 */

/** Half a time step (DT = 1 year), as in Vensim's `time plus`. */
const HALF_DT = 0.5;

/**
 * Vensim `STEP(height, stime)`: 0 until `stime`, then `height` ("IF THEN ELSE(Time plus > step time, height, 0)").
 * @example step(10, 2022, 2021) // 0
 * @example step(10, 2022, 2022) // 10
 */
export function step(height: number, stime: number, t: number): number {
  return t + HALF_DT > stime ? height : 0;
}

/**
 * Vensim `RAMP(slope, start, end)`: 0 until `start`, `slope * (t - start)` until `end`, then
 * `slope * (end - start)` ("IF THEN ELSE(Time > start, IF THEN ELSE(Time < end, slope*(Time-start),
 * slope*(end-start)), 0)").
 * @example ramp(1, 10, 25, 12) // 2
 * @example ramp(1, 10, 25, 30) // 15
 */
export function ramp(slope: number, start: number, end: number, t: number): number {
  if (!(t > start)) return 0;
  return t < end ? slope * (t - start) : slope * (end - start);
}

/**
 * Vensim `PULSE(start, width)`: 1 for `start <= t < start + width`, else 0; a width of 0 means one TIME STEP
 * ("IF THEN ELSE(time plus > start :AND: time plus < start + width, 1, 0)").
 * @example pulse(2022, 2, 2023) // 1
 * @example pulse(2022, 2, 2024) // 0
 */
export function pulse(start: number, width: number, t: number): number {
  const w = width === 0 ? 1 : width;
  const tp = t + HALF_DT;
  return tp > start && tp < start + w ? 1 : 0;
}
