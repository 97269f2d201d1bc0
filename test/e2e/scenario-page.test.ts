/**
 * The scenario page `trajectory run --out DIR` writes, in headless Chromium (Debian `chromium` driven by
 * playwright-core), opened from file:// as a planner would: every chart view rendered, no console error, no
 * request leaving DIR; each SVG file parses as SVG; the English switch flips the headings. A screenshot of the top
 * 1400×1280 px goes to `test-artifacts/scenario-page.png` (gitignored; docs/scenario-page.png is a copy of it).
 * Skipped with a message only when /usr/bin/chromium is missing outside CI.
 */
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runCommand as run } from '@trajectory/cli';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CHROMIUM, chartStates, haveChromium, launchChromium, openReport, texts } from '../support/browser.ts';
import { root } from '../support/build.ts';

type Browser = Awaited<ReturnType<typeof launchChromium>>;

const ARTIFACTS = join(root, 'test-artifacts');
const SHOT = { x: 0, y: 0, width: 1400, height: 1280 };
const inCi = process.env.CI === 'true';
const chromiumPresent = haveChromium();
if (!chromiumPresent && !inCi)
  console.warn(`test/e2e/scenario-page.test.ts: SKIPPED — ${CHROMIUM} not found (install Debian chromium).`);

describe.skipIf(!chromiumPresent && !inCi)('the scenario page of run --out in headless Chromium', () => {
  let browser: Browser;
  let dir: string;

  beforeAll(async () => {
    if (!chromiumPresent) throw new Error(`${CHROMIUM} is missing: CI must install Debian chromium (scripts/setup.sh)`);
    dir = await mkdtemp(join(tmpdir(), 'trajectory-scenario-page-'));
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const code = await run([join(root, 'examples/nankai-gazelle-doubling.yaml'), '--draws', '2000', '--out', dir]);
    vi.restoreAllMocks();
    expect(code).toBe(0);
    browser = await launchChromium();
    await mkdir(ARTIFACTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('every chart view renders, offline, with no console error; the target labels are drawn', async () => {
    const { page, problems } = await openReport(
      browser,
      pathToFileURL(join(dir, 'index.html')).href,
      pathToFileURL(dir).href,
    );
    const states = await chartStates(page);
    const svgText = await texts(page, '[data-chart] svg text');
    // the top of the page down to the first chart (the targets table and one chart)
    await page.screenshot({ path: join(ARTIFACTS, 'scenario-page.png'), fullPage: true, clip: SHOT });
    await page.close();
    const specs = (await readdir(join(dir, 'charts'))).filter((f) => f.endsWith('.vl.json'));
    expect(states).toHaveLength(specs.length);
    for (const s of states) {
      expect(s, s.id).toMatchObject({ rendered: 'true', graphic: 'svg' });
      expect(s.width, s.id).toBeGreaterThan(200);
      expect(s.height, s.id).toBeGreaterThan(100);
      expect(s.marks, s.id).toBeGreaterThan(0);
    }
    expect(problems).toEqual({ consoleErrors: [], failedRequests: [], externalRequests: [] });
    for (const label of ['目标 ≥ 650 家 (2023)', '目标 ≥ 500 家 (2023)', '基线 baseline', '情景 scenario'])
      expect(svgText).toContain(label);
  });

  it('each chart file is an SVG the browser parses, and its PNG loads as an image of twice its size', async () => {
    const page = await browser.newPage();
    const names = (await readdir(join(dir, 'charts'))).filter((f) => f.endsWith('.svg')).map((f) => f.slice(0, -4));
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) {
      const svg = await readFile(join(dir, 'charts', `${name}.svg`), 'utf8');
      const parsed = (await page.evaluate(`(function (text) {
        var doc = new DOMParser().parseFromString(text, 'image/svg+xml');
        var root = doc.documentElement;
        return { error: doc.getElementsByTagName('parsererror').length, tag: root.localName,
                 width: Number(root.getAttribute('width')), height: Number(root.getAttribute('height')) };
      })(${JSON.stringify(svg)})`)) as { error: number; tag: string; width: number; height: number };
      expect(parsed, name).toMatchObject({ error: 0, tag: 'svg' });
      await page.goto(pathToFileURL(join(dir, 'charts', `${name}.png`)).href);
      const size = (await page.evaluate(
        `(function () { var i = document.querySelector('img'); return [i.naturalWidth, i.naturalHeight]; })()`,
      )) as [number, number];
      expect(size, name).toEqual([Math.ceil(parsed.width * 2), Math.ceil(parsed.height * 2)]);
    }
    await page.close();
  });

  it('opens in Chinese; the English switch changes the headings', async () => {
    const { page } = await openReport(browser, pathToFileURL(join(dir, 'index.html')).href, pathToFileURL(dir).href);
    const visible = () =>
      page.evaluate(
        `Array.from(document.querySelectorAll('h2')).map(function (e) { return e.innerText.trim(); })`,
      ) as Promise<string[]>;
    const zh = await visible();
    await page.click('#lang-switch');
    const en = await visible();
    await page.close();
    expect(zh[0]).toBe('目标：达成概率');
    expect(en[0]).toBe('Targets: probability of attainment');
    expect(en).toContain('Charts');
  });
});
