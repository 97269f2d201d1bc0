/**
 * Headless-Chromium helpers for the browser tests (`test/e2e/`, `packages/charts/test/e2e-report.test.ts`): Debian's chromium driven by playwright-core (a
 * root dev dependency). In-page code is passed as strings so the workspace's type-check needs no DOM lib.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's chromium (installed by scripts/setup.sh). */
export const CHROMIUM = '/usr/bin/chromium';

/** Flags for a quiet, offline, sandbox-less headless run (CI containers run as root). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function haveChromium(): boolean {
  return existsSync(CHROMIUM);
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

/** What went wrong while a page loaded. */
export interface PageProblems {
  consoleErrors: string[];
  failedRequests: string[];
  externalRequests: string[];
}

/**
 * Open a report page, recording console errors, page errors, failed requests (network failure or HTTP >= 400) and
 * every request outside `allowedPrefix` (aborted: the report must work offline), then wait until the report's
 * script has settled every chart (`window.__trajectoryReport.done`).
 */
export async function openReport(
  browser: Browser,
  url: string,
  allowedPrefix: string,
): Promise<{ page: Page; problems: PageProblems }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const problems: PageProblems = { consoleErrors: [], failedRequests: [], externalRequests: [] };
  page.on('console', (m) => {
    if (m.type() === 'error') problems.consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => problems.consoleErrors.push(`pageerror: ${e.message}`));
  page.on('requestfailed', (r) => problems.failedRequests.push(`${r.url()}: ${r.failure()?.errorText ?? ''}`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.failedRequests.push(`${r.url()}: HTTP ${r.status()}`);
  });
  await page.route('**/*', (route) => {
    const u = route.request().url();
    if (u.startsWith(allowedPrefix) || u.startsWith('data:') || u.startsWith('blob:')) return route.continue();
    problems.externalRequests.push(u);
    return route.abort();
  });
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction('window.__trajectoryReport && window.__trajectoryReport.done === true', null, {
    timeout: 30_000,
  });
  return { page, problems };
}

/** State of one chart container after vega-embed ran. */
export interface ChartState {
  id: string;
  rendered: string | null;
  graphic: string | null;
  width: number;
  height: number;
  marks: number;
}

/** Per `[data-chart]` container: rendered flag, the svg/canvas inside, its size and number of mark groups. */
export function chartStates(page: Page): Promise<ChartState[]> {
  return page.evaluate(`Array.from(document.querySelectorAll('[data-chart]')).map(function (el) {
    var g = el.querySelector('svg, canvas');
    var box = g ? g.getBoundingClientRect() : null;
    return {
      id: el.id,
      rendered: el.getAttribute('data-rendered'),
      graphic: g ? g.tagName.toLowerCase() : null,
      width: Math.round(box ? box.width : 0),
      height: Math.round(box ? box.height : 0),
      marks: el.querySelectorAll('svg .role-mark').length
    };
  })`) as Promise<ChartState[]>;
}

/** Text content of all elements matching a selector. */
export function texts(page: Page, selector: string): Promise<string[]> {
  return page.evaluate(
    `Array.from(document.querySelectorAll(${JSON.stringify(selector)})).map(function (e) { return e.textContent || ''; })`,
  ) as Promise<string[]>;
}
