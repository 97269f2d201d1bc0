/**
 * Relative targets ("翻番", "比十三五末增长25%") resolved to absolute values against their base observation,
 * keeping both forms: `value` is the absolute target, `relative` keeps the words, the base and the resolved value.
 */
import type { Indicator, Observation, RelativeTarget, Target } from './indicator.ts';

/**
 * Apply a relative form to a base value: `multiple` k -> base·k; `increase-percent` p -> base·(1 + p/100);
 * `increase` d -> base + d.
 *
 * @example
 * applyRelative('multiple', 2, 16)          // 32
 * applyRelative('increase-percent', 25, 14.4) // 18
 */
export function applyRelative(kind: RelativeTarget['kind'], amount: number, base: number): number {
  switch (kind) {
    case 'multiple':
      return base * amount;
    case 'increase-percent':
      return base * (1 + amount / 100);
    case 'increase':
      return base + amount;
  }
}

/**
 * The base that makes a relative form give `value` (the inverse of {@link applyRelative}); `null` when it has
 * none (a multiple of 0, a −100 % change).
 *
 * @example
 * invertRelative('increase-percent', 25, 18) // 14.4
 */
export function invertRelative(kind: RelativeTarget['kind'], amount: number, value: number): number | null {
  switch (kind) {
    case 'multiple':
      return amount === 0 ? null : value / amount;
    case 'increase-percent':
      return amount === -100 ? null : value / (1 + amount / 100);
    case 'increase':
      return value - amount;
  }
}

/**
 * The observation a relative target is measured from: an exact observation in `relative.baseYear`, preferring
 * the target's own document; `undefined` when there is none.
 *
 * @example
 * baseObservation(gazelles, gazelles.targets[0])?.value // 16
 */
export function baseObservation(indicator: Indicator, target: Target): Observation | undefined {
  const rel = target.relative;
  if (!rel) return undefined;
  const inYear = indicator.observations.filter((o) => o.year === rel.baseYear && o.comparator === undefined);
  return inYear.find((o) => o.source.doc === target.source.doc) ?? inYear[0];
}

/**
 * Resolve a target: for a relative target, find the base (`relative.baseValue`, else the indicator's exact
 * observation in `relative.baseYear`, preferring the same document), set `relative.resolvedValue`, and fill
 * `value` when the document gave only the relative form. When the document states both forms, `value` is kept
 * and, if no base is known, `relative.impliedBaseValue` records the base the two forms imply. Targets without a
 * relative form are returned unchanged. Pure: returns a new object.
 *
 * @example
 * // Nankai 瞪羚 "翻番" on the 2020 count of 16
 * resolveTarget(gazelles, gazelles.targets[0]).value // 32
 */
export function resolveTarget(indicator: Indicator, target: Target): Target {
  const rel = target.relative;
  if (!rel) return target;
  const baseObs = rel.baseValue === undefined ? baseObservation(indicator, target) : undefined;
  const base = rel.baseValue ?? baseObs?.value ?? null;
  const resolvedValue = base === null ? null : applyRelative(rel.kind, rel.amount, base);
  const relative: RelativeTarget = { ...rel, resolvedValue };
  if (base !== null) relative.baseValue = base;
  if (baseObs) relative.baseSource = baseObs.source;
  if (base === null && target.value !== null) {
    const implied = invertRelative(rel.kind, rel.amount, target.value);
    if (implied !== null) relative.impliedBaseValue = implied;
  }
  return { ...target, value: target.value ?? resolvedValue, relative };
}

/**
 * An indicator with every target passed through {@link resolveTarget}.
 *
 * @example
 * loadSeedIndicators().map(resolveIndicator)
 */
export function resolveIndicator(indicator: Indicator): Indicator {
  return { ...indicator, targets: indicator.targets.map((t) => resolveTarget(indicator, t)) };
}
