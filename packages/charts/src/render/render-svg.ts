import type { TopLevelSpec } from 'vega-lite';
import { parse, View } from 'vega';
import { collectingLogger, compileSpec } from './compile-spec.ts';

/** Options of {@link renderSvg}. */
export interface RenderSvgOptions {
  /** called with each compile or runtime warning; @default writes to `console.warn` */
  onWarning?: (message: string) => void;
  /** scale factor of the SVG's width/height; @default 1 */
  scale?: number;
}

/**
 * Render a Vega-Lite spec to an SVG string without a browser: vega-lite `compile`, then a headless vega `View`
 * (`renderer: 'none'`) and `view.toSVG()`. Text widths are estimated (no canvas in Node), so long CJK labels may
 * be laid out slightly narrower than in a browser.
 *
 * @example
 * const svg = await renderSvg(fanChart(input));
 * await writeFile('fan.svg', svg);
 */
export async function renderSvg(spec: TopLevelSpec, options: RenderSvgOptions = {}): Promise<string> {
  const { onWarning = (m: string) => console.warn(`renderSvg: ${m}`), scale = 1 } = options;
  const { vega, warnings } = compileSpec(spec);
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
