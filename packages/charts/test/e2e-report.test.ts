/**
 * End-to-end: write the plan-assessment report, serve it from 127.0.0.1, open it in headless Chromium
 * (Debian `chromium` driven by playwright-core) and check that every chart rendered, with no console error, no
 * failed request and no request leaving the local server (the report must work offline). Screenshots go to
 * `test-artifacts/` (gitignored). Skipped with a message only when /usr/bin/chromium is missing outside CI.
 */
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printPdf, type WrittenReport, writeAssessmentReport } from '@trajectory/charts/render';
import { loadSeedIndicators } from '@trajectory/datasets/node';
import { assessPlan, type PlanAssessment } from '@trajectory/forecast';
import { planAssessment } from './fixtures/plan-assessment.ts';
import type { Page } from 'playwright-core';
import {
  CHROMIUM,
  chartStates,
  haveChromium,
  launchChromium,
  openReport,
  texts,
} from '../../../test/support/browser.ts';

type Browser = Awaited<ReturnType<typeof launchChromium>>;

const ARTIFACTS = fileURLToPath(new URL('../../../test-artifacts/', import.meta.url));
const inCi = process.env.CI === 'true';
const chromiumPresent = haveChromium();

if (!chromiumPresent && !inCi) {
  console.warn(
    `packages/charts/test/e2e-report.test.ts: SKIPPED — ${CHROMIUM} not found (install Debian chromium: scripts/setup.sh). In CI (CI=true) this fails instead.`,
  );
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
};

function serve(root: string): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(
      /^(\.\.[/\\])+/,
      '',
    );
    const file = join(root, path.endsWith('/') ? `${path}index.html` : path);
    readFile(file).then(
      (body) => {
        res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream' });
        res.end(body);
      },
      () => {
        res.writeHead(404);
        res.end('not found');
      },
    );
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const addr = server.address();
      resolve({ server, origin: `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}` });
    }),
  );
}

