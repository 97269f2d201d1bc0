import type { TopLevelSpec } from 'vega-lite';
import { parse, View } from 'vega';
import { collectingLogger, compileSpec } from './compile-spec.ts';
import { resolveCjkFont, type FontChoice } from './font.ts';
import { useFontTextMetrics } from './text-metrics.ts';

/** Options of {@link renderSvg}. */
export interface RenderSvgOptions {
  /** called with each compile or runtime warning; @default writes to `console.warn` */
  onWarning?: (message: string) => void;
  /** scale factor of the SVG's width/height; @default 1 */
  scale?: number;
  /**
   * font whose advance widths lay out text (see {@link useFontTextMetrics}); `null` for vega's estimate;
   * @default resolveCjkFont(), or the estimate when no CJK font is installed
   */
  metricsFont?: FontChoice | null;
}

function defaultMetricsFont(): FontChoice | null {
  try {
    return resolveCjkFont();
  } catch {
    return null; // no CJK font: keep vega's estimate rather than fail an SVG export
  }
}

/**
 * Render a Vega-Lite spec to an SVG string without a browser: vega-lite `compile`, then a headless vega `View`
 * (`renderer: 'none'`) and `view.toSVG()`. Node has no canvas to measure text, so text is laid out with the
 * advance widths of the CJK font `renderPng` rasterises with (vega's own estimate under-measures CJK labels).
 *
 * @example
 * const svg = await renderSvg(fanChart(input));
 * await writeFile('fan.svg', svg);
 */
export async function renderSvg(spec: TopLevelSpec, options: RenderSvgOptions = {}): Promise<string> {
  const { onWarning = (m: string) => console.warn(`renderSvg: ${m}`), scale = 1 } = options;
  useFontTextMetrics(options.metricsFont === undefined ? defaultMetricsFont() : options.metricsFont);
  // vega tags inline data objects with an id symbol: compile a copy so the caller's spec stays untouched.
  const { vega, warnings } = compileSpec(structuredClone(spec));
  const runtime: string[] = [];
  const view = new View(parse(vega), { renderer: 'none', logger: collectingLogger(runtime) });
  try {
    const svg = await view.toSVG(scale);
    for (const w of [...warnings, ...runtime]) onWarning(w);
    return svg;
  } finally {
    view.finalize();
  }
}
