import { compile, type TopLevelSpec } from 'vega-lite';
import { logger as vegaLogger, Warn, type Spec as VegaSpec } from 'vega';

/** Result of {@link compileSpec}: the Vega spec and every warning Vega-Lite logged while compiling. */
export interface CompiledSpec {
  vega: VegaSpec;
  warnings: string[];
}

/**
 * A vega-util logger that collects warnings into `sink` instead of printing them (vega-lite's own tests use a
 * local logger the same way, so a compile warning becomes data a test can assert on).
 * @example
 * const warnings: string[] = [];
 * compile(spec, { logger: collectingLogger(warnings) });
 */
export function collectingLogger(sink: string[]) {
  return vegaLogger(Warn, undefined, (method: string, _level: string, input: unknown[]) => {
    if (method === 'error') throw new Error(input.map(String).join(' '));
    sink.push(input.map(String).join(' '));
  });
}

/**
 * Compile a Vega-Lite spec to Vega, capturing warnings through a local logger (no global logger state).
 *
 * @example
 * const { vega, warnings } = compileSpec(fanChart(input));
 * if (warnings.length) console.warn(warnings);
 */
export function compileSpec(spec: TopLevelSpec): CompiledSpec {
  const warnings: string[] = [];
  const { spec: vega } = compile(spec, { logger: collectingLogger(warnings) });
  return { vega, warnings };
}
