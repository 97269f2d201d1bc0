const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * The text content of every `<text>` element of an SVG string (vega's SVG output puts each label in one `<text>`,
 * possibly with `<tspan>` lines), entities decoded. Used to check font coverage and year formatting.
 *
 * @example
 * svgTexts('<svg><text x="0">2015</text></svg>') // ['2015']
 */
export function svgTexts(svg: string): string[] {
  const out: string[] = [];
  for (const m of svg.matchAll(/<text\b[^>]*>([\s\S]*?)<\/text>/g)) {
    const inner = (m[1] ?? '').replace(/<[^>]+>/g, ' ');
    out.push(
      inner
        .replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (e, code: string) => {
          if (code.startsWith('#x') || code.startsWith('#X')) return String.fromCodePoint(parseInt(code.slice(2), 16));
          if (code.startsWith('#')) return String.fromCodePoint(parseInt(code.slice(1), 10));
          return ENTITIES[code] ?? e;
        })
        .trim(),
    );
  }
  return out;
}
