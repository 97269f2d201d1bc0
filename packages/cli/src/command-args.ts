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
