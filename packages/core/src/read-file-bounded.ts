/**
 * Reading an input file safely: only a regular file (a FIFO, a device such as /dev/zero, a directory or a socket is
 * refused before any byte is read), and at most `maxBytes` (read in chunks, so a file that grows while it is read
 * stops at the cap too). Node only: exported by `@trajectory/core/node`.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { decodeUtf8Text } from './decode-utf8.ts';
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
 * {@link readFileBounded} then {@link decodeUtf8Text}.
 *
 * @example const text = readTextFileBounded('scenario.yaml');
 */
export function readTextFileBounded(path: string, options: ReadBoundedOptions = {}): string {
  return decodeUtf8Text(readFileBounded(path, options), path);
}
