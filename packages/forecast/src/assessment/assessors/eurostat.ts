import type { EurostatClass, EurostatVerdict } from '../types.ts';

/** Input of {@link eurostatVerdict}: the observed (or projected) and the required annual growth of one indicator. */
export interface EurostatInput {
  /** actual growth per year: a CAGR (fraction) or an annual increment, same kind as `required` */
  actual: number | null;
  /** growth per year needed to go from the base to the target in time */
  required: number | null;
  /** whether `actual` was observed or, with fewer than two observations, taken from the projection */
  basis: 'historical' | 'projected';
  /** true when the target already holds at the latest observation */
  alreadyMet?: boolean;
}

/** The assessor's name as shown beside its verdicts. */
export const EUROSTAT_NAME = 'Eurostat SDG progress (indicators with quantified targets)';
/** The classification rule, in words, as shown with each verdict. */
export const EUROSTAT_RULE =
  'ratio r = actual / required annual growth: r >= 0.95 significant progress; 0.60 <= r < 0.95 moderate; ' +
  '0 <= r < 0.60 insufficient; r < 0 movement away from the target';
/** The published methodology the rule is taken from. */
export const EUROSTAT_SOURCE =
  'Eurostat, Sustainable development in the European Union — Monitoring report on progress towards the SDGs in an ' +
  'EU context, Introduction, "How is progress assessed?": for indicators with a quantified target the actual ' +
  'compound annual growth rate over the past five years (short term) is compared with the rate required to meet the ' +
  'target, https://ec.europa.eu/eurostat/statistics-explained/index.php?title=SDG_-_Introduction; ' +
  'https://ec.europa.eu/eurostat/web/sdi';

const LABELS: Record<EurostatClass, string> = {
  'significant-progress': 'Significant progress towards the target',
  'moderate-progress': 'Moderate progress towards the target',
  'insufficient-progress': 'Insufficient progress towards the target',
  'movement-away': 'Movement away from the target',
};

/**
 * Eurostat's classification of progress towards a quantified target: the ratio of the actual growth rate to the
 * growth rate required to meet the target, r = actual / required, classed as significant (r >= 0.95), moderate
 * (0.60 <= r < 0.95), insufficient (0 <= r < 0.60) progress, or movement away (r < 0). Eurostat applies it to
 * compound annual growth rates (CAGR) over the past five (short-term) or fifteen (long-term) years; with fewer than
 * two observations we use the projected growth instead and say so (`basis: 'projected'`).
 *
 * A target that already holds is `significant-progress` (nothing more is required); a required growth of 0 with
 * a target not met cannot be classed and is `not-applicable`.
 *
 * @see EUROSTAT_SOURCE
 * @example
 * // required CAGR 9.3 %/yr (1597 -> 2500 in 5 years), actual 6 %/yr: r = 0.645 -> moderate progress
 * eurostatVerdict({ actual: 0.06, required: 0.0937, basis: 'historical' }).verdict; // 'moderate-progress'
 */
export function eurostatVerdict(input: EurostatInput): EurostatVerdict {
  const base = {
    assessor: 'eurostat' as const,
    name: EUROSTAT_NAME,
    measureName: 'actual / required annual growth',
    basis: input.basis,
    rule: EUROSTAT_RULE,
    source: EUROSTAT_SOURCE,
  };
  if (input.alreadyMet) {
    return {
      ...base,
      verdict: 'significant-progress',
      label: LABELS['significant-progress'],
      measure: null,
      reason: 'target already met at the latest observation',
    };
  }
  const { actual, required } = input;
  if (actual === null || required === null || !Number.isFinite(actual) || !Number.isFinite(required)) {
    return {
      ...base,
      verdict: 'not-applicable',
      label: 'not applicable',
      measure: null,
      reason: 'actual or required growth not available',
    };
  }
  if (required === 0) {
    return {
      ...base,
      verdict: 'not-applicable',
      label: 'not applicable',
      measure: null,
      reason: 'required growth is zero',
    };
  }
  const r = actual / required;
  const verdict: EurostatClass =
    r >= 0.95
      ? 'significant-progress'
      : r >= 0.6
        ? 'moderate-progress'
        : r >= 0
          ? 'insufficient-progress'
          : 'movement-away';
  return {
    ...base,
    verdict,
    label: LABELS[verdict],
    measure: r,
    reason: input.basis === 'projected' ? 'fewer than two observations: projected growth used as actual' : null,
  };
}
