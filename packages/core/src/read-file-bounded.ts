/**
 * Reading an input file safely: only a regular file (a FIFO, a device such as /dev/zero, a directory or a socket is
 * refused before any byte is read), and at most `maxBytes` (read in chunks, so a file that grows while it is read
 * stops at the cap too).
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { InputLimitError, LIMITS } from './limits.ts';

/** Options of {@link readFileBounded}. */
export interface ReadBoundedOptions {
  /** @default LIMITS.fileBytes */
  maxBytes?: number;
}

/** The kind of a non-regular file, for the error message. */
function kindOf(stat: ReturnType<typeof fstatSync>): string {
  if (stat.isDirectory()) return 'a directory';
  if (stat.isFIFO()) return 'a FIFO (named pipe)';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isSocket()) return 'a socket';
  return 'not a regular file';
}

/**
 * Reads `path` whole, refusing non-regular files and files over `maxBytes`. Throws an `Error` with the code of the
 * system error (ENOENT, EACCES, ...) when the file cannot be opened, and {@link InputLimitError} past the cap.
 *
 * @example const bytes = readFileBounded('plan.txt', { maxBytes: 1 << 20 });
 */
export function readFileBounded(path: string, { maxBytes = LIMITS.fileBytes }: ReadBoundedOptions = {}): Buffer {
  // O_NONBLOCK: opening a FIFO with no writer must not block before fstat can refuse it
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new Error(`${path} is ${kindOf(stat)}, not a regular file`);
    const tooBig = (): never => {
      throw new InputLimitError(
        'fileBytes',
        `${path} is larger than the input limit of ${maxBytes} bytes (raise it with --max-file-bytes)`,
      );
    };
    if (stat.size > maxBytes) tooBig();
    const chunks: Buffer[] = [];
    let total = 0;
    const chunk = Buffer.allocUnsafe(Math.min(1 << 20, maxBytes + 1));
    for (;;) {
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      total += n;
      if (total > maxBytes) tooBig();
      chunks.push(Buffer.from(chunk.subarray(0, n)));
    }
    return Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}

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

/**
 * {@link readFileBounded} then {@link decodeUtf8Text}.
 *
 * @example const text = readTextFileBounded('scenario.yaml');
 */
export function readTextFileBounded(path: string, options: ReadBoundedOptions = {}): string {
  return decodeUtf8Text(readFileBounded(path, options), path);
}
