/**
 * The main entries that must run in a browser import no Node built-in, directly or through anything they import:
 * esbuild bundles each entry for the browser (the packages' sources through the `source` export condition, their npm
 * dependencies with their `browser` field, as a web app's bundler would), and every import of a built-in that the
 * browser build cannot satisfy (`node:fs`, `crypto`, ...) is reported with the file that imports it. File I/O
 * belongs behind the packages' `./node` subpath exports (charts: rendering and the report behind `./render`).
 */
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { root } from './support/build.ts';

interface EsbuildFailure {
  errors?: { text: string; location?: { file: string } | null }[];
}

/** `importer: message` for every import esbuild cannot resolve when it bundles `entry` for the browser. */
async function unresolvedInBrowser(entry: string): Promise<string[]> {
  try {
    await build({
      stdin: { contents: `export * from '${entry}';`, resolveDir: root, loader: 'ts' },
      bundle: true,
      platform: 'browser',
      conditions: ['source'],
      format: 'esm',
      write: false,
      logLevel: 'silent',
      absWorkingDir: root,
    });
    return [];
  } catch (error) {
    const errors = (error as EsbuildFailure).errors ?? [{ text: String(error) }];
    return errors.map((e) => `${e.location?.file ?? '?'}: ${e.text}`).sort();
  }
}

describe('browser-safe main entries: no Node built-in in the module graph', () => {
  for (const entry of [
    '@trajectory/core',
    '@trajectory/fit',
    '@trajectory/forecast',
    '@trajectory/datasets',
    '@trajectory/charts',
  ]) {
    it(entry, { timeout: 60_000 }, async () => {
      expect(await unresolvedInBrowser(entry)).toEqual([]);
    });
  }

  it('the check finds a built-in: the ./node entries do import them', { timeout: 60_000 }, async () => {
    const found = await unresolvedInBrowser('@trajectory/core/node');
    expect(found).toContainEqual(expect.stringMatching(/write-file-atomic\.ts: Could not resolve "node:fs"/));
  });
});
