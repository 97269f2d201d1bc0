import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  fanChart,
  growthGapChart,
  writeChartFiles,
  fontCoverage,
  fontTextWidth,
  renderPng,
  renderSvg,
  resolveCjkFont,
  svgTexts,
  type RenderedPng,
} from '../src/render.ts';
import { fanInput } from './fixtures/inputs.ts';

const TITLE = '滨海高新区 国家高新技术企业数';
const DEJAVU = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';

/** Dark pixels (luminance < 128) in a rectangle of the raster. */
function ink(img: RenderedPng, x0: number, y0: number, x1: number, y1: number): number {
  let n = 0;
  for (let y = y0; y < Math.min(y1, img.height); y++) {
    for (let x = x0; x < Math.min(x1, img.width); x++) {
      const i = (y * img.width + x) * 4;
      const lum =
        0.2126 * (img.pixels[i] ?? 255) + 0.7152 * (img.pixels[i + 1] ?? 255) + 0.0722 * (img.pixels[i + 2] ?? 255);
      if (lum < 128) n++;
    }
  }
  return n;
}

/** The title band of a chart rendered at zoom 2: vega draws a 15px title at the top-left (anchor start). */
function titleInk(img: RenderedPng): number {
  return ink(img, 0, 0, Math.round(img.width / 2), 2 * 26);
}

describe('resolveCjkFont()', () => {
  it('finds Debian fonts-noto-cjk and its Simplified Chinese face', () => {
    const font = resolveCjkFont({});
    expect(font).toEqual({
      file: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
      family: 'Noto Sans CJK SC',
    });
  });
  it('honours TRAJECTORY_CJK_FONT and rejects a missing file', () => {
    expect(resolveCjkFont({ TRAJECTORY_CJK_FONT: `${DEJAVU}#DejaVu Sans` })).toEqual({
      file: DEJAVU,
      family: 'DejaVu Sans',
    });
    expect(() => resolveCjkFont({ TRAJECTORY_CJK_FONT: '/nonexistent.ttc' })).toThrow(
      'font file /nonexistent.ttc does not exist',
    );
  });
});

describe('fontCoverage(text, font)', () => {
  it('the CJK face has a glyph (cmap entry) for every code point of the title', () => {
    const c = fontCoverage(TITLE, resolveCjkFont({}));
    expect(c.postscriptName).toBe('NotoSansCJKsc-Regular');
    expect(c.checked).toBe(new Set([...TITLE.replace(/\s/g, '')]).size);
    expect(c.missing).toEqual([]);
  });
  it('reports code points a font lacks (the check can fail)', () => {
    expect(fontCoverage('南开😀', resolveCjkFont({})).missing).toEqual(['😀']);
    expect(fontCoverage('南开 A', { file: DEJAVU, family: 'DejaVu Sans' }).missing).toEqual(['南', '开']);
  });
});

