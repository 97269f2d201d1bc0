/**
 * Remove web-page debris from a document published as HTML or pasted from a browser: `<script>`/`<style>` blocks,
 * comments, tags (block-level tags become line breaks so table cells and paragraphs stay apart), and character
 * entities (`&nbsp;`, `&amp;`, `&#20013;`, `&#x4e2d;`). Runs in linear time, also on hostile input: script blocks
 * and comments are removed by one forward scan that remembers where the next closer is (a lazy `[\s\S]*?` regex
 * would rescan the rest of the text for every unclosed opener), and the remaining regexes cannot run past the next
 * `<`.
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
  return removeBlocks(text)
    .replace(/<\/?([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*>/g, (_m, tag: string) => (BLOCK_TAGS.test(tag) ? '\n' : ''))
    .replace(/&(#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});/g, (m, body: string) => {
      if (body.startsWith('#x') || body.startsWith('#X')) return safeCodePoint(parseInt(body.slice(2), 16)) ?? m;
      if (body.startsWith('#')) return safeCodePoint(parseInt(body.slice(1), 10)) ?? m;
      return NAMED_ENTITIES[body.toLowerCase()] ?? m;
    });
}

const BLOCK_OPENER = /<(script|style|noscript)\b[^<>]*>/iy;

/**
 * Remove `<script>`/`<style>`/`<noscript>` blocks (each becomes a line break) and comments in one pass. An opener
 * without its closer stays (the tag pass removes the tag itself). The next closer of each kind is searched for once
 * and remembered until the scan passes it, so the searches never overlap: linear time.
 */
function removeBlocks(text: string): string {
  if (!text.includes('<')) return text;
  const lower = text.toLowerCase();
  const next = new Map<string, { from: number; start: number; end: number }>();
  /** The first closer at or after `from` (`start` -1 when there is none). */
  const closer = (name: string, from: number): { start: number; end: number } => {
    const cached = next.get(name);
    if (cached && cached.from <= from && (cached.start < 0 || cached.start >= from)) return cached;
    const needle = name === '--' ? '-->' : `</${name}`;
    let start = lower.indexOf(needle, from);
    let end = -1;
    while (start >= 0) {
      if (name === '--') {
        end = start + 3;
        break;
      }
      let k = start + needle.length;
      while (k < text.length && /\s/.test(text[k]!)) k++;
      if (text[k] === '>') {
        end = k + 1;
        break;
      }
      start = lower.indexOf(needle, start + 1);
    }
    const found = { from, start, end };
    next.set(name, found);
    return found;
  };
  const out: string[] = [];
  let copied = 0;
  let i = text.indexOf('<');
  while (i >= 0) {
    let skipTo = -1;
    let replacement = '';
    if (text.startsWith('<!--', i)) {
      const c = closer('--', i + 4);
      if (c.start >= 0) skipTo = c.end;
    } else {
      BLOCK_OPENER.lastIndex = i;
      const m = BLOCK_OPENER.exec(text);
      if (m) {
        const c = closer(m[1]!.toLowerCase(), i + m[0].length);
        if (c.start >= 0) {
          skipTo = c.end;
          replacement = '\n';
        }
      }
    }
    if (skipTo >= 0) {
      out.push(text.slice(copied, i), replacement);
      copied = skipTo;
      i = text.indexOf('<', skipTo);
    } else {
      i = text.indexOf('<', i + 1);
    }
  }
  out.push(text.slice(copied));
  return out.join('');
}

function safeCodePoint(cp: number): string | undefined {
  return Number.isInteger(cp) && cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : undefined;
}
