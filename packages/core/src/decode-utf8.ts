/**
 * Decoding input bytes as strict UTF-8 (no file access: used by the Node readers and usable in a browser).
 */

/**
 * Decodes `bytes` as UTF-8 (a leading BOM is dropped), refusing invalid sequences rather than replacing them with
 * U+FFFD: the error names the file and the line, and says the likely cause (GBK/GB18030 bytes). Old-Mac line
 * endings (CR alone) become LF, so line numbers stay right.
 *
 * @example decodeUtf8Text(Buffer.from('a,b\r1,2'), 'x.csv') // 'a,b\n1,2'
 */
export function decodeUtf8Text(bytes: Uint8Array, file: string): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    let bad = 0;
    // the first byte that starts an invalid sequence: decode growing prefixes is quadratic, so scan once
    for (let i = 0; i < bytes.length; ) {
      const b = bytes[i]!;
      const len = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
      let ok = len > 0 && i + len <= bytes.length;
      for (let k = 1; ok && k < len; k++) ok = (bytes[i + k]! & 0xc0) === 0x80;
      if (!ok) {
        bad = i;
        break;
      }
      i += len;
    }
    let line = 1;
    for (let i = 0; i < bad; i++) if (bytes[i] === 0x0a) line++;
    throw new Error(`${file}:${line}: not valid UTF-8 (byte offset ${bad}; GBK/GB18030 text?): save the file as UTF-8`);
  }
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}