describe.skipIf(!chromiumPresent && !inCi)('HTML report in headless Chromium', () => {
  let browser: Browser;
  let dir: string;
  let server: Server | undefined;
  let origin = '';
  let charts = 0;

  beforeAll(async () => {
    if (!chromiumPresent) throw new Error(`${CHROMIUM} is missing: CI must install Debian chromium (scripts/setup.sh)`);
    dir = await mkdtemp(join(tmpdir(), 'trajectory-e2e-'));
    charts = (await writeAssessmentReport(dir, planAssessment)).charts;
    ({ server, origin } = await serve(dir));
    browser = await launchChromium();
    await mkdir(ARTIFACTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => (server ? server.close(r) : r(undefined)));
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('served over http://127.0.0.1: every chart renders an svg, no console errors, no failed or external requests', async () => {
    const { page, problems } = await openReport(browser, `${origin}/index.html`, origin);
    // charts of folded targets are drawn but have no box until their <details> opens
    await page.evaluate(`document.querySelectorAll('details').forEach(function (d) { d.open = true; })`);
    const states = await chartStates(page);
    await page.screenshot({ path: join(ARTIFACTS, 'report-full.png'), fullPage: true });
    const first = await page.$('[data-chart]');
    await first?.screenshot({ path: join(ARTIFACTS, 'report-dashboard.png') });
    await page.close();

    // the summary chart + one fan chart per assessable target with a fan (the 650/500 conflict is one target)
    expect(charts).toBe(4);
    expect(states).toHaveLength(charts);
    for (const s of states) {
      expect(s, s.id).toMatchObject({ rendered: 'true', graphic: 'svg' });
      expect(s.width, s.id).toBeGreaterThan(200);
      expect(s.height, s.id).toBeGreaterThan(100);
      expect(s.marks, s.id).toBeGreaterThan(0);
    }
    expect(problems).toEqual({ consoleErrors: [], failedRequests: [], externalRequests: [] });
  });

  it('printPdf(index, pdf) prints the report through headless Chromium (what assess --pdf does)', async () => {
    const pdf = join(dir, 'report.pdf');
    await printPdf(join(dir, 'index.html'), pdf);
    const bytes = await readFile(pdf);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // several pages of text and charts, not an empty page
    expect(bytes.length).toBeGreaterThan(20_000);
    await expect(printPdf(join(dir, 'index.html'), pdf, { chromium: '/nonexistent/chromium' })).rejects.toThrow(
      'Chromium not found at /nonexistent/chromium',
    );
  });

  it('opened from file:// (no server at all): the charts still render', async () => {
    const url = pathToFileURL(join(dir, 'index.html')).href;
    const { page, problems } = await openReport(browser, url, pathToFileURL(dir).href);
    const states = await chartStates(page);
    await page.close();
    expect(states.map((s) => s.rendered)).toEqual(Array(charts).fill('true'));
    expect(problems).toEqual({ consoleErrors: [], failedRequests: [], externalRequests: [] });
  });

  it('shows the Chinese region names and a fan chart title as text in the page', async () => {
    const { page } = await openReport(browser, `${origin}/index.html`, origin);
    const svgText = await texts(page, '[data-chart] svg text');
    const headings = await visibleTexts(page, 'h2');
    await page.close();
    expect(headings).toEqual(['摘要', '天津滨海高新区', '南开区', '无法评估的目标', '附录：方法']);
    expect(svgText).toContain('天津滨海高新区 国家高新技术企业');
    expect(svgText).toContain('2025');
    // the fixture's years run 2016–2025: none may print as "2,016" … "2,025" or "2016.0"
    const wrong = Array.from({ length: 10 }, (_, i) => 2016 + i).flatMap((y) => [y.toLocaleString('en-US'), `${y}.0`]);
    expect(svgText.filter((t) => wrong.includes(t))).toEqual([]);
  });
});

/** Visible text of the elements matching a selector (the hidden language is skipped). */
function visibleTexts(page: Page, selector: string): Promise<string[]> {
  return page.evaluate(
    `Array.from(document.querySelectorAll(${JSON.stringify(selector)})).map(function (e) { return e.innerText.trim(); })`,
  ) as Promise<string[]>;
}

function measure(page: Page): Promise<{ height: number; width: number; summaryBottom: number; firstSection: string }> {
  return page.evaluate(`(function () {
    var s = document.getElementById('summary');
    return {
      height: document.documentElement.scrollHeight,
      width: document.documentElement.scrollWidth,
      summaryBottom: s.getBoundingClientRect().bottom + window.scrollY,
      firstSection: document.querySelector('main section').id
    };
  })()`) as Promise<{ height: number; width: number; summaryBottom: number; firstSection: string }>;
}

describe.skipIf(!chromiumPresent && !inCi)('HTML report of the seed dataset (assessPlan) in headless Chromium', () => {
  let browser: Browser;
  let dir: string;
  let written: WrittenReport;
  let plan: PlanAssessment;

  beforeAll(async () => {
    if (!chromiumPresent) throw new Error(`${CHROMIUM} is missing: CI must install Debian chromium (scripts/setup.sh)`);
    dir = await mkdtemp(join(tmpdir(), 'trajectory-e2e-seed-'));
    browser = await launchChromium();
    await mkdir(ARTIFACTS, { recursive: true });
    // fewer paths than the CLI default: the test checks the page, not the probabilities
    plan = assessPlan(loadSeedIndicators(), { seed: 20250101, nPaths: 300 });
    written = await writeAssessmentReport(dir, plan);
  });

  afterAll(async () => {
    await browser?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('every chart of the real assessment renders, offline, without errors', async () => {
    const url = pathToFileURL(join(dir, 'index.html')).href;
    const { page, problems } = await openReport(browser, url, pathToFileURL(dir).href);
    const states = await chartStates(page);
    await page.screenshot({ path: join(ARTIFACTS, 'seed-report-top.png') });
    await page.close();
    expect(states).toHaveLength(written.charts);
    expect(states.filter((s) => s.rendered !== 'true' || s.graphic !== 'svg' || s.marks === 0)).toEqual([]);
    expect(problems).toEqual({ consoleErrors: [], failedRequests: [], externalRequests: [] });
  });

  it('opens with the summary, which fits 1.5 screens at 1400×900; the whole page is at most 30 screens', async () => {
    const { page } = await openReport(browser, pathToFileURL(join(dir, 'index.html')).href, pathToFileURL(dir).href);
    const m = await measure(page);
    await page.close();
    console.log(`report at 1400×900: summary ends at ${m.summaryBottom} px, page ${m.height} px`);
    expect(m.firstSection).toBe('summary');
    expect(m.summaryBottom).toBeLessThanOrEqual(1.5 * 900);
    expect(m.height).toBeLessThanOrEqual(30 * 900);
    expect(m.width).toBeLessThanOrEqual(1400);
  });

  it('is readable on a 390 px phone: no sideways scrolling of the page (a screenshot is saved)', async () => {
    const { page } = await openReport(browser, pathToFileURL(join(dir, 'index.html')).href, pathToFileURL(dir).href);
    await page.setViewportSize({ width: 390, height: 844 });
    const m = await measure(page);
    const fontSize = (await page.evaluate(
      `parseFloat(getComputedStyle(document.querySelector('details.target summary')).fontSize)`,
    )) as number;
    await page.screenshot({ path: join(ARTIFACTS, 'seed-report-390.png') });
    await page.close();
    expect(m.width).toBeLessThanOrEqual(390);
    expect(fontSize).toBeGreaterThanOrEqual(12);
  });

  it('the English switch changes the labels', async () => {
    const { page } = await openReport(browser, pathToFileURL(join(dir, 'index.html')).href, pathToFileURL(dir).href);
    const zh = await visibleTexts(page, 'h2');
    await page.click('#lang-switch');
    const en = await visibleTexts(page, 'h2');
    const lang = await page.evaluate('document.documentElement.lang');
    await page.click('#lang-switch');
    const back = await visibleTexts(page, 'h2');
    await page.close();
    expect(zh[0]).toBe('摘要');
    expect(en[0]).toBe('Summary');
    expect(en).toContain('Nankai District');
    expect(zh).toContain('南开区');
    expect(lang).toBe('en');
    expect(back).toEqual(zh);
  });

  it('a <script> in an indicator name is shown as text, never run', async () => {
    const evil = structuredClone(plan);
    const t = evil.regions.flatMap((r) => r.targets).find((x) => x.probability !== null);
    if (!t) throw new Error('the seed assessment has no assessable target');
    t.nameZh = '<script>window.__pwned = true</script><img src=x onerror="window.__pwned=true">';
    const evilDir = await mkdtemp(join(tmpdir(), 'trajectory-e2e-evil-'));
    try {
      await writeAssessmentReport(evilDir, evil);
      const { page, problems } = await openReport(
        browser,
        pathToFileURL(join(evilDir, 'index.html')).href,
        pathToFileURL(evilDir).href,
      );
      const pwned = await page.evaluate('window.__pwned === true');
      const shown = await texts(page, 'details.target summary .name');
      await page.close();
      expect(pwned).toBe(false);
      expect(shown.some((s) => s.includes('<script>window.__pwned = true</script>'))).toBe(true);
      expect(problems.consoleErrors).toEqual([]);
    } finally {
      await rm(evilDir, { recursive: true, force: true });
    }
  });
});
