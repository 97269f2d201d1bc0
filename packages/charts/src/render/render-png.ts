import type { TopLevelSpec } from 'vega-lite';
import { Resvg } from '@resvg/resvg-js';
import { fontCoverage, resolveCjkFont, type FontChoice } from './font.ts';
import { renderSvg, type RenderSvgOptions } from './render-svg.ts';
import { svgTexts } from './svg-text.ts';

/** Options of {@link renderPng}. */
export interface RenderPngOptions extends RenderSvgOptions {
  /** font to rasterise text with; @default {@link resolveCjkFont}() */
  font?: FontChoice;
  /** pixel zoom of the raster relative to the SVG size; @default 2 */
  zoom?: number;
}

/** Result of {@link renderPng}: the PNG bytes plus what the rasteriser could and could not draw. */
export interface RenderedPng {
  png: Buffer;
  /** raw RGBA pixels, row-major, `width * height * 4` bytes (for checks without a PNG decoder) */
  pixels: Uint8Array;
  width: number;
  height: number;
  /** the SVG that was rasterised */
  svg: string;
  font: FontChoice;
  /** characters of the chart's text that the font has no glyph for (drawn as .notdef boxes); ideally empty */
  missingGlyphs: string[];
}

/**
 * Render a Vega-Lite spec to PNG without a browser: {@link renderSvg}, then `@resvg/resvg-js` with only the CJK
 * font loaded (`loadSystemFonts: false`, so output does not depend on the machine's other fonts) and set as the
 * default family. Reports characters the font cannot draw instead of silently emitting boxes.
 *
 * @example
 * const { png, missingGlyphs } = await renderPng(fanChart(input));
 * if (missingGlyphs.length) console.warn('no glyph for', missingGlyphs.join(''));
 */
export async function renderPng(spec: TopLevelSpec, options: RenderPngOptions = {}): Promise<RenderedPng> {
  const font = options.font ?? resolveCjkFont();
  const { zoom = 2 } = options;
  const svg = await renderSvg(spec, options);
  const resvg = new Resvg(svg, {
    font: {
      fontFiles: [font.file],
      loadSystemFonts: false,
      defaultFontFamily: font.family,
      sansSerifFamily: font.family,
    },
    fitTo: { mode: 'zoom', value: zoom },
    background: 'white',
    logLevel: 'off',
  });
  const image = resvg.render();
  const { missing } = fontCoverage(svgTexts(svg).join(''), font);
  return {
    png: image.asPng(),
    pixels: new Uint8Array(image.pixels),
    width: image.width,
    height: image.height,
    svg,
    font,
    missingGlyphs: missing,
  };
}
