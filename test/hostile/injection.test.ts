/**
 * Issue 15, injection into other tools: CSV cells a spreadsheet would evaluate as formulas are neutralised (OWASP:
 * a leading '), numbers stay numbers, and the round trip restores the text; escape sequences in names never reach
 * the terminal.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  INDICATOR_COLUMNS,
  neutralizeCsvCell,
  readIndicatorCsv,
  restoreCsvCell,
  terminalSafe,
  writeIndicatorCsv,
} from '@trajectory/core';
import { candidatesToCsv, extractCandidates } from '@trajectory/extract';
import { fromCSV } from 'arquero';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCommand as run } from '@trajectory/cli';
import { capture, put, SCENARIO, tempDir } from './helpers.ts';

/** A CSV the tools wrote: it starts with a UTF-8 BOM (for Excel), dropped here for arquero. */
function csvText(path: string): string {
  const text = readFileSync(path, 'utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  return text.slice(1);
}

afterEach(() => vi.restoreAllMocks());

const PAYLOADS = ["=cmd|' /C calc'!A0", '+1+cmd', '-2+3', '@SUM(A1)', '\t=1', '\r=1', "'=already"];

describe('CSV formula injection', () => {
  it('cells starting with = + - @ tab CR get a leading quote; numbers and ordinary text do not', () => {
    for (const p of PAYLOADS) expect(neutralizeCsvCell(p)).toBe(`'${p}`);
    for (const s of ['-3.5', '+2', '1e-3', 'gazelle', '高新技术企业', "it's", '']) expect(neutralizeCsvCell(s)).toBe(s);
  });

  it('restoreCsvCell inverts neutralizeCsvCell for any text (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('=', '+', '-', '@', '\t', '\r', "'", 'a', '1', '.') }), (s) => {
        expect(restoreCsvCell(neutralizeCsvCell(s))).toBe(s);
      }),
    );
  });

  it('targets.csv and bands.csv: a hostile label lands quoted as text, round trip restores it', async () => {
    const dir = tempDir();
    const label = "=cmd|' /C calc'!A0";
    const file = put(
      dir,
      's.yaml',
      SCENARIO.replace('value: 120 }', `value: 120, label: "${label}" }`).replace(
        'base: 100, growth: { mean: 0.05',
        'base: 100, growth: { mean: -0.05',
      ),
    );
    const out = join(dir, 'out');
    capture();
    expect(await run([file, '--out', out])).toBe(0);
    const targets = csvText(join(out, 'targets.csv')).split('\n');
    expect(targets[1]!.startsWith(`'=cmd|' /C calc'!A0,a,2025,`)).toBe(true);
    const table = fromCSV(csvText(join(out, 'targets.csv')), { autoType: false });
    expect(restoreCsvCell(table.get('label', 0) as string)).toBe(label);
    // numbers (including negative ones) stay numbers
    const bands = fromCSV(csvText(join(out, 'bands.csv')));
    expect(typeof bands.get('median', 0)).toBe('number');
    for (const line of csvText(join(out, 'bands.csv')).split('\n').slice(1, -1)) expect(line).not.toMatch(/(^|,)'/);
  });

  it('writeIndicatorCsv neutralises text cells and readIndicatorCsv restores them (round trip)', () => {
    const header = INDICATOR_COLUMNS.join(',');
    const seedText = readFileSync(
      new URL('../../packages/datasets/data/seeds/indicators.csv', import.meta.url),
      'utf8',
    );
    const rows = readIndicatorCsv(seedText, 'indicators.csv');
    const hostile = rows.map((r, i) =>
      i === 0 ? { ...r, indicator_zh: '=HYPERLINK("http://x","y")', indicator_en: '@SUM(1)' } : r,
    );
    const csv = writeIndicatorCsv(hostile as typeof rows);
    expect(csv.startsWith(header)).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csv).toContain("'@SUM(1)");
    expect(readIndicatorCsv(csv, 'rt.csv')).toEqual(hostile);
  });

  it('extract candidates CSV: document text cannot start a formula', () => {
    const { candidates } = extractCandidates('=1+1 到2025年，高新技术企业达到500家。', { file: 'plan.txt' });
    const csv = candidatesToCsv(
      candidates.map((c) => ({ ...c, quote: `=${c.quote}` })),
      'plan.txt',
    );
    expect(csv).not.toMatch(/(^|,)"?=/m);
  });
});

describe('HTML and script injection', () => {
  it('a <script> in a scenario, indicator or target name is escaped in the scenario page and its charts', async () => {
    const dir = tempDir();
    const file = put(
      dir,
      's.yaml',
      SCENARIO.replace('name: hostile', `name: "<script>alert('scenario')</script>"`)
        .replace(
          'a: { base: 100,',
          `a: { name: "<img src=x onerror=alert(1)><script>alert('indicator')</script>", base: 100,`,
        )
        .replace('value: 120 }', `value: 120, label: "</script><script>alert('target')</script>" }`),
    );
    const out = join(dir, 'out');
    capture();
    expect(await run([file, '--out', out])).toBe(0);
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    // nothing of the names opens an element: every '<script' in the page is one of the page's own
    expect(html).not.toMatch(/<script>alert|<img src=x/);
    const own = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(own).toEqual([
      '<script src="assets/vega.min.js">',
      '<script src="assets/vega-lite.min.js">',
      '<script src="assets/vega-embed.min.js">',
      '<script type="application/json" id="trajectory-specs">',
      '<script>',
    ]);
    // the names are there, as text: escaped in HTML, \u003c in the inline specs
    expect(html).toContain('&lt;script&gt;alert(&#39;scenario&#39;)&lt;/script&gt;');
    expect(html).toContain('&lt;/script&gt;&lt;script&gt;alert(&#39;target&#39;)&lt;/script&gt;');
    expect(html).toContain('\\u003cimg src=x onerror=alert(1)>\\u003cscript>');
    // and in the SVG rendering of the chart (an XML text node)
    const svg = readFileSync(join(out, 'charts', 'a.svg'), 'utf8');
    expect(svg).not.toContain('<script');
    expect(svg).toContain('&lt;img src=x onerror=alert(1)&gt;&lt;script&gt;');
  });
});

describe('terminal escapes', () => {
  it('terminalSafe escapes ESC, OSC, CSI (C1), BEL, CR and DEL but keeps newlines, tabs and CJK', () => {
    expect(terminalSafe('a\x1b[31mred\x1b]0;title\x07\u009b2J\r\x7f\n\t瞪羚')).toBe(
      'a\\x1b[31mred\\x1b]0;title\\x07\\x9b2J\\x0d\\x7f\n\t瞪羚',
    );
  });

  it('a scenario name and label with escape sequences are printed escaped by run', async () => {
    const file = put(
      tempDir(),
      's.yaml',
      SCENARIO.replace('name: hostile', 'name: "x\\e]0;pwned\\a\\e[2J"').replace(
        'value: 120 }',
        'value: 120, label: "t\\e[31m" }',
      ),
    );
    const c = capture();
    expect(await run([file])).toBe(0);
    expect(c.out()).not.toMatch(/[\x1b\x07]/);
    expect(c.out()).toContain('x\\x1b]0;pwned\\x07\\x1b[2J');
    expect(c.out()).toContain('t\\x1b[31m');
  });

  it('error messages quoting a hostile field are escaped too', async () => {
    const file = put(tempDir(), 's.yaml', SCENARIO.replace('  a: {', '  a: { seed: "\\e]8;;http://evil\\a",'));
    const c = capture();
    expect(await run([file])).toBe(1);
    expect(c.err()).not.toMatch(/[\x1b\x07]/);
  });
});
