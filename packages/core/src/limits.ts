/**
 * Resource limits for untrusted input, defined once and used by every package and the CLI. Past a limit a run stops
 * before it allocates or loops, with an error that names the limit, the amount the input would need and the flag
 * that raises it (where there is one).
 */

/** The limits; each CLI flag named here overrides one for a single run. */
export const LIMITS = {
  /** bytes read from one input file (scenario, CSV, document); `--max-file-bytes` */
  fileBytes: 64 * 1024 * 1024,
  /** estimated bytes of simulated paths in one run (draws × years × series × 8 bytes × 2 runs); `--memory-budget` */
  memoryBytes: 1024 * 1024 * 1024,
  /** Monte Carlo draws (the scenario schema's maximum), also for `--draws` and `assess --paths` */
  draws: 10_000_000,
  /** characters of one expression (scenario `derived`, fit `expressionFamily`) */
  expressionChars: 4_000,
  /** nodes of one parsed expression */
  expressionNodes: 1_000,
  /** nesting depth of one expression (parentheses, function calls, operators) */
  expressionDepth: 64,
  /** nodes of a symbolic derivative in `expressionFamily`; larger ones fall back to finite differences */
  derivativeNodes: 5_000,
  /** nesting depth of a YAML or JSON scenario document */
  documentDepth: 64,
  /** largest accepted seed (seeds are 32-bit) */
  seed: 4_294_967_295,
} as const;

/** An input that exceeds one of the {@link LIMITS}. `limit` names the key of `LIMITS`. */
export class InputLimitError extends Error {
  readonly limit: keyof typeof LIMITS;
  constructor(limit: keyof typeof LIMITS, message: string) {
    super(message);
    this.name = 'InputLimitError';
    this.limit = limit;
  }
}

/** Human-readable bytes (binary units), for limit messages. */
function formatBytes(n: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  let v = n;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return u === 0 ? `${n} bytes` : `${v.toFixed(v >= 100 ? 0 : 1)} ${units[u]}`;
}

/**
 * Estimated memory of a simulation: `draws` paths over `years` for `series` series, as 8-byte numbers, twice (the
 * baseline and the scenario are held at the same time).
 *
 * @example simulationBytes(10000, 10, 3) // 4800000
 */
export function simulationBytes(draws: number, years: number, series: number): number {
  return draws * years * Math.max(1, series) * 8 * 2;
}

/**
 * Throws an {@link InputLimitError} when a run of `draws` × `years` × `series` would exceed `budget` bytes. The
 * message says what the run would need and how to change it.
 *
 * @example checkSimulationBudget(10000, 10, 3); // within the default 1 GiB: returns quietly
 */
export function checkSimulationBudget(
  draws: number,
  years: number,
  series: number,
  budget: number = LIMITS.memoryBytes,
): void {
  const need = simulationBytes(draws, years, series);
  if (need > budget) {
    throw new InputLimitError(
      'memoryBytes',
      `${draws} draws × ${years} years × ${Math.max(1, series)} series would need about ${formatBytes(need)} ` +
        `of memory, over the budget of ${formatBytes(budget)}: lower the draws or the horizon, or raise --memory-budget`,
    );
  }
}

/**
 * Parses a byte count as given on a command line: an integer with an optional unit K, M, G (binary: 1K = 1024).
 * Returns `undefined` for anything else.
 *
 * @example parseByteSize('512M') // 536870912
 */
export function parseByteSize(text: string): number | undefined {
  const m = /^(\d+)\s*([KMG]i?B?|B)?$/i.exec(text.trim());
  if (!m) return undefined;
  const unit = (m[2] ?? '').toUpperCase()[0];
  const factor = unit === 'K' ? 1024 : unit === 'M' ? 1024 ** 2 : unit === 'G' ? 1024 ** 3 : 1;
  const v = Number(m[1]) * factor;
  return Number.isSafeInteger(v) && v > 0 ? v : undefined;
}

/**
 * Maximum nesting depth of brackets `([{` in `text`, skipping quoted strings; stops counting once past `stopAt`.
 * Used to refuse deeply nested expressions and documents before a recursive parser overflows the stack.
 *
 * @example bracketDepth('f((a))') // 3
 */
export function bracketDepth(text: string, stopAt = Number.POSITIVE_INFINITY): number {
  let depth = 0;
  let max = 0;
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '(' || c === '[' || c === '{') {
      depth++;
      if (depth > max) {
        max = depth;
        if (max > stopAt) return max;
      }
    } else if (c === ')' || c === ']' || c === '}') depth = Math.max(0, depth - 1);
  }
  return max;
}
