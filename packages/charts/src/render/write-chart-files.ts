import { join } from 'node:path';
import type { TopLevelSpec } from 'vega-lite';
import { writeFileAtomic } from '@trajectory/core/node';
import { renderPng, type RenderPngOptions } from './render-png.ts';
import { renderSvg } from './render-svg.ts';

/** A chart file format: the editable spec, or a rendering of it. */
export type ChartFormat = 'vl.json' | 'svg' | 'png';

/** Options of {@link writeChartFiles}. */
export interface WriteChartFilesOptions extends RenderPngOptions {
  /** formats to write; @default ['vl.json', 'svg', 'png'] */
  formats?: ChartFormat[];
}

/** What {@link writeChartFiles} wrote: one path per format, and the PNG's missing glyphs if a PNG was written. */
export interface WrittenChartFiles {
  files: Partial<Record<ChartFormat, string>>;
  missingGlyphs: string[];
}

/**
 * Write one chart as `DIR/NAME.vl.json`, `DIR/NAME.svg` and `DIR/NAME.png` (each atomically): the spec an analyst
 * edits and its renderings without a browser.
 *
 * @example
 * await writeChartFiles('out/charts', 'binhai-hightech-fan', fanChart(input));
 */
export async function writeChartFiles(
  dir: string,
  name: string,
  spec: TopLevelSpec,
  options: WriteChartFilesOptions = {},
): Promise<WrittenChartFiles> {
  if (!/^[\w.\-\u4e00-\u9fff]+$/u.test(name))
    throw new TypeError(`writeChartFiles: name '${name}' must be a plain file name (letters, digits, . _ -)`);
  const { formats = ['vl.json', 'svg', 'png'] } = options;
  const files: Partial<Record<ChartFormat, string>> = {};
  let missingGlyphs: string[] = [];
  if (formats.includes('vl.json')) {
    files['vl.json'] = join(dir, `${name}.vl.json`);
    await writeFileAtomic(files['vl.json'], `${JSON.stringify(spec, null, 2)}\n`);
  }
  if (formats.includes('png')) {
    const r = await renderPng(spec, options);
    files.png = join(dir, `${name}.png`);
    await writeFileAtomic(files.png, r.png);
    missingGlyphs = r.missingGlyphs;
    if (formats.includes('svg')) {
      files.svg = join(dir, `${name}.svg`);
      await writeFileAtomic(files.svg, r.svg);
    }
  } else if (formats.includes('svg')) {
    files.svg = join(dir, `${name}.svg`);
    await writeFileAtomic(files.svg, await renderSvg(spec, options));
  }
  return { files, missingGlyphs };
}
