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
