import * as vega from 'vega';
import { openFace, type FontChoice } from './font.ts';

/** vega-scenegraph's text-metrics hook (exported by vega at runtime, absent from its typings). */
interface TextMetrics {
  width: (item: { fontSize?: number; limit?: number }, text: unknown) => number;
  estimateWidth: (item: object, text: unknown) => number;
}

/**
 * A text-width function from a font's advance widths: Σ advance(glyph) · fontSize / unitsPerEm, regular weight
 * (bold titles come out slightly narrow). Widths of labels with a `limit` are capped at the limit.
 *
 * @example
 * fontTextWidth(resolveCjkFont())({ fontSize: 10 }, '南开区') // 30: CJK glyphs are 1 em wide
 */
export function fontTextWidth(font: FontChoice): TextMetrics['width'] {
  const face = openFace(font);
  const advance = new Map<number, number>();
  return (item, text) => {
    const s = text == null ? '' : String(text).trim();
    const size = item.fontSize != null ? +item.fontSize || 0 : 11;
    let units = 0;
    for (const ch of s) {
      const cp = ch.codePointAt(0) ?? 0;
      let a = advance.get(cp);
      if (a === undefined) {
        a = face.glyphForCodePoint(cp).advanceWidth;
        advance.set(cp, a);
      }
      units += a;
    }
    const w = (units * size) / face.unitsPerEm;
    return item.limit && item.limit > 0 ? Math.min(w, item.limit) : w;
  };
}

let installed: string | undefined;

/**
 * Make headless vega lay out text with the real advance widths of `font` instead of its estimate
 * (0.8 em per character, which under-measures CJK text at 1 em): sets vega's `textMetrics.width`, the hook
 * vega-scenegraph provides for canvas-less runtimes (vl-convert uses it the same way). Process-wide and
 * idempotent; `null` restores vega's estimate.
 *
 * @example
 * useFontTextMetrics(resolveCjkFont());
 */
export function useFontTextMetrics(font: FontChoice | null): void {
  const metrics = (vega as unknown as { textMetrics: TextMetrics }).textMetrics;
  const key = font ? `${font.file}#${font.family}` : undefined;
  if (key === installed) return;
  metrics.width = font ? fontTextWidth(font) : metrics.estimateWidth;
  installed = key;
}
