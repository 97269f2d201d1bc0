/**
 * Aligned plain-text tables for the commands' terminal output, where CJK and full-width characters take two columns
 * (East Asian Wide/Fullwidth, Unicode UAX #11: Hangul Jamo, CJK radicals to Yi, Hangul syllables, CJK compatibility
 * ideographs and forms, full-width forms, supplementary ideographs).
 */

const WIDE =
  /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{20000}-\u{3fffd}]/u;

/**
 * Display width of `s` in a monospace terminal (wide characters count 2).
 *
 * @example displayWidth('高企 650') // 8
 */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += WIDE.test(ch) ? 2 : 1;
  return w;
}

/**
 * `s` followed by spaces up to display width `n` (unchanged when already as wide).
 *
 * @example padDisplay('瞪羚', 6) // '瞪羚  '
 */
export function padDisplay(s: string, n: number): string {
  return s + ' '.repeat(Math.max(0, n - displayWidth(s)));
}

/**
 * The display width of each column: the widest cell in it.
 *
 * @example columnWidths([['id', '名称'], ['gazelle', '瞪羚']]) // [7, 4]
 */
export function columnWidths(rows: readonly (readonly string[])[]): number[] {
  // loops, not Math.max(...rows): a spread of a long table exceeds the engine's argument limit
  const widths: number[] = [];
  for (const r of rows) {
    for (let i = 0; i < r.length; i++) widths[i] = Math.max(widths[i] ?? 0, displayWidth(r[i]!));
  }
  return widths;
}

/**
 * Lines of `rows` with every column padded to its width, columns two spaces apart, `indent` before each line and
 * trailing spaces removed.
 *
 * @example alignColumns([['a', 'bb'], ['瞪羚', 'c']]) // ['a     bb', '瞪羚  c']
 */
export function alignColumns(rows: readonly (readonly string[])[], indent = ''): string[] {
  const widths = columnWidths(rows);
  return rows.map((r) => `${indent}${r.map((c, i) => padDisplay(c, widths[i]!)).join('  ')}`.trimEnd());
}

/**
 * `s` cut to at most `width` display columns, ending in `…` when cut.
 *
 * @example clipDisplay('gazelle_enterprises', 8) // 'gazelle…'
 */
export function clipDisplay(s: string, width: number): string {
  if (displayWidth(s) <= width) return s;
  let out = '';
  for (const ch of s) {
    if (displayWidth(out + ch) > width - 1) break;
    out += ch;
  }
  return `${out}…`;
}

/**
 * `text` as lines of at most `width` display columns, broken at spaces, continuation lines indented by six
 * spaces (a single word wider than `width` stays whole).
 *
 * @example wrapDisplay('a bb ccc', 5) // ['a bb', '      ccc']
 */
export function wrapDisplay(text: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && displayWidth(`${line} ${word}`) > width) {
      out.push(line);
      line = `      ${word}`;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  return out;
}
