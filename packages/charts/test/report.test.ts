import { mkdtemp, readFile, readdir, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import {
  assessmentReport,
  attainmentClass,
  escapeHtml,
  planGroups,
  wilsonInterval,
  browserAssets,
  fanChart,
  reportHtml,
  writeAssessmentReport,
  writeReport,
} from '../src/render.ts';
import { anchorId } from '../src/report/html.ts';
import { readIndicatorCsv, rowsToIndicators } from '@trajectory/core';
import { assessPlan } from '@trajectory/forecast';
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

  it('a chart with its own file gets no specs/ copy; its caption links the file and the extra links, escaped', async () => {
    const dir = await tempDir();
    const spec = fanChart(fanInput);
    const written = await writeReport(dir, {
      title: 'own files',
      sections: [
        {
          title: 's',
          specs: [
            {
              spec,
              name: 'kept',
              file: 'charts/a.vl.json',
              links: [{ label: 'PNG <2x>', href: 'charts/a.png?x="1"' }],
            },
            { spec, name: 'written' },
          ],
        },
      ],
    });
    expect(written.specs).toEqual([join(dir, 'specs', '002-written.vl.json')]);
    expect(await readdir(join(dir, 'specs'))).toEqual(['002-written.vl.json']);
    const html = await readFile(join(dir, 'index.html'), 'utf8');
    expect(html).toContain(
      '<a href="charts/a.vl.json">Vega-Lite spec</a> · <a href="charts/a.png?x=&quot;1&quot;">PNG &lt;2x&gt;</a>',
    );
    expect(html).toContain('<a href="specs/002-written.vl.json">Vega-Lite spec</a>');
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
  it('opens with the summary, then one section per region, the not-assessable table and the methods appendix', async () => {
    const dir = await tempDir();
    const out = await writeAssessmentReport(dir, planAssessment);
    const html = await readFile(out.index, 'utf8');
    const ids = [...html.matchAll(/<section id="([^"]+)" class="page/g)].map((m) => m[1]);
    expect(ids).toEqual(
      ['summary', 'region-item', 'region-item', 'not-assessable', 'methods'].map((x, i) =>
        x === 'region-item' ? ids[i] : x,
      ),
    );
    expect(ids[0]).toBe('summary');
    expect(ids.slice(-2)).toEqual(['not-assessable', 'methods']);
    // 1 summary chart + one fan chart per assessable merged target with a fan
    const { regions } = planGroups(planAssessment);
    const withFan = regions.flatMap((r) => r.groups).filter((g) => g.lead.probability !== null && g.lead.fan);
    expect(out.charts).toBe(1 + withFan.length);
    for (const { spec } of embeddedSpecs(html)) expect(schemaErrors(spec)).toEqual([]);
  });

  it('puts the growth-curve diagnostics in the folded details of a target projected by a curve', async () => {
    // a user's file: a count with logistic observations 2014–2020 and a 2025 target (assessed with every observation)
    const years = [2014, 2015, 2016, 2017, 2018, 2019, 2020];
    const head =
      'id,doc,region,indicator,indicator_zh,indicator_en,kind,year,value,value_text,unit,comparator,measure,accumulation,period_start,period_end,lower,upper,relative_kind,relative_amount,relative_base_year,relative_text,attribute,scope,note,quote';
    const row = (kind: string, year: number, v: number) =>
      `x.${year}.${kind},user.txt,district_x,district_x.firms,企业数,firms,${kind},${year},${v},${v},家,${kind === 'target' ? '>=' : ''},count,stock,,,,,,,,,,,,${v}`;
    const csv = [
      head,
      ...years.map((y) => row('observed', y, Math.round(800 / (1 + Math.exp(-0.7 * (y - 2016)))))),
      row('target', 2025, 790),
    ];
    const indicators = rowsToIndicators(
      readIndicatorCsv(`${csv.join('\n')}\n`, 'user.csv', { unknownUnits: 'label' }),
      {
        file: 'user.csv',
        unknownUnits: 'label',
      },
    );
    const plan = assessPlan(indicators, { curves: {}, nPaths: 500 });
    const t = plan.regions[0]!.targets[0]!;
    expect(t.projection?.method).toBe('pooled-curve');
    const out = await writeAssessmentReport(await tempDir(), plan);
    const html = await readFile(out.index, 'utf8');
    expect(html).toContain('增长曲线诊断');
    const curves = embeddedSpecs(html).filter(({ spec }) =>
      JSON.stringify(spec).includes('observations and candidate curves'),
    );
    expect(curves).toHaveLength(1);
    expect(schemaErrors(curves[0]!.spec)).toEqual([]);
    expect(JSON.stringify(curves[0]!.spec)).toContain(`datum.model === \\"${t.projection!.curve!.chosen}\\"`);
  });

  it('shows a target stated in two documents once, with both documents and both values', () => {
    const { html } = reportHtml(assessmentReport(planAssessment));
    const [first, second] = [anchorId('t', 'nankai.hightech_firms#0'), anchorId('t', 'nankai.hightech_firms#1')];
    expect(html.split(`<details class="target unlikely" id="${first}"`)).toHaveLength(2);
    expect(html).not.toContain(`id="${second}"`);
    const row = html.slice(html.indexOf(`id="${first}"`));
    const detail = row.slice(0, row.indexOf('</details>\n'));
    for (const text of [
      '000_fdb4085a81389e14.txt',
      '002_e54e0b994c9af463.txt',
      '≥ 650 (2023)',
      '≥ 500 (2023)',
      '4.0%',
      '41.0%',
    ])
      expect(detail).toContain(text);
  });

  it('explains each assessor and method once, in the appendix, and every target links to it', () => {
    const { html } = reportHtml(assessmentReport(planAssessment));
    const rule = planAssessment.regions[0]!.targets[0]!.verdicts[0]!.rule;
    expect(html.split(escapeHtml(rule)).length - 1).toBe(1);
    const method = anchorId('method', 'log-linear trend');
    expect(html.split(`id="${method}"`)).toHaveLength(2);
    const targets = html.match(/<details class="target /g)?.length ?? 0;
    expect(targets).toBeGreaterThan(0);
    expect(html.split(`href="#${method}"`)).toHaveLength(targets + 1);
  });

  it('lists targets that cannot be assessed in one table with the reason', () => {
    const { html } = reportHtml(assessmentReport(planAssessment));
    const table = html.slice(html.indexOf('<section id="not-assessable"'), html.indexOf('<section id="methods"'));
    const blank = planAssessment.regions.flatMap((r) => r.targets).filter((t) => t.probability === null);
    expect(blank.length).toBeGreaterThan(0);
    for (const t of blank) expect(table).toContain(escapeHtml(t.nameZh));
    expect(table.match(/<tr id=/g)).toHaveLength(blank.length);
  });

  it('counts likely / uncertain / unlikely / not assessable per plan and states the thresholds', () => {
    const { html } = reportHtml(assessmentReport(planAssessment));
    const summary = html.slice(html.indexOf('<section id="summary"'), html.indexOf('</section>'));
    expect(summary).toContain('P ≥ 67%');
    expect(summary).toContain('P &lt; 33%');
    const { regions } = planGroups(planAssessment);
    const total = regions.reduce((s, r) => s + r.groups.length, 0);
    expect(summary).toContain(`<td class="n">${total}</td></tr></tbody>`);
  });

  it('says in the summary how many rows of a reviewed data file were not confirmed, and nothing when none were', () => {
    const summaryOf = (plan: typeof planAssessment) => {
      const { html } = reportHtml(assessmentReport(plan));
      return html.slice(html.indexOf('<section id="summary"'), html.indexOf('</section>'));
    };
    const skipped = summaryOf({ ...planAssessment, summary: { ...planAssessment.summary, skippedUnconfirmed: 3 } });
    expect(skipped).toContain('数据文件中有 3 行未经确认');
    expect(skipped).toContain('3 rows of the data file were not confirmed');
    expect(summaryOf(planAssessment)).not.toContain('未经确认');
    expect(
      summaryOf({ ...planAssessment, summary: { ...planAssessment.summary, skippedUnconfirmed: 0 } }),
    ).not.toContain('not confirmed');
  });

  it('escapes HTML and script in indicator names, units and quotes', () => {
    const evil = '<script>alert(1)</script>';
    const plan = structuredClone(planAssessment);
    for (const r of plan.regions)
      for (const t of r.targets) {
        t.nameZh = `${evil}${t.nameZh}`;
        t.nameEn = evil;
        t.unit = evil;
        t.target.source.quote = evil;
      }
    const { html } = reportHtml(assessmentReport(plan));
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});

describe('planGroups(plan) and the attainment classes', () => {
  it('anchorId(prefix, text) keeps ASCII slugs and never merges different texts', () => {
    expect(anchorId('region', 'nankai')).toBe('region-nankai');
    const ids = ['南开区', '河西区', 'a.b', 'a-b'].map((t) => anchorId('r', t));
    expect(new Set(ids).size).toBe(4);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9-]+$/);
  });

  it('wilsonInterval(p, n) matches the published 95% Wilson interval (Newcombe 1998, Table I: 81/263 → 0.2553–0.3662)', () => {
    const [lo, hi] = wilsonInterval(81 / 263, 263);
    expect(lo).toBeCloseTo(0.2553, 4);
    expect(hi).toBeCloseTo(0.3662, 4);
    const [lo0, hi0] = wilsonInterval(0, 2000);
    expect(lo0).toBe(0);
    expect(hi0).toBeGreaterThan(0);
  });

  it('attainmentClass(p) uses the stated thresholds', () => {
    expect([0.9, 0.67, 0.66, 0.33, 0.329, null].map((p) => attainmentClass(p))).toEqual([
      'likely',
      'likely',
      'uncertain',
      'uncertain',
      'unlikely',
      'not-assessable',
    ]);
  });

  it('ranks assessable targets from most at risk to most comfortable', () => {
    const { ranked } = planGroups(planAssessment);
    const ps = ranked.map((g) => g.lead.probability ?? -1);
    expect(ps).toEqual([...ps].sort((a, b) => a - b));
  });
});