describe('renderPng(spec)', () => {
  it('draws the Chinese title with glyphs of the CJK font', async () => {
    const img = await renderPng(fanChart(fanInput), { onWarning: () => {} });
    expect(img.png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(svgTexts(img.svg)).toContain(TITLE);
    expect(img.font.family).toBe('Noto Sans CJK SC');
    expect(img.missingGlyphs).toEqual([]);
    // The title band is not blank and not boxes: measured 4304 dark pixels with Noto Sans CJK SC, 2410 when the
    // same title falls back to DejaVu's .notdef boxes, 541 for a one-letter title.
    expect(titleInk(img)).toBeGreaterThan(3000);
  });

  it('with a font lacking CJK glyphs, reports them missing and draws a different title', async () => {
    const spec = fanChart(fanInput);
    const cjk = await renderPng(spec, { onWarning: () => {} });
    const latin = await renderPng(spec, { onWarning: () => {}, font: { file: DEJAVU, family: 'DejaVu Sans' } });
    expect(latin.missingGlyphs).toEqual(expect.arrayContaining([...'滨海高新区国家技术企业数']));
    // Same layout (the SVG does not depend on the raster font), so a differing title band means the glyphs differ.
    expect(latin.width).toBe(cjk.width);
    expect(titleInk(cjk) - titleInk(latin)).toBeGreaterThan(1000);
  });

  it('is deterministic: same spec, same PNG bytes', async () => {
    const a = await renderPng(fanChart(fanInput), { onWarning: () => {} });
    const b = await renderPng(fanChart(fanInput), { onWarning: () => {} });
    expect(Buffer.compare(a.png, b.png)).toBe(0);
  });
});

describe('renderSvg(spec)', () => {
  it('returns an SVG document whose text holds the title, units and years', async () => {
    const svg = await renderSvg(fanChart(fanInput));
    expect(svg.startsWith('<svg')).toBe(true);
    const texts = svgTexts(svg);
    expect(texts).toEqual(expect.arrayContaining([TITLE, '数值 (家)', '2015', '2025', '年份']));
  });
});

describe('renderSvg(spec) purity', () => {
  it("leaves the caller's spec untouched (vega would tag inline data rows)", async () => {
    const spec = fanChart(fanInput);
    const before = structuredClone(spec);
    await renderSvg(spec);
    const rows = (spec as unknown as { datasets: Record<string, object[]> }).datasets.bands ?? [];
    expect(rows.every((r) => Object.getOwnPropertySymbols(r).length === 0)).toBe(true);
    expect(spec).toStrictEqual(before);
  });
});

describe('svgTexts(svg)', () => {
  it('decodes entities and joins tspans', () => {
    expect(
      svgTexts('<svg><text x="1">R&amp;D &lt;5&gt; &#x5357;</text><text><tspan>a</tspan><tspan>b</tspan></text></svg>'),
    ).toEqual(['R&D <5> 南', 'a  b']);
  });
});

describe('text layout with font metrics', () => {
  it('fontTextWidth measures CJK ideographs at 1 em and Latin digits narrower (Noto Sans CJK advance widths)', () => {
    const width = fontTextWidth(resolveCjkFont({}));
    expect(width({ fontSize: 10 }, '南开区')).toBe(30);
    const digits = width({ fontSize: 10 }, '2015');
    expect(digits).toBeGreaterThan(15);
    expect(digits).toBeLessThan(30);
    expect(width({ fontSize: 10, limit: 12 }, '南开区')).toBe(12);
  });

  it("renderSvg reserves room for CJK axis labels that vega's 0.8 em estimate under-measures", async () => {
    // one y label of 19 ideographs at 11 px: 1 em each with the font, 0.8 em each in vega's estimate
    const label = '科学研究和技术服务业占地区生产总值比重';
    const spec = growthGapChart({ title: 'g', rows: [{ label, required: 5, historical: 3 }] });
    const left = (svg: string) => Number(/<g[^>]*transform="translate\((\d+(?:\.\d+)?),/.exec(svg)?.[1]);
    const measured = left(await renderSvg(spec));
    const estimated = left(await renderSvg(spec, { metricsFont: null }));
    expect(measured - estimated).toBeCloseTo(19 * 11 * (1 - 0.8), -0.5);
  });
});

describe('writeChartFiles(dir, name, spec)', () => {
  it('writes the spec, its SVG and its PNG', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'charts-files-'));
    try {
      const spec = fanChart(fanInput);
      const out = await writeChartFiles(dir, 'binhai-fan', spec, { onWarning: () => {} });
      expect((await readdir(dir)).sort()).toEqual(['binhai-fan.png', 'binhai-fan.svg', 'binhai-fan.vl.json']);
      expect(JSON.parse(await readFile(join(dir, 'binhai-fan.vl.json'), 'utf8'))).toEqual(spec);
      expect(svgTexts(await readFile(join(dir, 'binhai-fan.svg'), 'utf8'))).toContain(TITLE);
      expect(await readFile(join(dir, 'binhai-fan.png')).then((b) => b.subarray(1, 4).toString('latin1'))).toBe('PNG');
      expect(out.missingGlyphs).toEqual([]);
      await expect(writeChartFiles(dir, '../escape', spec)).rejects.toThrow(
        "name '../escape' must be a plain file name",
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
