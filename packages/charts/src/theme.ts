/**
 * Shared look of every chart: a CJK-capable font family list (so 南开区 renders as text in browsers and in
 * resvg), year axes formatted as years, and the palette of progress categories.
 */
import type { Config } from 'vega-lite';

/**
 * CSS font-family list used by every spec. The first family is the one `renderPng` loads from Debian's
 * `fonts-noto-cjk` (`NotoSansCJK-Regular.ttc`); browsers fall back to their own CJK fonts.
 */
export const CJK_FONT_FAMILY = "'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";

/** The family name resvg must resolve for CJK glyphs (first entry of {@link CJK_FONT_FAMILY}). */
export const PRIMARY_FONT_FAMILY = 'Noto Sans CJK SC';

/** Vega-Lite `config` shared by all builders: font and a readable default size. */
export const CHART_CONFIG: Config = {
  font: CJK_FONT_FAMILY,
  view: { stroke: null },
  axis: { labelFontSize: 11, titleFontSize: 12 },
  legend: { labelFontSize: 11, titleFontSize: 12, labelLimit: 260 },
  title: { fontSize: 15, subtitleFontSize: 12, anchor: 'start' },
};

/** Axis for a calendar year on a quantitative scale: integer ticks shown as `2015`, never `2,015.0`. */
export const YEAR_AXIS = { format: 'd', tickMinStep: 1, labelOverlap: true } as const;

/** Colour of each progress category (legend order = key order). Unknown categories get the scheme's colours. */
export const DEFAULT_CATEGORY_COLORS: Record<string, string> = {
  achieved: '#1a9850',
  'on-track': '#66bd63',
  'at-risk': '#fdae61',
  'off-track': '#d73027',
  'not-assessable': '#999999',
};

/**
 * Colours of the scenarios of a comparison, in order (baseline first): the Okabe–Ito palette, which stays
 * distinguishable for the common forms of colour blindness (blue and orange first, the pair that separates best).
 */
export const SCENARIO_COLORS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442'];

/** Colour of plan targets and observed history: neutral, so they never read as one of the scenarios. */
export const TARGET_COLOR = '#111111';

/**
 * Opacity of each band level: narrower bands darker, so nested bands read as a fan.
 * @example
 * bandOpacity(50) > bandOpacity(95); // true: the 50% band is the darkest
 */
export function bandOpacity(level: number): number {
  return level <= 50 ? 0.45 : level <= 80 ? 0.3 : 0.18;
}

/** The ladder of firm stages, bottom first (科技型中小企业 -> 雏鹰 -> 瞪羚 -> 领军). */
export const DEFAULT_PIPELINE_STAGES = ['科技型中小企业', '雏鹰企业', '瞪羚企业', '领军企业'];

/** `"标题"` + `" (unit)"` when a unit is given. */
export function withUnit(title: string, unit: string | undefined): string {
  return unit ? `${title} (${unit})` : title;
}
