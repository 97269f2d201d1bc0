import type { GrowthFamily } from '../family.ts';
import { exponential } from './exponential.ts';
import { gompertz } from './gompertz.ts';
import { linear } from './linear.ts';
import { logistic } from './logistic.ts';
import { power } from './power.ts';
import { quadratic } from './quadratic.ts';
import { richards } from './richards.ts';

/**
 * Registry of the built-in growth-curve families, keyed by name (so configs and the CLI can say `"gompertz"`).
 *
 * @example
 * Object.keys(families); // ['linear', 'exponential', 'logistic', 'gompertz', 'richards', 'power', 'quadratic']
 */
export const families: Readonly<Record<string, GrowthFamily>> = Object.freeze({
  linear,
  exponential,
  logistic,
  gompertz,
  richards,
  power,
  quadratic,
});

export { exponential, gompertz, linear, logistic, power, quadratic, richards };
