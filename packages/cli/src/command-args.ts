/**
 * What every command does first: parse its flags with `node:util` `parseArgs` (ignoring the literal `--` that
 * `pnpm run x -- …` passes), answer `--help`, and report a usage error the same way (`trajectory <command>: …` on
 * stderr, then the usage, exit code 2).
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { terminalSafe } from '@trajectory/core';

/** The `options` of a `parseArgs` config. */
type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

/** The flags and positionals of a command line, as `parseArgs` types them for `options`. */
export type CommandArgs<O extends OptionsConfig> = ReturnType<
  typeof parseArgs<{ args: string[]; options: O; allowPositionals: true }>
>;

/**
 * Print `trajectory <command>: <message>` on stderr, followed by the usage when one is given.
 *
 * @example printError('run', 'expected one scenario file', USAGE); return 2;
 */
export function printError(command: string, message: string, usage?: string): void {
  // messages quote file names, labels and fields from untrusted files: no escape sequences reach the terminal
  console.error(terminalSafe(`trajectory ${command}: ${message}${usage === undefined ? '' : `\n\n${usage}`}`));
}

/**
 * Parse `argv` for `command` (a `help` flag must be among `options`). Returns the parsed flags, or the exit code
 * when the command stops here: 0 after printing the usage for `--help`, 2 after a parse error (unknown flag, missing
 * value, or a positional when `allowPositionals` is false).
 *
 * @param options.allowPositionals accept positional arguments; @default false
 * @example
 * const args = parseCommandArgs('run', USAGE, argv, { seed: { type: 'string' }, help: { type: 'boolean', short: 'h' } });
 * if (typeof args === 'number') return args;
 */
export function parseCommandArgs<const O extends OptionsConfig>(
  command: string,
  usage: string,
  argv: string[],
  options: O,
  { allowPositionals = false }: { allowPositionals?: boolean } = {},
): CommandArgs<O> | number {
  let parsed: CommandArgs<O>;
  try {
    parsed = parseArgs({ args: argv.filter((a) => a !== '--'), options, allowPositionals: allowPositionals as true });
  } catch (error) {
    printError(command, (error as Error).message, usage);
    return 2;
  }
  if ((parsed.values as Record<string, unknown>).help) {
    console.log(usage);
    return 0;
  }
  return parsed;
}

/**
 * A usage-error reporter for `command`: prints `trajectory <command>: <message>` and the usage, returns exit code 2.
 *
 * @example
 * const fail = usageError('propose', USAGE);
 * if (year === null) return fail('--year must be a year such as 2030');
 */
export function usageError(command: string, usage: string): (message: string) => number {
  return (message) => {
    printError(command, message, usage);
    return 2;
  };
}

/** A flag's parsed value, or the usage-error message naming the flag. */
export type FlagValue<T> = { value: T } | { error: string };

/**
 * A year flag (`--year`, `--as-of`, `--written`): four digits, or absent (`value` undefined).
 *
 * @example
 * yearFlag('--as-of', '2020'); // { value: 2020 }
 * yearFlag('--as-of', '20x0'); // { error: "--as-of must be a year such as 2020, got '20x0'" }
 */
export function yearFlag(flag: string, text: string | undefined): FlagValue<number | undefined> {
  if (text === undefined) return { value: undefined };
  return /^\d{4}$/.test(text.trim())
    ? { value: Number(text) }
    : { error: `${flag} must be a year such as 2020, got '${text}'` };
}

/**
 * A comma-separated list of probabilities, each a plain decimal number strictly between 0 and 1; `fallback` when
 * the flag is absent.
 *
 * @example
 * probabilityListFlag('--probability', '0.8,0.5', [0.9]); // { value: [0.8, 0.5] }
 * probabilityListFlag('--probability', '0.5,1', [0.9]);   // { error: "--probability takes … got '1'" }
 */
export function probabilityListFlag(
  flag: string,
  text: string | undefined,
  fallback: readonly number[],
): FlagValue<number[]> {
  if (text === undefined) return { value: [...fallback] };
  const parts = text.split(',').map((s) => s.trim());
  // Number() alone would take '', '0x1', ' 5e-1 ' and 'Infinity': the flag wants written-out decimals
  const bad = parts.find((s) => !(/^(\d*\.\d+|\d+(\.\d+)?(e-?\d+)?)$/i.test(s) && Number(s) > 0 && Number(s) < 1));
  if (bad !== undefined)
    return { error: `${flag} takes numbers strictly between 0 and 1, separated by commas, got '${bad}'` };
  return { value: parts.map(Number) };
}
