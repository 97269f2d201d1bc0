import { resolveTarget, type Indicator, type Target } from '@trajectory/core';
import type { AssessmentStatus, ResolvedTarget } from './types.ts';

/** A resolved target, or why it could not be resolved. */
export interface TargetResolution {
  target: ResolvedTarget;
  problem: { status: AssessmentStatus; reason: string } | null;
}

/**
 * Resolves a target to an absolute value with core's `resolveTarget` (the one rule for the whole project) and
 * keeps what the document said. Relative targets resolve against their base (`relative.baseValue`, else the
 * exact observation of `relative.baseYear`, the target's own document first): `multiple` (翻番 = ×2) gives
 * base × amount, `increase-percent` (+25 %) base × (1 + amount/100), `increase` base + amount. When the document
 * states both a number and a relative form, the stated number is the target. A blank draft target or a relative
 * target without base is reported as a problem (`target-blank`, `no-base`).
 * @example
 * resolveTargetValue(gazelles, { year: 2023, value: null, comparator: '>=',
 *   relative: { kind: 'multiple', amount: 2, baseYear: 2020, text: '翻番' }, source }).target.value; // 32 on a base of 16
 */
export function resolveTargetValue(indicator: Indicator, target: Target): TargetResolution {
  const resolved = resolveTarget(indicator, target);
  const r = resolved.relative;
  const given = target.relative?.baseValue !== undefined && Number.isFinite(target.relative.baseValue);
  const value = resolved.value !== null && Number.isFinite(resolved.value) ? resolved.value : null;
  const out: ResolvedTarget = {
    year: target.year,
    comparator: target.comparator,
    value,
    statedValue: target.value !== null && Number.isFinite(target.value) ? target.value : null,
    relative: r
      ? {
          kind: r.kind,
          amount: r.amount,
          baseYear: r.baseYear,
          baseValue: r.baseValue ?? null,
          baseFrom: given ? 'given' : r.baseValue !== undefined ? 'observed' : null,
          text: r.text,
        }
      : null,
    attribute: target.attribute ?? null,
    period: target.period ?? null,
    source: target.source,
  };
  let problem: TargetResolution['problem'] = null;
  if (value === null) {
    problem = r
      ? {
          status: 'no-base',
          reason: `relative target "${r.text}" has no base: no value given and no observation in ${r.baseYear}`,
        }
      : { status: 'target-blank', reason: `the document leaves the ${target.year} target blank` };
  }
  return { target: out, problem };
}
