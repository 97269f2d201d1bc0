/**
 * The names `project` accepts, so that callers (assessments, scenario files, the command line) can reject an unknown
 * method or calibration profile before any work, listing the valid choices.
 */
import { families } from '@trajectory/fit';
import { CALIBRATION_PROFILES } from './calibration.ts';
import { POINT_METHODS } from './point-forecast.ts';

export { CALIBRATION_PROFILES };

/**
 * Every method `project` accepts: `auto`, the named methods, then the growth-curve families of `@trajectory/fit`.
 * @example projectionMethods().includes('theta') // true
 */
export function projectionMethods(): string[] {
  return ['auto', ...POINT_METHODS, 'growth-rate', 'reference-class', ...Object.keys(families)];
}

/**
 * Throws when `method` or `calibration` is not one `project` accepts; the message lists the valid choices.
 * @throws RangeError `unknown projection method "x"; choose one of: auto, naive, …`
 * @example checkProjectionChoices({ method: 'theta', calibration: 'm3' }); // passes
 */
export function checkProjectionChoices(choices: { method?: string; calibration?: string }): void {
  const { method, calibration } = choices;
  if (method !== undefined && !projectionMethods().includes(method))
    throw new RangeError(`unknown projection method "${method}"; choose one of: ${projectionMethods().join(', ')}`);
  if (calibration !== undefined && !CALIBRATION_PROFILES.includes(calibration))
    throw new RangeError(
      `unknown calibration profile "${calibration}"; choose one of: ${CALIBRATION_PROFILES.join(', ')}`,
    );
}
