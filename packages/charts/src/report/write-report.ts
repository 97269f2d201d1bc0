import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { TopLevelSpec } from 'vega-lite';
import { browserAssets } from './assets.ts';
import { escapeHtml, jsonForScript, slug } from './html.ts';
import { copyFileAtomic, writeFileAtomic } from '@trajectory/core/node';

/** One chart of a report section. */
export interface ReportChart {
  spec: TopLevelSpec;
  /** heading above the chart (the spec's own title is drawn inside the chart) */
  title?: string;
  /** caption below the chart (plain text) */
  caption?: string;
  /** base of the spec's file name, `specs/NNN-<name>.vl.json` (slugged); @default the title */
  name?: string;
  /**
   * path of the chart's spec file relative to the page when the caller writes it (then no `specs/` file is
   * written for this chart); @default `specs/NNN-<name>.vl.json`, written by {@link writeReport}
   */
  file?: string;
  /** further links in the caption after the spec's, e.g. the chart's SVG and PNG renderings (`href` relative) */
  links?: { label: string; href: string }[];
}

/** A section of a report: heading, optional trusted HTML, charts, and nested sections (one level is typical). */
export interface ReportSection {
  title: string;
  /** HTML inserted as is (trusted; escape user text with `escapeHtml`) */
  html?: string;
  specs?: ReportChart[];
  sections?: ReportSection[];
}

/** Input of {@link writeReport}. */
export interface ReportInput {
  title: string;
  subtitle?: string;
  /** HTML after the title (trusted) */
  html?: string;
  /** each top-level section is one page (page break when printed) */
  sections: ReportSection[];
  /**
   * A page laid out by the caller instead of `sections`: returns the trusted HTML of `<main>`, calling `embed` for
   * each chart where it should appear (embed returns the chart's `<figure>`).
   */
  body?: (embed: (chart: ReportChart) => string) => string;
  /** trusted HTML of the navigation bar; @default links to the top-level sections */
  navHtml?: string;
  /** trusted HTML of the `<h1>` (e.g. one title per language); @default the escaped title */
  titleHtml?: string;
  /**
   * show the 中文 / English switch: elements of class `zh` show by default, those of class `en` after the switch
   * @default false
   */
  languageSwitch?: boolean;
  /** extra CSS for the page's `<style>` (trusted) */
  css?: string;
}

/** What {@link writeReport} wrote. */
export interface WrittenReport {
  /** absolute or dir-relative path of `index.html` */
  index: string;
  /** the `assets/*.js` files */
  assets: string[];
  /** one editable Vega-Lite file per chart, `specs/<n>-<slug>.vl.json` (none for charts with their own `file`) */
  specs: string[];
  /** number of chart containers in the page */
  charts: number;
}

interface Collected {
  id: string;
  file: string;
  spec: TopLevelSpec;
  /** the caller writes the spec file itself */
  external: boolean;
}

/** The `<figure>` of one chart, registering it in `charts` (its id and spec file follow the page order). */
function embedChart(c: ReportChart, charts: Collected[], headingLevel: number): string {
  const n = charts.length + 1;
  const chartId = `chart-${n}`;
  const name = typeof c.spec.title === 'string' ? c.spec.title : (c.spec.title as { text?: unknown } | undefined)?.text;
  const file =
    c.file ?? `specs/${String(n).padStart(3, '0')}-${slug(c.name ?? c.title ?? String(name ?? ''), 'chart')}.vl.json`;
  charts.push({ id: chartId, file, spec: c.spec, external: c.file !== undefined });
  const h = Math.min(6, headingLevel);
  const links = [{ label: 'Vega-Lite spec', href: file }, ...(c.links ?? [])]
    .map((l) => `<a href="${escapeHtml(l.href)}">${escapeHtml(l.label)}</a>`)
    .join(' · ');
  return [
    '<figure class="chart">',
    c.title ? `<h${h} class="chart-title">${escapeHtml(c.title)}</h${h}>` : '',
    `<div class="vega-chart" id="${chartId}" data-chart="${chartId}"></div>`,
    `<figcaption>${c.caption ? `${escapeHtml(c.caption)} · ` : ''}${links}</figcaption>`,
    '</figure>',
  ].join('\n');
}

