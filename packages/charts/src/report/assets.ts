import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** A browser build copied into the report's `assets/` so the report works offline (no CDN). */
export interface BrowserAsset {
  /** file name under `assets/` */
  name: string;
  /** absolute path of the installed file */
  path: string;
}

const require = createRequire(import.meta.url);

/** Directory of an installed package's entry file (`vega` -> `.../vega/build`). */
function buildDir(pkg: string): string {
  return dirname(require.resolve(pkg));
}

/**
 * The UMD browser builds of vega, vega-lite and vega-embed from `node_modules`, in load order (vega-embed expects
 * the globals `vega` and `vegaLite`): `vega/build/vega.min.js`, `vega-lite/build/vega-lite.min.js`,
 * `vega-embed/build/vega-embed.min.js` — the versions installed with this package, so the report renders exactly
 * what `renderSvg` renders.
 *
 * @example
 * browserAssets().map((a) => a.name) // ['vega.min.js', 'vega-lite.min.js', 'vega-embed.min.js']
 */
export function browserAssets(): BrowserAsset[] {
  return [
    { name: 'vega.min.js', path: join(buildDir('vega'), 'vega.min.js') },
    { name: 'vega-lite.min.js', path: join(buildDir('vega-lite'), 'vega-lite.min.js') },
    { name: 'vega-embed.min.js', path: join(buildDir('vega-embed'), 'vega-embed.min.js') },
  ];
}
