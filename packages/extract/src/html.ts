/**
 * Remove web-page debris from a document published as HTML or pasted from a browser: `<script>`/`<style>` blocks,
 * comments, tags (block-level tags become line breaks so table cells and paragraphs stay apart), and character
 * entities (`&nbsp;`, `&amp;`, `&#20013;`, `&#x4e2d;`). Runs in linear time (each regex is a single left-to-right
 * scan without nested quantifiers).
 */

const NAMED_ENTITIES: Record<string, string> = {
  nbsp: ' ',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  middot: '·',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  ensp: ' ',
  emsp: ' ',
  times: '×',
  deg: '°',
  sup2: '²',
};

const BLOCK_TAGS =
  /^(?:p|div|br|tr|td|th|li|ul|ol|table|h[1-6]|section|article|header|footer|title|thead|tbody|dt|dd)$/i;

/**
 * Does the text look like HTML (a tag or an entity the stripper would remove)? "R&D" and "x<5" do not.
 *
 * @example looksLikeHtml('<p>企业</p>') // true
 */
export function looksLikeHtml(text: string): boolean {
  return /<\/?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?\/?>|&(?:#\d{2,6}|#x[0-9a-fA-F]{2,5}|[a-zA-Z]{2,8});/.test(text);
}

/**
 * Strip HTML debris and decode entities.
 *
 * @example stripHtml('<p>高新技术企业&nbsp;146家</p>') // '\n高新技术企业 146家\n'
 */
export function stripHtml(text: string): string {
  return text
    .replace(/<(script|style|noscript)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '\n')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<\/?([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*>/g, (_m, tag: string) => (BLOCK_TAGS.test(tag) ? '\n' : ''))
    .replace(/&(#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});/g, (m, body: string) => {
      if (body.startsWith('#x') || body.startsWith('#X')) return safeCodePoint(parseInt(body.slice(2), 16)) ?? m;
      if (body.startsWith('#')) return safeCodePoint(parseInt(body.slice(1), 10)) ?? m;
      return NAMED_ENTITIES[body.toLowerCase()] ?? m;
    });
}

function safeCodePoint(cp: number): string | undefined {
  return Number.isInteger(cp) && cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : undefined;
}
