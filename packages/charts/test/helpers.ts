/** Test helpers: the installed Vega-Lite JSON schema compiled with Ajv, configured like vega-lite's own tests. */
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import type { TopLevelSpec } from 'vega-lite';

const require = createRequire(import.meta.url);
const schema = require('vega-lite/vega-lite-schema.json') as object;

// vega-lite's test/spec validation: draft-07 schema, union types allowed, non-strict (the schema uses
// keywords/formats Ajv's strict mode rejects). Formats are not validated (no ajv-formats here).
const ajv = new Ajv({ allowUnionTypes: true, strict: false, validateFormats: false, allErrors: true });
const validate = ajv.compile(schema);

/** Schema errors of a spec as readable lines; empty when valid. */
export function schemaErrors(spec: TopLevelSpec): string[] {
  // Round-trip through JSON: what is validated is what an editor or vega-embed would read.
  return validate(JSON.parse(JSON.stringify(spec)))
    ? []
    : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}
