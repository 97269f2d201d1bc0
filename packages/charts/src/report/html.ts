/**
 * Escape text for HTML element content and attribute values.
 * @example
 * escapeHtml('R&D <5%>'); // 'R&amp;D &lt;5%&gt;'
 */
export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

/**
 * Serialise JSON for a `<script type="application/json">` block: `<` is escaped as `\u003c` so a quote containing
 * `</script>` cannot end the block, and U+2028/2029 are escaped for old parsers.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** A URL- and id-safe slug: ASCII letters/digits kept, anything else collapsed to `-`; never empty. */
export function slug(text: string, fallback = 'item'): string {
  const s = text
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase();
  return s || fallback;
}

/**
 * A stable HTML id for any text: `prefix-` + the slug, plus a short hash of the text when the slug lost
 * characters, so different texts (`南开区`, `河西区`, `a.b`, `a-b`) never share an id.
 * @example
 * anchorId('region', 'nankai'); // 'region-nankai'
 */
export function anchorId(prefix: string, text: string): string {
  const s = slug(text, '');
  if (s === text) return `${prefix}-${s}`;
  let h = 0x811c9dc5; // FNV-1a, 32 bit
  for (const c of text) {
    h ^= c.codePointAt(0) ?? 0;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${prefix}-${s ? `${s}-` : ''}${h.toString(36)}`;
}
