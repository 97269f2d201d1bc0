/**
 * The libraries in a browser: esbuild bundles `browser-page/main.ts` (it imports `project` from
 * `@trajectory/forecast` and the fan chart builder from `@trajectory/charts`) for the browser from the packages'
 * compiled entries, as a web app's bundler would, and headless Chromium runs it: no console error, and the page's
 * projection and spec are those Node computes from the same inputs (same seed, same engine). A `node:` import at
 * a main entry fails the bundle step, with esbuild's message naming the importing file.
 * Skipped with a message only when /usr/bin/chromium is missing outside CI.
 */
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, haveChromium, launchChromium } from '../support/browser.ts';
import { root } from '../support/build.ts';

type Browser = Awaited<ReturnType<typeof launchChromium>>;

const inCi = process.env.CI === 'true';
const chromiumPresent = haveChromium();
if (!chromiumPresent && !inCi)
  console.warn(`test/e2e/browser-bundle.test.ts: SKIPPED — ${CHROMIUM} not found (install Debian chromium).`);

interface PageOutcome {
  years: number[];
  median: number[];
  schema: string;
  spec: { layer?: unknown[]; datasets?: Record<string, unknown[]> };
}

/** The bundle, built like a browser app's: browser platform, default conditions (so `dist/`, not `source`). */
async function bundle(): Promise<string> {
  const result = await build({
    entryPoints: [`${root}test/e2e/browser-page/main.ts`],
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
    absWorkingDir: root,
  }).catch((error: { errors?: { text: string; location?: { file: string; lineText: string } | null }[] }) => {
    const lines = (error.errors ?? []).map((e) => `${e.location?.file ?? '?'}: ${e.text}`);
    throw new Error(`esbuild could not bundle the page for the browser:\n${lines.join('\n')}`);
  });
  return result.outputFiles[0]!.text;
}

describe.skipIf(!chromiumPresent && !inCi)('project and a fan chart spec in headless Chromium', () => {
  let browser: Browser;
  const errors: string[] = [];
  let outcome: PageOutcome;

  beforeAll(async () => {
    if (!chromiumPresent) throw new Error(`${CHROMIUM} is missing: CI must install Debian chromium (scripts/setup.sh)`);
    const js = await bundle();
    browser = await launchChromium();
    const page = await browser.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    // offline: the page needs nothing but its own script
    await page.route('**/*', (route) => route.abort());
    await page.setContent('<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>');
    await page.addScriptTag({ content: js });
    outcome = (await page.evaluate('globalThis.trajectoryPage')) as PageOutcome;
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('runs without a console error', () => {
    expect(errors).toEqual([]);
    expect(outcome).toBeDefined();
  });

  it('gives the projection Node computes from the same series and seed, and a Vega-Lite spec of it', async () => {
    const { project } = await import('@trajectory/forecast');
    const node = project(
      { years: [2014, 2015, 2016, 2017, 2018, 2019, 2020], values: [310, 352, 401, 455, 498, 560, 617] },
      { horizon: 5, seed: 1 },
    );
    expect(outcome.years).toEqual([2021, 2022, 2023, 2024, 2025]);
    // the same seeded engine in both: identical up to the last bits of the platform's Math functions
    for (const [i, m] of node.median.entries()) expect(outcome.median[i]).toBeCloseTo(m, 6);
    expect(outcome.schema).toMatch(/^https:\/\/vega\.github\.io\/schema\/vega-lite\/v\d/);
    const rows = Object.values(outcome.spec.datasets ?? {}).flat();
    for (const [i, year] of outcome.years.entries())
      expect(rows).toContainEqual(expect.objectContaining({ year, value: outcome.median[i] }));
  });
});
