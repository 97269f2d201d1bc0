import { mkdtemp, readFile, readdir, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import {
  assessmentReport,
  browserAssets,
  fanChart,
  reportHtml,
  writeAssessmentReport,
  writeReport,
} from '../src/index.ts';
import { fanInput } from './fixtures/inputs.ts';
import { planAssessment } from './fixtures/plan-assessment.ts';
import { schemaErrors } from './helpers.ts';

const dirs: string[] = [];
async function tempDir(): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), 'charts-report-'));
  dirs.push(d);
  return d;
}
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

/** The specs embedded in a report page, as the page's script would read them. */
function embeddedSpecs(html: string): { id: string; spec: TopLevelSpec }[] {
  const m = /<script type="application\/json" id="trajectory-specs">([\s\S]*?)<\/script>/.exec(html);
  return JSON.parse(m?.[1] ?? 'null') as { id: string; spec: TopLevelSpec }[];
}

describe('writeReport(dir, input)', () => {
  it('writes index.html, the vega/vega-lite/vega-embed builds and one spec file per chart, all local', async () => {
    const dir = await tempDir();
    const out = await writeReport(dir, {
      title: '测试报告',
      sections: [
        {
          title: '滨海',
          specs: [{ spec: fanChart(fanInput), title: '高新技术企业' }],
          sections: [{ title: 'sub', html: '<p>x</p>' }],
        },
      ],
    });
    expect(out.charts).toBe(1);
    expect(out.index).toBe(join(dir, 'index.html'));
    const html = await readFile(out.index, 'utf8');
    expect(await readdir(join(dir, 'assets'))).toEqual(['vega-embed.min.js', 'vega-lite.min.js', 'vega.min.js']);
    for (const a of browserAssets()) {
      expect(Buffer.compare(await readFile(join(dir, 'assets', a.name)), await readFile(a.path))).toBe(0);
    }
    // offline: every script/link/img reference is relative (no CDN)
    const refs = [...html.matchAll(/\b(?:src|href)="([^"]*)"/g)].map((m) => m[1] ?? '');
    expect(refs.filter((r) => /^(https?:)?\/\//.test(r))).toEqual([]);
    expect(refs).toEqual(
      expect.arrayContaining(['assets/vega.min.js', 'assets/vega-lite.min.js', 'assets/vega-embed.min.js']),
    );
    expect(html.indexOf('assets/vega.min.js')).toBeLessThan(html.indexOf('assets/vega-embed.min.js'));
    expect(html).toContain('data-chart="chart-1"');
    const specFile = JSON.parse(await readFile(out.specs[0] ?? '', 'utf8')) as TopLevelSpec;
    expect(specFile).toEqual(fanChart(fanInput));
    expect(schemaErrors(specFile)).toEqual([]);
    expect(embeddedSpecs(html)).toEqual([{ id: 'chart-1', spec: fanChart(fanInput) }]);
  });

  it('escapes text and keeps a spec containing </script> intact', () => {
    const evil = 'A </script><script>alert(1)</script> & “quotes”';
    const spec = fanChart({ ...fanInput, title: evil });
    const { html } = reportHtml({ title: evil, sections: [{ title: evil, specs: [{ spec, caption: evil }] }] });
    expect(html).not.toContain('<script>alert(1)');
    expect(html).toContain('A &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; “quotes”');
    expect(embeddedSpecs(html)[0]?.spec).toEqual(spec);
  });

  it('replaces its own files atomically and leaves other files in DIR alone', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'assessment.json'), '{"keep":true}');
    await writeReport(dir, { title: 'one', sections: [] });
    await writeReport(dir, { title: 'two', sections: [] });
    expect(await readFile(join(dir, 'index.html'), 'utf8')).toContain('<title>two</title>');
    expect(await readFile(join(dir, 'assessment.json'), 'utf8')).toBe('{"keep":true}');
    const all = [...(await readdir(dir)), ...(await readdir(join(dir, 'assets')))];
    expect(all.filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('removes spec files of an earlier, larger report', async () => {
    const dir = await tempDir();
    const spec = fanChart(fanInput);
    await writeReport(dir, {
      title: 'big',
      sections: [
        {
          title: 's',
          specs: [
            { spec, name: 'a' },
            { spec, name: 'b' },
          ],
        },
      ],
    });
    expect(await readdir(join(dir, 'specs'))).toEqual(['001-a.vl.json', '002-b.vl.json']);
    await writeReport(dir, { title: 'small', sections: [{ title: 's', specs: [{ spec, name: 'c' }] }] });
    expect(await readdir(join(dir, 'specs'))).toEqual(['001-c.vl.json']);
  });

  it('rejects an empty title before writing anything', async () => {
    const dir = await tempDir();
    await expect(writeReport(dir, { title: '', sections: [] })).rejects.toThrow(
      'report title must be a non-empty string',
    );
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('writeAssessmentReport(dir, plan)', () => {
  it('has one page per region with a dashboard, a fan chart per target with a fan, assumptions and sources', async () => {
    const dir = await tempDir();
    const out = await writeAssessmentReport(dir, planAssessment);
    const html = await readFile(out.index, 'utf8');
    // 2 dashboards + 4 targets with a fan (the blank 翻番 target has none)
    expect(out.charts).toBe(6);
    expect(html.match(/<section id="section-\d+" class="page">/g)).toHaveLength(2);
    for (const text of [
      '天津滨海高新区',
      '南开区',
      '假设 Assumptions',
      '数据来源 Data sources',
      '000_fdb4085a81389e14.txt',
      '国家高新技术企业达到650家',
      '000 states 650, 002 states 500',
      'seed 20260101',
      'log-linear trend',
      'no-base',
      '基本符合',
    ]) {
      expect(html).toContain(text);
    }
    expect(html).toContain('预期性 &lt;表1&gt;');
    for (const { spec } of embeddedSpecs(html)) expect(schemaErrors(spec)).toEqual([]);
  });

  it('assessmentReport(plan) lists targets under their region in input order', () => {
    const r = assessmentReport(planAssessment);
    expect(r.sections.map((s) => s.title)).toEqual(['天津滨海高新区', '南开区']);
    expect(r.sections[1]?.sections?.map((s) => s.title).slice(0, 3)).toEqual([
      '高新技术企业 2023 ≥ 650 家',
      '高新技术企业 2023 ≥ 500 家',
      '瞪羚企业 2023 (目标未定)',
    ]);
  });
});
