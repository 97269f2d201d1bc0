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

/**
 * Progress of a long command: the bar when stderr is a terminal; otherwise, when `lines` is set (a `--progress`
 * flag), a line `prefix: done/total what` each time another 5 % is done; else `undefined` (nothing is written).
 * @example
 * const progress = progressReporter('indicators', { lines: values.progress, prefix: 'assess' });
 * await assessPlanParallel(indicators, { ...(progress ? { onProgress: progress.update } : {}) });
 * progress?.clear();
 */
export function progressReporter(
  what: string,
  options: { lines?: boolean; prefix: string },
  stream: NodeJS.WriteStream = process.stderr,
): { update: (done: number, total: number) => void; clear: () => void } | undefined {
  const bar = progressBar(what, stream);
  if (bar || !options.lines) return bar;
  let shown = -1;
  return {
    update: (done, total) => {
      const step = total > 0 ? Math.floor((20 * done) / total) : 20;
      if (step === shown) return;
      shown = step;
      stream.write(`${options.prefix}: ${done}/${total} ${what}\n`);
    },
    clear: () => {},
  };
}
