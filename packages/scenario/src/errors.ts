/**
 * The one error type for bad scenario input. Its message has one fixed format,
 * `"<file>:<line>: <field>: <problem>"` (line omitted when the parser cannot place it), so planners can jump to it.
 */
export class ScenarioError extends Error {
  override readonly name = 'ScenarioError';
  /**
   * @param file the scenario file (as given by the caller)
   * @param field JSON-pointer-like path of the offending field, e.g. `interventions[2].factor`
   * @param problem what is wrong, in plain words
   * @param line 1-based line from the YAML parser, when known
   */
  constructor(
    readonly file: string,
    readonly field: string,
    readonly problem: string,
    readonly line?: number,
  ) {
    super(`${file}${line !== undefined ? `:${line}` : ''}: ${field || '(root)'}: ${problem}`);
  }
}
