import type { Comparator } from '@trajectory/core';
import type { XushiClass, XushiVerdict } from '../types.ts';
import { holds } from '../../engine/comparator.ts';

/** Input of {@link xushiVerdict}: the plan's base and target, and one observation inside the plan period. */
export interface XushiInput {
  baseYear: number;
  baseValue: number;
  targetYear: number;
  targetValue: number;
  comparator: Comparator;
  /** the latest observation with baseYear < year < targetYear, or `null` when there is none */
  observation: { year: number; value: number } | null;
}

/** Options of {@link xushiVerdict}. */
export interface XushiOptions {
  /**
   * Half-width of the 基本符合 band around ratio 1 (achieved share / elapsed share). Chinese mid-term reviews name
   * the classes but publish no numeric band, so this is our convention.
   * @default 0.1
   */
  tolerance?: number;
}

/** The assessor's name as shown beside its verdicts. */
export const XUSHI_NAME =
  '序时进度 (Chinese mid-term check: share of planned increase achieved vs share of period elapsed)';
/** Where the practice is described. */
export const XUSHI_SOURCE =
  'Practice of Chinese plan mid-term evaluations (规划纲要实施中期评估, e.g. 国家发展改革委《关于“十三五”规划纲要实施' +
  '中期评估的报告》2018; the rule 时间过半、任务过半): an indicator is on schedule (达到序时进度) when the share of the ' +
  'planned increase achieved is at least the share of the plan period elapsed. The ±tolerance band for 基本符合 is ' +
  "this library's convention (no official band is published).";

const LABELS: Record<XushiClass, string> = {
  提前实现: '提前实现 (target already met)',
  快于预期: '快于预期 (ahead of schedule)',
  基本符合: '基本符合 (broadly on schedule)',
  滞后: '滞后 (behind schedule)',
};

/**
 * The 序时进度 check. With base b0 in year y0, target bT in year T and an observation v in year y (y0 < y < T):
 * achieved share a = (v − b0)/(bT − b0), elapsed share e = (y − y0)/(T − y0), ratio = a / e. The target already
 * holding gives 提前实现; ratio >= 1 + tol 快于预期; 1 − tol <= ratio < 1 + tol 基本符合; below 滞后. Not applicable
 * without an observation inside the plan period (nothing to check yet) or when the target asks for no change.
 *
 * @see XUSHI_SOURCE
 * @example
 * // 2020 base 1597, 2025 target 2500; 2022 value 2000: a = 403/903 = 0.446, e = 0.4, ratio 1.12 -> 快于预期
 * xushiVerdict({ baseYear: 2020, baseValue: 1597, targetYear: 2025, targetValue: 2500, comparator: '>=',
 *   observation: { year: 2022, value: 2000 } }).verdict; // '快于预期'
 */
export function xushiVerdict(input: XushiInput, options: XushiOptions = {}): XushiVerdict {
  const tol = options.tolerance ?? 0.1;
  const rule =
    `ratio = (achieved share of planned increase) / (elapsed share of plan period): target already met -> 提前实现; ` +
    `ratio >= ${1 + tol} 快于预期; ${1 - tol} <= ratio < ${1 + tol} 基本符合; ratio < ${1 - tol} 滞后`;
  const common = {
    assessor: 'xushi' as const,
    name: XUSHI_NAME,
    measureName: 'achieved share / elapsed share',
    rule,
    source: XUSHI_SOURCE,
  };
  const { baseYear, baseValue, targetYear, targetValue, comparator, observation } = input;
  if (!observation || !(observation.year > baseYear && observation.year < targetYear)) {
    return {
      ...common,
      basis: null,
      verdict: 'not-applicable',
      label: 'not applicable',
      measure: null,
      reason: `no observation inside the plan period (${baseYear}, ${targetYear})`,
    };
  }
  const base = { ...common, basis: 'mid-term' as const };
  const needed = targetValue - baseValue;
  const elapsed = (observation.year - baseYear) / (targetYear - baseYear);
  const achieved = needed === 0 ? null : (observation.value - baseValue) / needed;
  const ratio = achieved === null ? null : achieved / elapsed;
  if (holds(observation.value, comparator, targetValue, baseValue)) {
    return {
      ...base,
      verdict: '提前实现',
      label: LABELS.提前实现,
      measure: ratio,
      reason: `target already met in ${observation.year}`,
    };
  }
  if (ratio === null) {
    return {
      ...base,
      verdict: 'not-applicable',
      label: 'not applicable',
      measure: null,
      reason: 'the target asks for no change from the base',
    };
  }
  const verdict: XushiClass = ratio >= 1 + tol ? '快于预期' : ratio >= 1 - tol ? '基本符合' : '滞后';
  return { ...base, verdict, label: LABELS[verdict], measure: ratio, reason: null };
}