function renderSection(s: ReportSection, depth: number, charts: Collected[], path: string): string {
  const id = `${path}`;
  const h = Math.min(6, depth + 2);
  const parts = [
    `<section id="${id}" class="${depth === 0 ? 'page' : 'sub'}">`,
    `<h${h}>${escapeHtml(s.title)}</h${h}>`,
  ];
  if (s.html) parts.push(`<div class="prose">${s.html}</div>`);
  for (const c of s.specs ?? []) parts.push(embedChart(c, charts, h + 1));
  (s.sections ?? []).forEach((sub, i) => parts.push(renderSection(sub, depth + 1, charts, `${path}-${i + 1}`)));
  parts.push('</section>');
  return parts.join('\n');
}

const CSS = `
body{font-family:'Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Microsoft YaHei',sans-serif;margin:0;color:#222;line-height:1.5}
header{padding:.8rem 2rem;border-bottom:1px solid #ddd;background:#fafafa}
header h1{margin:0;font-size:1.5rem}
header p{margin:.2rem 0 0}
nav{padding:.4rem 2rem;border-bottom:1px solid #eee;font-size:.9rem}
nav a{margin-right:1rem;white-space:nowrap}
main{padding:0 2rem 3rem}
html.en .zh,html:not(.en) .en{display:none}
.lang-switch{float:right;font:inherit;padding:.2rem .8rem;border:1px solid #999;border-radius:4px;background:#fff;cursor:pointer}
@media (max-width:600px){header,nav,main{padding-left:.6rem;padding-right:.6rem}header h1{font-size:1.2rem}}
@media print{.lang-switch,nav,figcaption a{display:none}section.page{break-before:auto}figure.chart,tr,details{break-inside:avoid}body{font-size:10pt}}
section.page{border-bottom:2px solid #ccc;padding-bottom:1.5rem;break-before:page}
section.sub{margin-left:0;border-top:1px solid #eee}
figure.chart{margin:1rem 0;overflow-x:auto}
figcaption{font-size:.8rem;color:#666}
table{border-collapse:collapse;font-size:.85rem;margin:.5rem 0}
th,td{border:1px solid #ddd;padding:.2rem .5rem;text-align:left;vertical-align:top}
th{background:#f3f3f3}
blockquote{margin:.3rem 0;padding:.2rem .8rem;border-left:3px solid #bbb;color:#444;background:#fafafa}
.status-bad{color:#b00}
.muted{color:#777}
`;

const SCRIPT = `
(function () {
  var specs = JSON.parse(document.getElementById('trajectory-specs').textContent);
  var state = (window.__trajectoryReport = { total: specs.length, rendered: 0, failed: [], done: false });
  Promise.all(specs.map(function (c) {
    var el = document.getElementById(c.id);
    return vegaEmbed(el, c.spec, { renderer: 'svg', actions: { export: true, source: true, compiled: false, editor: false } })
      .then(function () { state.rendered++; el.setAttribute('data-rendered', 'true'); })
      .catch(function (err) {
        state.failed.push(c.id + ': ' + err);
        el.setAttribute('data-rendered', 'error');
        el.textContent = 'Chart failed to render: ' + err;
        console.error('chart ' + c.id + ' failed', err);
      });
  })).then(function () { state.done = true; document.documentElement.setAttribute('data-report-done', 'true'); });
})();
`;

// The switch flips a class on <html> (CSS shows .zh or .en) and the page's lang; ?lang=en opens the English page.
const LANGUAGE_SCRIPT = `
(function () {
  var root = document.documentElement;
  function set(en) { root.classList.toggle('en', en); root.setAttribute('lang', en ? 'en' : 'zh-CN'); }
  if (/[?&]lang=en\\b/.test(location.search)) set(true);
  document.getElementById('lang-switch').addEventListener('click', function () { set(!root.classList.contains('en')); });
})();
`;

