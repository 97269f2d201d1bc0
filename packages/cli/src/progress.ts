/**
 * A one-line progress bar on stderr, redrawn in place; only when stderr is a terminal (a pipe or file gets nothing).
 */

/**
 * A progress callback for `done` of `total` units named `what`, or `undefined` when stderr is not a terminal;
 * `clear()` erases the line afterwards.
 * @example
 * const bar = progressBar('indicators');
 * assessPlan(indicators, { ...(bar ? { onProgress: bar.update } : {}) });
 * bar?.clear();
 */
export function progressBar(
  what: string,
  stream: NodeJS.WriteStream = process.stderr,
): { update: (done: number, total: number) => void; clear: () => void } | undefined {
  if (stream.isTTY !== true) return undefined;
  const width = 30;
  return {
    update: (done, total) => {
      const filled = total > 0 ? Math.round((done / total) * width) : width;
      stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${what}`);
    },
    clear: () => void stream.write('\r\x1b[K'),
  };
}
