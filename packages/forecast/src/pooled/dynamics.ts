/**
 * Dynamics by measure: the scale on which an indicator's yearly changes are modelled, chosen from its `measure`,
 * unit and bounds, never from the values alone. Counts, amounts and per-capita rates grow multiplicatively (log
 * scale); shares move inside their bounds (logit scale, so no simulated path reaches a bound); slow levels (life
 * expectancy, years of schooling: measure `level`) drift additively; growth rates are levels of a rate that may be
 * negative and revert toward a typical rate (identity scale, mean-reverting). Ranks and unknown measures get no
 * dynamics, with a reason.
 */

/** How yearly changes are modelled. */
export type DynamicsKind = 'log' | 'logit' | 'additive' | 'mean-reverting';

/** A modelling scale: value ↔ scale, with the bounds the values must stay in. */
export interface Dynamics {
  kind: DynamicsKind;
  /** value → modelling scale */
  forward(x: number): number;
  /** modelling scale → value */
  inverse(z: number): number;
  /** `[lo, hi]` for shares; `null` otherwise */
  bounds: [number, number] | null;
  /** constant added before the log (1 for counts or rates that contain a zero; else 0) */
  shift: number;
  /** one phrase for notes: "log scale (multiplicative growth)" */
  label: string;
}

/** What decides an indicator's dynamics. */
export interface DynamicsInput {
  measure: string;
  unit?: string;
  bounds?: [number, number] | null;
  /** observed values (only checked: zeros shift the log, negatives of multiplicative measures are refused) */
  values?: readonly number[];
}

/** {@link dynamicsOf}'s answer: dynamics, or why there are none. */
export type DynamicsResult = { ok: true; dynamics: Dynamics } | { ok: false; reason: string };

/** Measures the pooled model handles, by kind. */
export const MEASURE_DYNAMICS: Readonly<Record<string, DynamicsKind>> = {
  count: 'log',
  amount: 'log',
  rate: 'log',
  share: 'logit',
  level: 'additive',
  growth: 'mean-reverting',
};

/** Units that denote a rank (a position among other regions), which has no dynamics of its own. */
const RANK_UNITS = new Set(['位', '名次']);

/** Share of a bounded range kept away from each bound so that logit stays finite (0.1%). */
const EDGE = 1e-3;

/**
 * Chooses the dynamics of an indicator from its measure, unit and bounds.
 * @example
 * dynamicsOf({ measure: 'share', unit: '%', bounds: [0, 100] }); // { ok: true, dynamics: { kind: 'logit', … } }
 * dynamicsOf({ measure: 'count', unit: '位' }).ok; // false: a rank
 */
export function dynamicsOf(input: DynamicsInput): DynamicsResult {
  const kind = MEASURE_DYNAMICS[input.measure];
  if (kind === undefined)
    return {
      ok: false,
      reason: `measure '${input.measure}' has no dynamics model (known: ${Object.keys(MEASURE_DYNAMICS).join(', ')})`,
    };
  if (input.unit !== undefined && RANK_UNITS.has(input.unit))
    return {
      ok: false,
      reason: `unit '${input.unit}' is a rank: it moves with the other regions, not by its own dynamics`,
    };
  const values = input.values ?? [];
  if (kind === 'log') {
    const negative = values.find((v) => v < 0);
    if (negative !== undefined)
      return {
        ok: false,
        reason: `measure '${input.measure}' grows multiplicatively, but a value is negative (${negative})`,
      };
    const zero = values.some((v) => v === 0);
    if (zero && input.measure === 'amount')
      return { ok: false, reason: `measure 'amount' grows multiplicatively, but a value is 0` };
    return { ok: true, dynamics: logDynamics(zero ? 1 : 0) };
  }
  if (kind === 'logit') {
    const bounds = input.bounds ?? (input.unit === '%' ? ([0, 100] as [number, number]) : null);
    if (!bounds) return { ok: false, reason: `measure 'share' needs bounds (lower, upper) for unit '${input.unit}'` };
    return { ok: true, dynamics: logitDynamics(bounds) };
  }
  if (kind === 'additive') return { ok: true, dynamics: identity('additive', 'level scale (additive drift)') };
  return { ok: true, dynamics: identity('mean-reverting', 'rate scale (mean-reverting growth rate)') };
}

/**
 * Log dynamics, `log(x + shift)`.
 * @example logDynamics(0).forward(Math.E); // 1
 */
export function logDynamics(shift: number): Dynamics {
  return {
    kind: 'log',
    forward: (x) => Math.log(x + shift),
    // a count on log(x + 1) lives on z >= 0: paths are reflected at 0 (no pile of clamped zeros)
    inverse: shift === 0 ? Math.exp : (z) => Math.exp(Math.abs(z)) - shift,
    bounds: null,
    shift,
    label:
      shift === 0
        ? 'log scale (multiplicative growth)'
        : `log(x + ${shift}) scale (multiplicative growth; zero values)`,
  };
}

/**
 * Logit dynamics inside `[lo, hi]`: values at a bound are moved 0.1 % of the range inside.
 * @example logitDynamics([0, 100]).inverse(0); // 50
 */
export function logitDynamics(bounds: [number, number]): Dynamics {
  const [lo, hi] = bounds;
  const w = hi - lo;
  return {
    kind: 'logit',
    forward: (x) => {
      const p = Math.min(1 - EDGE, Math.max(EDGE, (x - lo) / w));
      return Math.log(p / (1 - p));
    },
    inverse: (z) => lo + w / (1 + Math.exp(-z)),
    bounds: [lo, hi],
    shift: 0,
    label: `logit scale within [${lo}, ${hi}]`,
  };
}

function identity(kind: 'additive' | 'mean-reverting', label: string): Dynamics {
  return { kind, forward: (x) => x, inverse: (z) => z, bounds: null, shift: 0, label };
}
