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
import { writeAssessmentReport } from '@trajectory/charts';
import { loadSeedIndicators } from '@trajectory/datasets/node';
import { assessPlan } from '@trajectory/forecast';
import { planAssessment } from './fixtures/plan-assessment.ts';
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
    const states = await chartStates(page);
    await page.screenshot({ path: join(ARTIFACTS, 'report-full.png'), fullPage: true });
    const first = await page.$('[data-chart]');
    await first?.screenshot({ path: join(ARTIFACTS, 'report-dashboard.png') });
    await page.close();

    expect(charts).toBe(6);
    expect(states).toHaveLength(charts);
    for (const s of states) {
      expect(s, s.id).toMatchObject({ rendered: 'true', graphic: 'svg' });
      expect(s.width, s.id).toBeGreaterThan(200);
      expect(s.height, s.id).toBeGreaterThan(100);
      expect(s.marks, s.id).toBeGreaterThan(0);
    }
    expect(problems).toEqual({ consoleErrors: [], failedRequests: [], externalRequests: [] });
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
    const headings = await texts(page, 'h2');
    await page.close();
    expect(headings).toEqual(['天津滨海高新区', '南开区']);
    expect(svgText).toContain('天津滨海高新区 国家高新技术企业');
    expect(svgText).toContain('2025');
    // the fixture's years run 2016–2025: none may print as "2,016" … "2,025" or "2016.0"
    const wrong = Array.from({ length: 10 }, (_, i) => 2016 + i).flatMap((y) => [y.toLocaleString('en-US'), `${y}.0`]);
    expect(svgText.filter((t) => wrong.includes(t))).toEqual([]);
  });
});

describe.skipIf(!chromiumPresent && !inCi)('HTML report of the seed dataset (assessPlan) in headless Chromium', () => {
  let browser: Browser;
  let dir: string;

  beforeAll(async () => {
    if (!chromiumPresent) throw new Error(`${CHROMIUM} is missing: CI must install Debian chromium (scripts/setup.sh)`);
    dir = await mkdtemp(join(tmpdir(), 'trajectory-e2e-seed-'));
    browser = await launchChromium();
    await mkdir(ARTIFACTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('every region page and every fan chart of the real assessment renders, offline, without errors', async () => {
    // fewer paths than the CLI default: the test checks rendering, not the probabilities
    const plan = assessPlan(loadSeedIndicators(), { seed: 20250101, nPaths: 300 });
    const written = await writeAssessmentReport(dir, plan);
    const url = pathToFileURL(join(dir, 'index.html')).href;
    const { page, problems } = await openReport(browser, url, pathToFileURL(dir).href);
    const states = await chartStates(page);
    const headings = await texts(page, 'h2');
    await page.screenshot({ path: join(ARTIFACTS, 'seed-report-top.png') });
    await page.close();

    const withFan = plan.regions.flatMap((r) => r.targets).filter((t) => t.fan !== null).length;
    expect(written.charts).toBe(plan.regions.length + withFan);
    expect(states).toHaveLength(written.charts);
    expect(states.filter((s) => s.rendered !== 'true' || s.graphic !== 'svg' || s.marks === 0)).toEqual([]);
    expect(headings).toContain('南开区');
    expect(problems).toEqual({ consoleErrors: [], failedRequests: [], externalRequests: [] });
  });
});
