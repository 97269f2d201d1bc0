/**
 * The history records that belong to each seed indicator: its own series (the same key) and the same quantity in
 * other regions (the same key after the region, e.g. `tianjin.hightech_firms` beside `binhai.hightech_firms`), plus
 * the series that match no indicator. Used by `trajectory data --history`.
 */
import type { Indicator } from '@trajectory/core';
import type { HistoryRecord } from './history.ts';
import { REGIONS } from './regions.ts';

/** The history of one indicator. */
export interface IndicatorHistory {
  indicator: Indicator;
  /** rows with the indicator's own key, by year */
  own: HistoryRecord[];
  /** rows of the same quantity in other regions: parent and benchmark regions first, then the other plan regions */
  related: HistoryRecord[];
}

/** Result of {@link matchHistory}. */
export interface HistoryMatch {
  /** one entry per indicator, in the order given */
  indicators: IndicatorHistory[];
  /** rows whose key matches no indicator by key or by quantity */
  unmatched: HistoryRecord[];
}

/**
 * The quantity part of a key: what follows the region.
 *
 * @example
 * quantityOf('binhai.hightech_firms') // 'hightech_firms'
 */
export function quantityOf(key: string): string {
  const dot = key.indexOf('.');
  return dot < 0 ? key : key.slice(dot + 1);
}

const order = [...REGIONS.values()]
  .sort((a, b) => Number(a.role === 'plan') - Number(b.role === 'plan'))
  .map((r) => r.key);
const regionRank = (region: string): number => {
  const i = order.indexOf(region);
  return i < 0 ? order.length : i;
};
const byRegionYear = (a: HistoryRecord, b: HistoryRecord): number =>
  regionRank(a.region) - regionRank(b.region) ||
  a.region.localeCompare(b.region) ||
  a.indicator.localeCompare(b.indicator) ||
  a.year - b.year ||
  a.id.localeCompare(b.id);

/**
 * Match history records to indicators by key (own series) and by quantity (the same quantity in other regions).
 * Every record ends up in at least one indicator's `own` or `related`, or in `unmatched`.
 *
 * @example
 * const { indicators } = matchHistory(loadSeedIndicators(), loadHistory());
 * indicators.find((h) => h.indicator.id === 'nankai.hightech_firms')?.related.map((r) => r.indicator)
 */
export function matchHistory(indicators: readonly Indicator[], history: readonly HistoryRecord[]): HistoryMatch {
  const byKey = new Map<string, HistoryRecord[]>();
  const byQuantity = new Map<string, HistoryRecord[]>();
  for (const r of history) {
    byKey.set(r.indicator, [...(byKey.get(r.indicator) ?? []), r]);
    const q = quantityOf(r.indicator);
    byQuantity.set(q, [...(byQuantity.get(q) ?? []), r]);
  }
  const used = new Set<HistoryRecord>();
  const out = indicators.map((indicator): IndicatorHistory => {
    const own = [...(byKey.get(indicator.id) ?? [])].sort(byRegionYear);
    const related = (byQuantity.get(quantityOf(indicator.id)) ?? [])
      .filter((r) => r.indicator !== indicator.id)
      .sort(byRegionYear);
    for (const r of [...own, ...related]) used.add(r);
    return { indicator, own, related };
  });
  return { indicators: out, unmatched: history.filter((r) => !used.has(r)).sort(byRegionYear) };
}
