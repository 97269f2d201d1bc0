import type { Indicator, Target } from '@trajectory/core';
import type { AssessmentStatus, ResolvedTarget } from './types.ts';

/** A resolved target, or why it could not be resolved. */
export interface TargetResolution {
  target: ResolvedTarget;
  problem: { status: AssessmentStatus; reason: string } | null;
}

/**
 * Resolves a target to an absolute value, keeping what the document said. Relative targets resolve against their
 * base (`relative.baseValue`, else the observation of `relative.baseYear`): `multiple` (翻番 = ×2) gives
 * base × amount, `increase-percent` (+25 %) base × (1 + amount/100), `increase` base + amount. When the document
 * states both a number and a relative form, the stated number is the target and the relative form is kept as
 * context. A blank draft target or a relative target without base is reported as a problem.
 * @example
 * resolveTargetValue(hexiTalent, { year: 2025, value: null, comparator: '>=',
 *   relative: { kind: 'increase-percent', amount: 25, baseYear: 2020, baseValue: 14.4, text: '增长25%' }, source })
 *   .target.value; // 18
 */
export function resolveTargetValue(indicator: Indicator, target: Target): TargetResolution {
  const stated = target.value !== null && Number.isFinite(target.value) ? target.value : null;
  let relative: ResolvedTarget['relative'] = null;
  let fromRelative: number | null = null;
  if (target.relative) {
    const r = target.relative;
    const given = r.baseValue !== undefined && Number.isFinite(r.baseValue) ? r.baseValue : null;
    const observed = given === null ? observationIn(indicator, r.baseYear, target.source.doc) : null;
    const baseValue = given ?? observed;
    relative = {
      kind: r.kind,
      amount: r.amount,
      baseYear: r.baseYear,
      baseValue,
      baseFrom: given !== null ? 'given' : observed !== null ? 'observed' : null,
      text: r.text,
    };
    if (baseValue !== null) {
      fromRelative =
        r.kind === 'multiple' ? baseValue * r.amount : r.kind === 'increase-percent' ? baseValue * (1 + r.amount / 100) : baseValue + r.amount;
    }
  }
  const resolved: ResolvedTarget = {
    year: target.year,
    comparator: target.comparator,
    value: stated ?? fromRelative,
    statedValue: stated,
    relative,
    attribute: target.attribute ?? null,
    period: target.period ?? null,
    source: target.source,
  };
  let problem: TargetResolution['problem'] = null;
  if (resolved.value === null) {
    problem = relative
      ? { status: 'no-base', reason: `relative target "${relative.text}" has no base: no value given and no observation in ${relative.baseYear}` }
      : { status: 'target-blank', reason: `the document leaves the ${target.year} target blank` };
  }
  return { target: resolved, problem };
}

/**
 * The base observed in `year`: exact observations only (not bounds such as "5000余家"), those of the target's own
 * document first; their mean when a document gives two figures for one year; `null` when there is none.
 */
function observationIn(indicator: Indicator, year: number, doc: string): number | null {
  const exact = indicator.observations.filter(
    (o) => o.year === year && Number.isFinite(o.value) && (o as { comparator?: unknown }).comparator === undefined,
  );
  const sameDoc = exact.filter((o) => o.source.doc === doc);
  const values = (sameDoc.length > 0 ? sameDoc : exact).map((o) => o.value);
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}
