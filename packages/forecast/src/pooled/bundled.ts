/**
 * The bundled evidence: type priors estimated from the reference panels by `scripts/build-priors.ts`
 * (`calibration/type-priors.json`, era 2010–2020). Parent-region series are not bundled (the cli passes them).
 */
import table from '@trajectory/datasets/calibration/type-priors.json' with { type: 'json' };
import type { Evidence } from './evidence.ts';
import type { TypePrior } from './priors.ts';

/** The table's shape: where the priors came from, and the priors by type. */
export interface PriorTable {
  source: string;
  fromYear: number;
  toYear: number;
  priors: Record<string, TypePrior>;
}

/**
 * The bundled priors as evidence, or `null` when the table holds none (pooling then stays off by default).
 * @example bundledEvidence()?.priors['pooled:log']?.drift;
 */
export function bundledEvidence(): Evidence | null {
  const t = table as unknown as PriorTable;
  return Object.keys(t.priors).length > 0 ? { priors: t.priors } : null;
}
