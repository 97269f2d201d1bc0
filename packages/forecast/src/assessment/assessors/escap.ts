import type { Comparator } from '@trajectory/core';
import type { EscapClass, EscapVerdict } from '../types.ts';
import { holds } from '../../engine/comparator.ts';

/** Input of {@link escapVerdict}. */
export interface EscapInput {
  /** value at the start of the assessment (the plan's base) */
  base: number | null;
  /** anticipated value at the target year (our projection's median; ESCAP uses a time-weighted linear trend) */
  anticipated: number | null;
  target: number | null;
  comparator: Comparator;
}

/** The assessor's name as shown beside its verdicts. */
export const ESCAP_NAME = 'UN ESCAP anticipated progress / anticipated gap (Asia-Pacific SDG Progress Report)';
/** The classification rule, in words, as shown with each verdict. */
export const ESCAP_RULE =
  'gap G = 100 * (target - anticipated) / (target - base), % of the needed change still missing at the target ' +
  'year: anticipated value meets the target -> on track (maintain progress); 0 < G <= 100 -> needs acceleration; ' +
  'G > 100 (anticipated value further from the target than the base) -> regressing (reverse trend)';
/** The published methodology the rule is taken from. */
export const ESCAP_SOURCE =
  'UN ESCAP, Asia and the Pacific SDG Progress Report, Annex 1 "Technical notes – methodology to measure ' +
  'progress" (Anticipated Progress Index: gap between the predicted value and the target relative to the progress ' +
  'required from the base year; dashboard classes "maintain progress", "accelerate progress", "reverse trend"), ' +
  'https://data.unescap.org/resource-guides/progress-assessment-methodology; Bidarbakht Nia (2017), Tracking ' +
  'progress towards the SDGs: measuring the otherwise ambiguous progress, ESCAP Statistics Division SD/WP/05; ' +
  'applied by all UN regional commissions, e.g. https://w3.unece.org/sdg2023/technical-notes.html';

const LABELS: Record<EscapClass, string> = {
  'on-track': 'On track (maintain progress to achieve target)',
  'needs-acceleration': 'Needs acceleration (accelerate progress to achieve target)',
  regressing: 'Regressing (reverse trend to achieve target)',
};

/**
 * ESCAP's anticipated-progress classification of one target. The anticipated value at the target year is compared
 * with the target; when the target is not anticipated to be met, the anticipated gap is expressed as a share of the
 * change needed from the base, G = 100 (target − anticipated) / (target − base). A gap above 100 % means the
 * indicator is anticipated to end further from the target than it started: the trend must be reversed.
 *
 * @see ESCAP_SOURCE
 * @example
 * // base 321, target >= 650, anticipated 520: G = 100 * 130 / 329 = 39.5 % -> needs acceleration
 * escapVerdict({ base: 321, anticipated: 520, target: 650, comparator: '>=' }).verdict; // 'needs-acceleration'
 */
export function escapVerdict(input: EscapInput): EscapVerdict {
  const common = {
    assessor: 'escap' as const,
    name: ESCAP_NAME,
    measureName: 'anticipated gap, % of the needed change',
    basis: 'projected' as const,
    rule: ESCAP_RULE,
    source: ESCAP_SOURCE,
  };
  const { base, anticipated, target, comparator } = input;
  if (base === null || anticipated === null || target === null || ![base, anticipated, target].every(Number.isFinite)) {
    return {
      ...common,
      verdict: 'not-applicable',
      label: 'not applicable',
      measure: null,
      reason: 'base, anticipated value or target not available',
    };
  }
  const needed = target - base;
  const gap = needed === 0 ? null : (100 * (target - anticipated)) / needed;
  if (holds(anticipated, comparator, target, base)) {
    return { ...common, verdict: 'on-track', label: LABELS['on-track'], measure: gap, reason: null };
  }
  // The target does not hold at the anticipated value. If it did hold at the base, the indicator is moving away.
  if (needed === 0 || holds(base, comparator, target, base)) {
    return {
      ...common,
      verdict: 'regressing',
      label: LABELS.regressing,
      measure: gap,
      reason: 'target met at the base but not at the anticipated value',
    };
  }
  const verdict: EscapClass = gap !== null && gap > 100 ? 'regressing' : 'needs-acceleration';
  return { ...common, verdict, label: LABELS[verdict], measure: gap, reason: null };
}
