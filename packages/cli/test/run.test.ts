import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileSpec, escapeHtml, svgTexts, targetLabel } from '@trajectory/charts/render';
import type { ScenarioResult } from '@trajectory/scenario';
import { SaxesParser } from 'saxes';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { run } from '../src/commands/run.ts';

const example = fileURLToPath(new URL('../../../examples/nankai-gazelle-doubling.yaml', import.meta.url));
const examplesDir = fileURLToPath(new URL('../../../examples/', import.meta.url));
const examples = readdirSync(examplesDir).filter((f) => f.endsWith('.yaml'));

/** Width and height of an SVG's root element; throws unless the text is well-formed XML. */
function svgSize(svg: string): { width: number; height: number } {
  const parser = new SaxesParser();
  let root: Record<string, string> | undefined;
  parser.on('error', (e) => {
    throw e;
  });
  parser.on('opentag', (tag) => {
    root ??= tag.attributes as Record<string, string>;
  });
  parser.write(svg).close();
  return { width: Number(root?.width), height: Number(root?.height) };
}

function capture(): { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => ((out += String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => ((err += String(s)), true));
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void (err += `${a.join(' ')}\n`));
  return { out: () => out, err: () => err };
}

describe('trajectory run <scenario-file>', () => {
  afterEach(() => vi.restoreAllMocks());

  it('--json twice with the same seed is byte-identical; --seed changes it', async () => {
    const a = capture();
    expect(await run([example, '--json', '--draws', '300'])).toBe(0);
    vi.restoreAllMocks();
    const b = capture();
    expect(await run([example, '--json', '--draws', '300'])).toBe(0);
    vi.restoreAllMocks();
    const c = capture();
    expect(await run([example, '--json', '--draws', '300', '--seed', '99'])).toBe(0);
    expect(a.out()).toBe(b.out());
    expect(a.out()).not.toBe(c.out());
    const parsed = JSON.parse(a.out()) as { scenario: { draws: number }; targets: unknown[] };
    expect(parsed.scenario.draws).toBe(300);
    expect(parsed.targets).toHaveLength(5);
    expect(a.err()).toBe(''); // no progress bar with --json / without a TTY
  });

  it.each(examples)('--out writes an SVG, a PNG and a page with every chart and target: %s', async (name) => {
    const dir = mkdtempSync(join(tmpdir(), 'scn-page-'));
    const c = capture();
    expect(await run([join(examplesDir, name), '--draws', '200', '--out', dir])).toBe(0);
    expect(c.out()).toContain('Targets: P(attain) baseline vs scenario');
    expect(readdirSync(dir).sort()).toEqual([
      'assets',
      'bands.csv',
      'charts',
      'index.html',
      'result.json',
      'targets.csv',
    ]);
    // a UTF-8 BOM first, so Excel reads the Chinese labels as UTF-8
    expect(readFileSync(join(dir, 'targets.csv'), 'utf8').split('\n')[0]).toMatch(
      /^\uFEFFlabel,indicator,year,comparator,value,p_baseline/,
    );
    expect(readFileSync(join(dir, 'bands.csv'), 'utf8').startsWith('\uFEFF')).toBe(true);
    const result = JSON.parse(readFileSync(join(dir, 'result.json'), 'utf8')) as ScenarioResult;
    const specs = readdirSync(join(dir, 'charts')).filter((f) => f.endsWith('.vl.json'));
    if (name.startsWith('nankai')) {
      expect(c.out()).toContain('Lever needed for each goal');
      expect(specs).toContain('gazelle.vl.json');
      expect(specs).toContain('pipeline-ladder.vl.json');
    }
    // one chart per series and per pipeline
    expect(specs.length).toBe(result.series.length + result.pipelines.length);
    const html = readFileSync(join(dir, 'index.html'), 'utf8');
    for (const f of specs) {
      const base = f.slice(0, -'.vl.json'.length);
      const spec = JSON.parse(readFileSync(join(dir, 'charts', f), 'utf8')) as Parameters<typeof compileSpec>[0] & {
        $schema: string;
        title: { text: string };
      };
      // every spec compiles with Vega-Lite without a warning
      expect(spec.$schema).toMatch(/vega-lite/);
      expect(compileSpec(spec).warnings).toEqual([]);
      // the SVG is well-formed XML with a positive size
      const svg = readFileSync(join(dir, 'charts', `${base}.svg`), 'utf8');
      const size = svgSize(svg);
      expect(size.width, base).toBeGreaterThan(100);
      expect(size.height, base).toBeGreaterThan(100);
      // the PNG: signature, an IHDR chunk, and the SVG's size at the renderer's 2x zoom
      const png = readFileSync(join(dir, 'charts', `${base}.png`));
      expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
      expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
      expect(png.readUInt32BE(16)).toBe(Math.ceil(size.width * 2));
      expect(png.readUInt32BE(20)).toBe(Math.ceil(size.height * 2));
      // the page embeds the chart and links its three files
      expect(html).toContain(JSON.stringify(spec.title.text).slice(1, -1).replace(/</g, '\\u003c'));
      for (const ext of ['vl.json', 'svg', 'png']) expect(html).toContain(`href="charts/${base}.${ext}"`);
    }
    expect(html.match(/data-chart="/g)).toHaveLength(specs.length);
    // every stated target: its row on the page, and its rule label in its indicator's chart and SVG
    for (const t of result.targets) {
      expect(html).toContain(escapeHtml(t.label));
      if (t.value === null) continue;
      const unit = result.series.find((x) => x.id === t.indicator)?.unit ?? '';
      const label = `目标 ${targetLabel({ year: t.year, value: t.value, comparator: t.comparator as '>=' }, unit)}`;
      expect(svgTexts(readFileSync(join(dir, 'charts', `${t.indicator}.svg`), 'utf8')), t.label).toContain(label);
      expect(html).toContain(JSON.stringify(label).slice(1, -1));
    }
  });

  it('bad flag values: exit code 2 with the usage, before the file is read', async () => {
    for (const [flag, message] of [
      ['--draws=0', "--draws must be an integer >= 1, got '0'"],
      ['--draws=1e3', "--draws must be an integer >= 1, got '1e3'"],
      ['--seed=-1', "--seed must be a non-negative integer, got '-1'"],
      ['--seed=x', "--seed must be a non-negative integer, got 'x'"],
      ['--seed=4294967296', "--seed must be a non-negative integer, got '4294967296' (at most 4294967295)"],
    ] as const) {
      const c = capture();
      // a file that does not exist: a flag error must come first
      expect(await run(['/nonexistent.yaml', flag])).toBe(2);
      expect(c.err()).toContain(`trajectory run: ${message}`);
      expect(c.err()).toContain('usage: trajectory run');
      vi.restoreAllMocks();
    }
  });

  it('bad input in the file: exit code 1 and file:line: field: problem on stderr', async () => {
    const c = capture();
    expect(await run(['/nonexistent.yaml'])).toBe(1);
    expect(c.err()).toMatch(/nonexistent\.yaml/);
    expect(await run([])).toBe(2);
  });
});
