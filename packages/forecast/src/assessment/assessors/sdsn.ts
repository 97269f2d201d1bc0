import type { SdsnClass, SdsnVerdict } from '../types.ts';

/** Input of {@link sdsnVerdict}: linear (absolute) annual change observed and required. */
export interface SdsnInput {
  /** observed (or projected) change per year, in the indicator's unit */
  actual: number | null;
  /** change per year needed to reach the target in time */
  required: number | null;
  basis: 'historical' | 'projected';
  /** true when the target already holds at the latest observation ("maintaining SDG achievement") */
  alreadyMet?: boolean;
}

/** The assessor's name as shown beside its verdicts. */
export const SDSN_NAME = 'SDSN SDG Index trend dashboard (Sustainable Development Report)';
/** The classification rule, in words, as shown with each verdict. */
export const SDSN_RULE =
  'ratio r = actual / required linear annual progress: r >= 1 on track (or target already met: maintaining ' +
  'achievement); 0.5 <= r < 1 moderately improving; 0 <= r < 0.5 stagnating; r < 0 decreasing';
/** The published methodology the rule is taken from. */
export const SDSN_SOURCE =
  'Sachs, Lafortune, Fuller et al., Sustainable Development Report (SDSN / Bertelsmann Stiftung), Annex "Methods ' +
  'summary": SDG Trend Dashboards — the linear annual growth rate needed to achieve the goal by the target year is ' +
  'compared with the average annual growth rate over the recent period; "moderately improving" above 50 % of the ' +
  'required rate, "stagnating" below 50 %, "decreasing" when the score falls. Detailed method: Lafortune, Fuller, ' +
  'Moreno, Schmidt-Traub & Kroll (2018), SDG Index and Dashboards — Detailed Methodological paper, SDSN.';

const LABELS: Record<SdsnClass, string> = {
  'on-track': 'On track or maintaining SDG achievement (↑)',
  'moderately-improving': 'Moderately improving (↗)',
  stagnating: 'Stagnating (→)',
  decreasing: 'Decreasing (↓)',
};

/**
 * SDSN's trend arrows. SDSN rescales each indicator linearly to a 0–100 score (0 = lower bound, 100 = goal
 * threshold) and compares the score's average annual change with the linear change needed to reach 100 by the
 * target year. A linear rescaling multiplies both changes by the same factor, so the ratio of score changes equals
 * the ratio of the indicator's own annual increments, which is what we compute: r = actual / required increment.
 *
 * @see SDSN_SOURCE
 * @example
 * // needs +50 firms/yr, grew +30 firms/yr: r = 0.6 -> moderately improving
 * sdsnVerdict({ actual: 30, required: 50, basis: 'historical' }).verdict; // 'moderately-improving'
 */
export function sdsnVerdict(input: SdsnInput): SdsnVerdict {
  const base = {
    assessor: 'sdsn' as const,
    name: SDSN_NAME,
    measureName: 'actual / required linear annual progress',
    basis: input.basis,
    rule: SDSN_RULE,
    source: SDSN_SOURCE,
  };
  if (input.alreadyMet) {
    return {
      ...base,
      verdict: 'on-track',
      label: LABELS['on-track'],
      measure: null,
      reason: 'target already met at the latest observation (maintaining achievement)',
    };
  }
  const { actual, required } = input;
  if (actual === null || required === null || !Number.isFinite(actual) || !Number.isFinite(required)) {
    return {
      ...base,
      verdict: 'not-applicable',
      label: 'not applicable',
      measure: null,
      reason: 'actual or required progress not available',
    };
  }
  if (required === 0) {
    return {
      ...base,
      verdict: 'not-applicable',
      label: 'not applicable',
      measure: null,
      reason: 'required progress is zero',
    };
  }
  const r = actual / required;
  const verdict: SdsnClass =
    r >= 1 ? 'on-track' : r >= 0.5 ? 'moderately-improving' : r >= 0 ? 'stagnating' : 'decreasing';
  return {
    ...base,
    verdict,
    label: LABELS[verdict],
    measure: r,
    reason: input.basis === 'projected' ? 'fewer than two observations: projected progress used as actual' : null,
  };
}
