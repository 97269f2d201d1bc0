/**
 * Turn the bytes of a planning document into text: UTF-8 (with or without BOM), UTF-16 with BOM, or GBK/GB18030
 * (common for Chinese government documents), detected by trying a strict UTF-8 decode first; UTF-8 with a few
 * damaged bytes (under 1% of its multi-byte characters) is kept, the damage replaced by U+FFFD. HTML debris is
 * stripped. Problems that leave no usable text (empty file, binary data, undecodable bytes) throw an `Error`
 * naming the file; recoverable ones (a legacy encoding, HTML) are reported as warnings.
 */
import { looksLikeHtml, stripHtml } from './html.ts';

/** The decoded document and what was done to get it. */
export interface DecodedDocument {
  text: string;
  /** `utf-8`, `utf-16le`, `utf-16be` or `gb18030` */
  encoding: string;
  warnings: string[];
}

/**
 * Decode a document's bytes. Node's `TextDecoder('gb18030')` (full ICU, the default Node build) decodes GBK as
 * well, GB18030 being a superset.
 *
 * @param bytes the file's contents
 * @param file the file name, used in messages
 * @throws Error `"<file>: empty file"`, `"<file>: binary data (NUL bytes at offset N), not a text document"`,
 *   `"<file>: not valid UTF-8 or GB18030 text (invalid byte sequence near offset N)"`, or
 *   `"<file>: no text (the file holds only whitespace or markup)"`
 * @example
 * const { text, warnings } = decodeDocument(readFileSync('plan.txt'), 'plan.txt');
 */
export function decodeDocument(bytes: Uint8Array, file: string): DecodedDocument {
  const warnings: string[] = [];
  if (bytes.length === 0) throw new Error(`${file}: empty file`);
  let encoding = 'utf-8';
  let text: string;
  const bom16 =
    bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
  if (bom16) {
    encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    text = new TextDecoder(encoding).decode(bytes);
  } else {
    const nul = bytes.indexOf(0);
    if (nul >= 0) throw new Error(`${file}: binary data (NUL byte at offset ${nul}), not a text document`);
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      const { valid, invalid } = utf8Stats(bytes);
      if (valid > 0 && invalid <= valid / 100) {
        // UTF-8 with a few damaged bytes (a truncated download, a bad copy): keep the text, mark the damage
        text = new TextDecoder('utf-8').decode(bytes);
        warnings.push(
          `${file}: ${invalid} invalid UTF-8 byte sequence(s) replaced by U+FFFD (first near offset ${firstInvalidUtf8(bytes)})`,
        );
        return finish(text, encoding, warnings, file);
      }
      try {
        text = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
        encoding = 'gb18030';
        warnings.push(`${file}: not UTF-8; decoded as GBK/GB18030`);
      } catch {
        throw new Error(
          `${file}: not valid UTF-8 or GB18030 text (invalid byte sequence near offset ${firstInvalidUtf8(bytes)})`,
        );
      }
    }
  }
  return finish(text, encoding, warnings, file);
}

/** Checks and clean-up shared by every decoding path. */
function finish(decoded: string, encoding: string, warnings: string[], file: string): DecodedDocument {
  let text = decoded.replace(/^\uFEFF/, '');
  // Control characters other than tab/newline/CR in quantity mean the "text" is something else.
  const controls = (text.match(/[\u0001-\u0008\u000E-\u001F]/g) ?? []).length;
  if (controls > Math.max(8, text.length * 0.01)) {
    throw new Error(`${file}: binary data (${controls} control characters), not a text document`);
  }
  if (looksLikeHtml(text)) {
    text = stripHtml(text);
    warnings.push(`${file}: HTML markup removed`);
  }
  text = text.replace(/\r\n?/g, '\n');
  if (text.trim().length === 0) throw new Error(`${file}: no text (the file holds only whitespace or markup)`);
  return { text, encoding, warnings };
}

/** Count well-formed multi-byte UTF-8 sequences and damaged places (a run of invalid bytes counts once). */
function utf8Stats(bytes: Uint8Array): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  let i = 0;
  let inRun = false;
  while (i < bytes.length) {
    const len = sequenceLength(bytes, i);
    if (len === 0) {
      if (!inRun) invalid++;
      inRun = true;
      i++;
    } else {
      inRun = false;
      if (len > 1) valid++;
      i += len;
    }
  }
  return { valid, invalid };
}

/** Length of the well-formed UTF-8 sequence at `i`, or 0 if it is malformed. */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i]!;
  const len = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
  if (len === 0 || i + len > bytes.length) return 0;
  for (let k = 1; k < len; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return 0;
  return len;
}

/** Offset of the first byte where strict UTF-8 decoding fails (for the error message). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const len = sequenceLength(bytes, i);
    if (len === 0) return i;
    i += len;
  }
  return i;
}
