import intervalsM3 from '@trajectory/datasets/calibration/intervals-m3.json' with { type: 'json' };
import intervalsM4Centred from '@trajectory/datasets/calibration/intervals-m4-centred.json' with { type: 'json' };
import intervalsM4 from '@trajectory/datasets/calibration/intervals-m4.json' with { type: 'json' };
import referenceClassesTable from '@trajectory/datasets/calibration/reference-classes.json' with { type: 'json' };
import type { QuantileTable } from '../engine/quantile-table.ts';

/** Standardised-error quantiles of one method, by training-length group `[minN, maxN]`. */
export interface MethodCalibration {
  groups: CalibrationGroup[];
  /** the same per calibration cell (see `calibrationCell`), where at least 300 pseudo-origins exist */
  cells?: Record<string, CalibrationGroup[]>;
  /** the same per category of the training corpus (Macro, Micro, …), where at least 300 pseudo-origins exist */
  categories?: Record<string, CalibrationGroup[]>;
}

/** Standardised-error quantiles `q[h−1][k]` for training lengths `minN…maxN`, from `count` pseudo-origins. */
export interface CalibrationGroup {
  minN: number;
  maxN: number;
  count: number;
  q: number[][];
}

/** Calibration of the 2-point growth-rate method: shrinkage of the implied growth and error quantiles by |g|. */
export interface GrowthRateCalibration {
  /** Point forecast `log ŷ(T+h) = log y(T) + h·beta·g`, g = implied annual log growth. */
  beta: number;
  bins: { maxAbsG: number; count: number; q: number[][] }[];
}

/** Learned interval calibration (`calibration/intervals-<profile>.json` of `@trajectory/datasets`). */
export interface IntervalCalibration {
  source: string;
  probs: number[];
  /** cells keyed by volatility × trend (`'v1t3'`, centred) or by trend only (`'t3'`, keeping the median shift) */
  cellKind?: 'volatility-trend' | 'trend';
  /** `auto`'s choice per training-length group, with the pseudo-origin scores it was chosen on. */
  auto: { minN: number; maxN: number; method: string; scores: { method: string; owa: number }[] }[];
  methods: Record<string, MethodCalibration>;
  growthRate: GrowthRateCalibration;
}

/** Reference classes for 1-point series (`calibration/reference-classes.json` of `@trajectory/datasets`). */
export interface ReferenceClasses {
  source: string;
  probs: number[];
  /** per category: median log growth factor by horizon h = 1…H and centred quantiles of it / √h */
  categories: Record<string, { count: number; median: number[]; q: number[][] }>;
}

/**
 * The committed calibration tables (`@trajectory/datasets/calibration/*.json`), imported as JSON modules so that
 * no file is read at run time (the package works in a browser bundle).
 */
const profiles: Readonly<Record<string, IntervalCalibration>> = {
  m4: intervalsM4 as unknown as IntervalCalibration,
  m3: intervalsM3 as unknown as IntervalCalibration,
  'm4-centred': intervalsM4Centred as unknown as IntervalCalibration,
};

/** The calibration profiles `project` accepts (`calibration` option), in the order above. */
export const CALIBRATION_PROFILES: readonly string[] = Object.freeze(Object.keys(profiles));

/**
 * A learned interval calibration profile (`calibration/intervals-<profile>.json`, written by `scripts/calibrate.ts`),
 * or `undefined` for a profile that is not committed. Profiles: `m4` (M4 training parts; the default), `m3`,
 * `m4-centred`.
 * @example intervalCalibration('m4')?.source
 */
export function intervalCalibration(profile = 'm4'): IntervalCalibration | undefined {
  if (!/^[a-z0-9-]+$/.test(profile)) throw new RangeError(`unknown calibration profile "${profile}"`);
  return Object.hasOwn(profiles, profile) ? profiles[profile] : undefined;
}

/**
 * The reference-class tables (learned by `scripts/calibrate.ts` from M4's training parts).
 * @example
 * referenceClasses()?.categories; // growth-factor quantiles by M4 category
 */
export function referenceClasses(): ReferenceClasses | undefined {
  return referenceClassesTable as unknown as ReferenceClasses;
}

/**
 * The table of `method` for a series of `n` observations: the table of its calibration `cell` for n's length group
 * if learned, else that of its `category`, else the pooled group containing n (or the nearest group).
 * @example methodTable(intervalCalibration(), 'combination', 20)
 */
export function methodTable(
  cal: IntervalCalibration | undefined,
  method: string,
  n: number,
  cell?: string,
  category?: string,
): QuantileTable | undefined {
  const m = cal?.methods[method];
  if (!cal || !m || m.groups.length === 0) return undefined;
  // most specific first: the cell's table, then the category's, for n's length group; else the pooled one
  const catKey = category && Object.keys(m.categories ?? {}).find((c) => c.toLowerCase() === category.toLowerCase());
  const inGroup = (gs: CalibrationGroup[] | undefined) => gs?.find((g) => n >= g.minN && n <= g.maxN);
  const cellKey = cal.cellKind === 'trend' ? cell?.replace(/^v\d+/, '') : cell;
  const own =
    (cellKey ? inGroup(m.cells?.[cellKey]) : undefined) ?? (catKey ? inGroup(m.categories![catKey]) : undefined);
  if (own) return { probs: cal.probs, q: own.q };
  let best = m.groups[0]!;
  let dist = Infinity;
  for (const g of m.groups) {
    const d = n < g.minN ? g.minN - n : n > g.maxN ? n - g.maxN : 0;
    if (d < dist) (dist = d), (best = g);
  }
  return { probs: cal.probs, q: best.q };
}

/**
 * The method `auto` uses for a series of `n` ≥ 3 observations: the lowest-OWA method of n's length group.
 * @example autoChoice(intervalCalibration(), 20)?.method // 'combination'
 */
export function autoChoice(
  cal: IntervalCalibration | undefined,
  n: number,
): IntervalCalibration['auto'][number] | undefined {
  return cal?.auto.find((g) => n >= g.minN && n <= g.maxN);
}
