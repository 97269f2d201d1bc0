import type { TopLevelSpec } from 'vega-lite';
import { CHART_CONFIG } from '../theme.ts';
/** Pieces shared by the builders: the `$schema`, title block, size options and number formats. */

/** The Vega-Lite schema URL of the major version we build against (used by vega-embed to pick the parser). */
export const VL_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/** Tooltip/label number format: up to 6 significant digits, thousands separators, no trailing zeros. */
export const VALUE_FORMAT = ',.6~g';

/** Growth-rate format (percent per year, already in percent units). */
export const GROWTH_FORMAT = '.1f';

/** Size options common to every builder. */
export interface SizeOptions {
  /** plot width in pixels; @default builder-specific (560 for time charts) */
  width?: number;
  /** plot height in pixels; @default builder-specific (300 for time charts) */
  height?: number;
}

/** A title block without `undefined` members (the JSON schema rejects them). */
export function titleBlock(text: string, subtitle?: string): { text: string; subtitle?: string } {
  if (!text) throw new TypeError('chart title must be a non-empty string');
  return subtitle ? { text, subtitle } : { text };
}

/** Throw a clear error for a non-finite number in builder input (`fanChart: history[3].value is NaN`). */
export function assertFinite(where: string, value: number): void {
  if (!Number.isFinite(value)) throw new RangeError(`${where} must be a finite number, got ${String(value)}`);
}

/** Make labels unique by appending " (2)", " (3)", … to repeats, keeping order. */
export function uniqueLabels(labels: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return labels.map((l) => {
    const n = (seen.get(l) ?? 0) + 1;
    seen.set(l, n);
    return n === 1 ? l : `${l} (${n})`;
  });
}

/**
 * Type a spec assembled from plain objects as `TopLevelSpec`. Vega-Lite's TS types are too deep to check nested
 * layer/concat literals built in pieces; the authority is the JSON schema of the installed version, which the tests
 * validate every builder's output against (plus a zero-warning compile).
 */
export function asSpec(spec: object): TopLevelSpec {
  return spec as TopLevelSpec;
}

/**
 * The top of every builder's spec, in a fixed key order: `$schema`, the title block, `width`/`height` (when the chart
 * is sized at the top rather than per panel), the theme `config`, then the builder's `body` (data and marks).
 *
 * @example topLevelSpec({ title: '高新技术企业' }, { data: { values }, mark: 'bar' }, { width: 560, height: 300 })
 */
export function topLevelSpec(
  heading: { title: string; subtitle?: string | undefined },
  body: object,
  size?: { width: number; height: number },
): TopLevelSpec {
  return asSpec({
    $schema: VL_SCHEMA,
    title: titleBlock(heading.title, heading.subtitle),
    ...size,
    config: CHART_CONFIG,
    ...body,
  });
}
