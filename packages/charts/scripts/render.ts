/**
 * Render Vega-Lite spec files to SVG or PNG without a browser:
 *   pnpm exec tsx packages/charts/scripts/render.ts IN.vl.json OUT.(svg|png) [--zoom 2]
 * e.g. the report's `DIR/specs/*.vl.json` or `packages/charts/test/output/*.vl.json`.
 * Prints the font used and any characters it has no glyph for.
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import type { TopLevelSpec } from 'vega-lite';
import { writeFileAtomic } from '@trajectory/core/node';
import { renderPng, renderSvg } from '../src/render.ts';

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv.filter((a) => a !== '--'),
    options: { zoom: { type: 'string' } },
    allowPositionals: true,
  });
  const [input, output] = positionals;
  if (!input || !output || !['.svg', '.png'].includes(extname(output))) {
    console.error('usage: render.ts IN.vl.json OUT.(svg|png) [--zoom 2]');
    return 2;
  }
  let spec: TopLevelSpec;
  try {
    spec = JSON.parse(await readFile(input, 'utf8')) as TopLevelSpec;
  } catch (err) {
    console.error(`render: cannot read ${input}: ${(err as Error).message}`);
    return 1;
  }
  if (extname(output) === '.svg') {
    await writeFileAtomic(output, await renderSvg(spec));
  } else {
    const zoom = values.zoom === undefined ? 2 : Number(values.zoom);
    const r = await renderPng(spec, { zoom });
    await writeFileAtomic(output, r.png);
    console.log(`${output}: ${r.width}x${r.height}, font ${r.font.family} (${r.font.file})`);
    if (r.missingGlyphs.length) console.warn(`no glyph for: ${r.missingGlyphs.join(' ')}`);
  }
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
