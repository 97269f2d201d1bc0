/**
 * Split a document into paragraphs and sentences, keeping character offsets into the original text.
 *
 * Lines are joined into one paragraph while a line does not end a sentence: PDF-to-text conversion breaks
 * sentences at page and line ends ("创造了良\n\n好的条件"), and a year stated before the break ("力争到2023年…")
 * must still apply after it. Sentences end at 。；;！？!? and at paragraph ends. One pass, linear time.
 */

/** A span of the document: `[start, end)` offsets and the text between them. */
export interface Span {
  start: number;
  end: number;
  text: string;
}

/** A paragraph (lines joined while a sentence continues) with its sentences. */
export interface Paragraph extends Span {
  sentences: Span[];
}

const SENTENCE_END = /[。；;！？!?]/;
const LINE_END_CLOSES = /[。；;！？!?：:…]\s*$|^\s*$/;
/** A numbered heading line ("（三）发展目标", "二、形势与需求", "1、创新投入") is a paragraph of its own. */
const HEADING_LINE =
  /^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d{1,2}\s*[、．]|第[一二三四五六七八九十]+[章节部分])[^。；;]{0,30}$/;

/**
 * Paragraphs of `text` from `start` to `end` (default: the whole text), each with its sentences.
 *
 * @example paragraphs('到2025年，企业达到10家。\n其中…')[0].sentences[0].text // '到2025年，企业达到10家。'
 */
export function paragraphs(text: string, start = 0, end = text.length): Paragraph[] {
  const out: Paragraph[] = [];
  let paraStart = -1;
  let pos = start;
  while (pos < end) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0 || nl > end) nl = end;
    const line = text.slice(pos, nl);
    const blank = line.trim().length === 0;
    if (!blank && paraStart < 0) paraStart = pos;
    // A line that ends a sentence (or a heading-like short line ending in digits/words followed by a blank) closes
    // the paragraph; a line that stops mid-sentence continues into the next non-blank line.
    const heading = !blank && HEADING_LINE.test(line);
    if (heading && paraStart >= 0 && paraStart < pos) {
      // close the paragraph before the heading, then let the heading be its own
      out.push(makeParagraph(text, paraStart, pos - 1));
      paraStart = pos;
    }
    const closes = !blank && (heading || LINE_END_CLOSES.test(line));
    if (paraStart >= 0 && (closes || nl >= end)) {
      out.push(makeParagraph(text, paraStart, nl));
      paraStart = -1;
    }
    pos = nl + 1;
  }
  if (paraStart >= 0) out.push(makeParagraph(text, paraStart, end));
  return out;
}

function makeParagraph(text: string, start: number, end: number): Paragraph {
  const sentences: Span[] = [];
  let s = start;
  for (let i = start; i < end; i++) {
    if (SENTENCE_END.test(text[i]!)) {
      pushSpan(text, sentences, s, i + 1);
      s = i + 1;
    }
  }
  pushSpan(text, sentences, s, end);
  return { start, end, text: text.slice(start, end), sentences };
}

function pushSpan(text: string, into: Span[], start: number, end: number): void {
  // trim whitespace at both ends, keeping offsets exact
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end > start) into.push({ start, end, text: text.slice(start, end) });
}
