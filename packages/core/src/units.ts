/**
 * The fixed list of units the seed dataset may use. Each unit says what it measures in English, which
 * {@link MeasureType} it usually goes with, and how it relates to a base unit (`亿元` = 1e8 `元`), so values in
 * different units of one dimension can be compared.
 */
import type { MeasureType } from './indicator.ts';

/** One entry of the unit list. */
export interface UnitInfo {
  /** the unit as the dataset writes it, e.g. `亿元` */
  symbol: string;
  /** English meaning */
  en: string;
  /** the measure type the unit usually expresses */
  measure: MeasureType;
  /** what is being measured; units of one dimension are convertible through `scale` */
  dimension:
    | 'entities'
    | 'items'
    | 'persons'
    | 'money'
    | 'local-money'
    | 'area'
    | 'percent'
    | 'ratio'
    | 'time'
    | 'rank'
    | 'money-per-person'
    | 'items-per-persons';
  /** multiple of the dimension's base unit (`万人` = 1e4 persons) */
  scale: number;
}

const list: UnitInfo[] = [
  { symbol: '家', en: 'enterprises / organisations (counter)', measure: 'count', dimension: 'entities', scale: 1 },
  { symbol: '个', en: 'units (generic counter)', measure: 'count', dimension: 'entities', scale: 1 },
  { symbol: '所', en: 'institutions, e.g. schools (counter)', measure: 'count', dimension: 'entities', scale: 1 },
  { symbol: '万家', en: 'ten thousand enterprises', measure: 'count', dimension: 'entities', scale: 1e4 },
  { symbol: '件', en: 'items, e.g. patents', measure: 'count', dimension: 'items', scale: 1 },
  { symbol: '万件', en: 'ten thousand items', measure: 'count', dimension: 'items', scale: 1e4 },
  { symbol: '项', en: 'items, e.g. projects or awards', measure: 'count', dimension: 'items', scale: 1 },
  { symbol: '份', en: 'copies, e.g. contracts', measure: 'count', dimension: 'items', scale: 1 },
  { symbol: '人', en: 'persons', measure: 'count', dimension: 'persons', scale: 1 },
  { symbol: '名', en: 'persons (formal counter)', measure: 'count', dimension: 'persons', scale: 1 },
  { symbol: '万人', en: 'ten thousand persons', measure: 'count', dimension: 'persons', scale: 1e4 },
  { symbol: '万元', en: 'ten thousand yuan', measure: 'amount', dimension: 'money', scale: 1e4 },
  { symbol: '亿元', en: 'hundred million yuan (1e8 CNY)', measure: 'amount', dimension: 'money', scale: 1e8 },
  { symbol: '万元/人', en: 'ten thousand yuan per person', measure: 'rate', dimension: 'money-per-person', scale: 1e4 },
  {
    symbol: '件/万人',
    en: 'items per ten thousand persons',
    measure: 'rate',
    dimension: 'items-per-persons',
    scale: 1,
  },
  {
    symbol: '个/万人',
    en: 'units per ten thousand persons',
    measure: 'rate',
    dimension: 'items-per-persons',
    scale: 1,
  },
  { symbol: '平方米', en: 'square metres', measure: 'amount', dimension: 'area', scale: 1 },
  { symbol: '万平方米', en: 'ten thousand square metres', measure: 'amount', dimension: 'area', scale: 1e4 },
  { symbol: '平方公里', en: 'square kilometres', measure: 'amount', dimension: 'area', scale: 1e6 },
  { symbol: '亩', en: 'mu (1/15 hectare)', measure: 'amount', dimension: 'area', scale: 10000 / 15 },
  { symbol: '%', en: 'percent', measure: 'share', dimension: 'percent', scale: 1 },
  { symbol: '个百分点', en: 'percentage points', measure: 'growth', dimension: 'percent', scale: 1 },
  { symbol: '倍', en: 'times (dimensionless ratio)', measure: 'rate', dimension: 'ratio', scale: 1 },
  { symbol: '年', en: 'years (duration)', measure: 'amount', dimension: 'time', scale: 1 },
  { symbol: '岁', en: 'years of age', measure: 'amount', dimension: 'time', scale: 1 },
  // as international tables (World Bank WDI, UNDP) write them, for the reference panels of @trajectory/datasets
  { symbol: 'years', en: 'years (life expectancy, years of schooling)', measure: 'level', dimension: 'time', scale: 1 },
  {
    symbol: 'LCU (current prices)',
    en: "local currency units at current prices (each country's own currency: not convertible across countries)",
    measure: 'amount',
    dimension: 'local-money',
    scale: 1,
  },
  { symbol: '位', en: 'rank position (1 = first; lower is better)', measure: 'count', dimension: 'rank', scale: 1 },
];

/**
 * The known units, keyed by symbol.
 *
 * @example
 * UNITS.get('亿元')?.en // 'hundred million yuan (1e8 CNY)'
 */
export const UNITS: ReadonlyMap<string, UnitInfo> = new Map(list.map((u) => [u.symbol, u]));

/**
 * Whether `symbol` is in the unit list.
 *
 * @example
 * isKnownUnit('件/万人') // true
 * isKnownUnit('kg')      // false
 */
export function isKnownUnit(symbol: string): boolean {
  return UNITS.has(symbol);
}

/**
 * Convert `value` from unit `from` to unit `to` of the same dimension (`1.5 万人` -> `15000 人`);
 * `null` if either unit is unknown or the dimensions differ.
 *
 * @example
 * convertUnit(1.15, '万件', '件') // 11500
 */
export function convertUnit(value: number, from: string, to: string): number | null {
  const a = UNITS.get(from);
  const b = UNITS.get(to);
  if (!a || !b || a.dimension !== b.dimension) return null;
  return (value * a.scale) / b.scale;
}
