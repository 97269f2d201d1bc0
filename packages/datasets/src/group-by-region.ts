/**
 * Indicators grouped by region, plan regions first (in {@link REGIONS} order), then benchmark regions, then any
 * unknown region keys in order of appearance. Used by `trajectory data`.
 */
import type { Indicator } from '@trajectory/core';
import { REGIONS, type RegionInfo } from './regions.ts';

/** The indicators of one region. */
export interface RegionIndicators {
  region: string;
  /** names of the region; `null` for a key not in `REGIONS` */
  info: RegionInfo | null;
  indicators: Indicator[];
}

/**
 * Group indicators by `region`, keeping their order within a region.
 *
 * @example
 * indicatorsByRegion(loadSeedIndicators()).map((g) => `${g.region}: ${g.indicators.length}`)
 */
export function indicatorsByRegion(indicators: readonly Indicator[]): RegionIndicators[] {
  const groups = new Map<string, Indicator[]>();
  for (const ind of indicators) {
    const g = groups.get(ind.region);
    if (g) g.push(ind);
    else groups.set(ind.region, [ind]);
  }
  const known = [...REGIONS.keys()].filter((k) => groups.has(k));
  const unknown = [...groups.keys()].filter((k) => !REGIONS.has(k));
  return [...known, ...unknown].map((region) => ({
    region,
    info: REGIONS.get(region) ?? null,
    indicators: groups.get(region)!,
  }));
}