/**
 * The complete HTML of a report page (no file I/O): sections, chart containers, the specs as inline JSON, and
 * `<script>` tags for the browser builds under `assets/`. Returns the HTML and the charts in page order.
 * @example
 * const { html, charts } = reportHtml({ title: 'Plan', sections: [{ title: 'Binhai', specs: [{ spec }] }] });
 */
export function reportHtml(input: ReportInput): { html: string; charts: Collected[] } {
  const charts: Collected[] = [];
  const body = input.body
    ? input.body((c) => embedChart(c, charts, 4))
    : input.sections.map((s, i) => renderSection(s, 0, charts, `section-${i + 1}`)).join('\n');
  const nav =
    input.navHtml ?? input.sections.map((s, i) => `<a href="#section-${i + 1}">${escapeHtml(s.title)}</a>`).join('');
  const toggle = input.languageSwitch
    ? '<button type="button" id="lang-switch" class="lang-switch" aria-label="English / 中文"><span class="zh">English</span><span class="en">中文</span></button>'
    : '';
  const scripts = browserAssets()
    .map((a) => `<script src="assets/${a.name}"></script>`)
    .join('\n');
  const html = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(input.title)}</title>
<link rel="icon" href="data:,">
<style>${CSS}${input.css ?? ''}</style>
</head>
<body>
<header>${toggle}<h1>${input.titleHtml ?? escapeHtml(input.title)}</h1>${input.subtitle ? `<p class="muted">${escapeHtml(input.subtitle)}</p>` : ''}</header>
<nav>${nav}</nav>
<main>
${input.html ? `<div class="prose">${input.html}</div>` : ''}
${body}
</main>
${scripts}
<script type="application/json" id="trajectory-specs">${jsonForScript(charts.map((c) => ({ id: c.id, spec: c.spec })))}</script>
<script>${SCRIPT}${input.languageSwitch ? LANGUAGE_SCRIPT : ''}</script>
</body>
</html>
`;
  return { html, charts };
}

/**
 * Write an HTML report that works offline: `DIR/index.html` with every chart embedded by vega-embed, the browser
 * builds of vega, vega-lite and vega-embed copied to `DIR/assets/` (no CDN), and each chart's Vega-Lite spec as
 * `DIR/specs/NNN-name.vl.json` for editing. Every file is written atomically (temp + rename) and `index.html`
 * last, so an existing report stays intact until the new one is complete; spec files of an earlier report that
 * this one did not write are then removed. Other files in `DIR` are left alone.
 *
 * @example
 * await writeReport('out/scenarios', {
 *   title: '情景分析 Scenarios',
 *   sections: [{ title: '雏鹰企业', html: '<p>…</p>', specs: [{ spec: scenarioComparison(input) }] }],
 * });
 */
export async function writeReport(dir: string, input: ReportInput): Promise<WrittenReport> {
  if (!input.title) throw new TypeError('writeReport: report title must be a non-empty string');
  const { html, charts } = reportHtml(input);
  await mkdir(join(dir, 'assets'), { recursive: true });
  const assets: string[] = [];
  for (const a of browserAssets()) {
    const target = join(dir, 'assets', a.name);
    try {
      await copyFileAtomic(a.path, target);
    } catch (err) {
      throw new Error(`writeReport: cannot copy ${a.path} to ${target}: ${(err as Error).message}`);
    }
    assets.push(target);
  }
  const specs: string[] = [];
  for (const c of charts) {
    if (c.external) continue;
    const target = join(dir, c.file);
    await writeFileAtomic(target, `${JSON.stringify(c.spec, null, 2)}\n`);
    specs.push(target);
  }
  const index = join(dir, 'index.html');
  await writeFileAtomic(index, html);
  // Spec files of an earlier, larger report would be stale: remove those this report did not write.
  const current = new Set(charts.filter((c) => !c.external).map((c) => c.file.slice('specs/'.length)));
  for (const f of await readdir(join(dir, 'specs')).catch(() => [] as string[])) {
    if (/^\d{3}-.*\.vl\.json$/.test(f) && !current.has(f)) await rm(join(dir, 'specs', f), { force: true });
  }
  return { index, assets, specs, charts: charts.length };
}
