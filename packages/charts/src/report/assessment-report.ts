import type { PlanAssessment, TargetAssessment, Verdict } from '@trajectory/forecast';
import { fanChart } from '../builders/fan-chart.ts';
import { fitDiagnostics } from '../builders/fit-diagnostics.ts';
import { curveDiagnosticsInput } from '../adapters/fit.ts';
import { probabilitySummary } from '../builders/probability-summary.ts';
import { regionName, targetFanInput } from '../adapters/assessment.ts';
import { anchorId, escapeHtml } from './html.ts';
import { bi, COMPARATOR, num, pct, regionBi, regionEn } from './page-parts.ts';
import { methodInfo } from './method-codes.ts';
import {
  ATTAINMENT_CLASSES,
  type AttainmentClass,
  type ClassCounts,
  planGroups,
  type RegionGroups,
  REPORT_DEFAULTS,
  type TargetGroup,
} from './plan-groups.ts';
import { writeReport, type ReportChart, type ReportInput, type WrittenReport } from './write-report.ts';

/** Options of {@link writeAssessmentReport}. */
export interface AssessmentReportOptions {
  /** report title (Chinese); @default '规划目标可达性评估' */
  title?: string;
  /** report title in English; @default 'Plan target assessment' */
  titleEn?: string;
}

const e = escapeHtml;

const CLASS_TEXT: Record<AttainmentClass, [string, string]> = {
  likely: ['可能达成', 'likely'],
  uncertain: ['不确定', 'uncertain'],
  unlikely: ['不太可能', 'unlikely'],
  'not-assessable': ['无法评估', 'not assessable'],
};

const CLASS_COLOR: Record<AttainmentClass, string> = {
  likely: '#1a9850',
  uncertain: '#e6a117',
  unlikely: '#d73027',
  'not-assessable': '#999999',
};

const STATUS_TEXT: Record<string, [string, string]> = {
  'no-observations': ['无观测数据', 'no observations'],
  'target-blank': ['目标值空白', 'target value blank'],
  'non-positive-base': ['基数非正', 'non-positive base'],
  'unsupported-measure': ['不支持的指标类型', 'unsupported measure'],
  'no-prior': ['无先验', 'no prior'],
};

// statuses whose short label says all the sentence does (the sentence stays in the cell's tooltip)
const SELF_EXPLAINING = new Set(['no-observations', 'target-blank']);

function targetAnchor(g: TargetGroup): string {
  return anchorId('t', g.id);
}

function targetText(t: TargetAssessment, value = t.target.value, comparator = t.target.comparator): string {
  const period = t.target.period ? ` Σ${t.target.period[0]}–${t.target.period[1]}` : '';
  return value === null
    ? `(${t.target.year})`
    : `${COMPARATOR[comparator] ?? e(comparator)} ${num(value)}${period} (${t.target.year})`;
}

function baseToTarget(g: TargetGroup): string {
  const t = g.lead;
  const base = t.base ? `${num(t.base.value)} (${t.base.year})` : '–';
  return `${base} → ${targetText(t)} ${e(t.unit)}`;
}

function pText(g: TargetGroup): string {
  const p = g.lead.probability;
  if (p === null || !g.interval) return '–';
  // a calibrated P keeps the pure statistical probability (share of paths) beside it
  const stat = g.lead.calibration && g.lead.statisticalProbability != null ? g.lead.statisticalProbability : null;
  const statText = stat === null ? '' : ` <span class="muted">${bi('统计', 'stat.')} ${pct(stat)}</span>`;
  return `${pct(p)} <span class="muted">[${pct(g.interval[0])}–${pct(g.interval[1])}]</span>${statText}`;
}

function classBadge(cls: AttainmentClass): string {
  const [zh, en] = CLASS_TEXT[cls];
  return `<span class="badge ${cls}">${bi(zh, en)}</span>`;
}

function methodLink(t: TargetAssessment): string {
  if (!t.projection) return '<span class="muted">–</span>';
  const info = methodInfo(t.projection.method);
  return `<a class="method" href="#${anchorId('method', t.projection.method)}" title="${e(t.projection.method)}">${info.code}</a>`;
}

/** One sentence on a highlighted target (summary's at-risk and comfortable lists). */
function highlightSentence(g: TargetGroup): string {
  const t = g.lead;
  const growth = t.growth;
  const needZh = growth?.required ? `；需年均增长 ${pct(growth.required.cagr)}` : '';
  const needEn = growth?.required ? `; needs ${pct(growth.required.cagr)} a year` : '';
  const projZh = growth?.projected ? `，预测 ${pct(growth.projected.cagr)}` : '';
  const projEn = growth?.projected ? `, projected ${pct(growth.projected.cagr)}` : '';
  const interval = g.interval ? `${pct(g.interval[0])}–${pct(g.interval[1])}` : '–';
  const what = `<a href="#${targetAnchor(g)}">${e(t.nameZh)} ${targetText(t)} ${e(t.unit)}</a>`;
  return `<li>${bi(
    `${e(regionName(t.region))} ${what}：达成概率 ${pct(t.probability)}（95% 区间 ${interval}）${needZh}${projZh}。`,
    `${e(regionEn(t.region))}, ${e(t.nameEn)}: ${what} — P(attain) ${pct(t.probability)} (95% interval ${interval})${needEn}${projEn}.`,
  )}</li>`;
}

function countsTable(regions: RegionGroups[]): string {
  const total: ClassCounts = { likely: 0, uncertain: 0, unlikely: 0, 'not-assessable': 0 };
  for (const r of regions) for (const c of ATTAINMENT_CLASSES) total[c] += r.counts[c];
  const row = (label: string, c: ClassCounts): string =>
    `<tr><th>${label}</th>${ATTAINMENT_CLASSES.map((k) => `<td class="n">${c[k]}</td>`).join('')}<td class="n">${ATTAINMENT_CLASSES.reduce((s, k) => s + c[k], 0)}</td></tr>`;
  return `<div class="scroll"><table class="counts"><thead><tr><th>${bi('规划', 'Plan')}</th>${ATTAINMENT_CLASSES.map((k) => `<th class="${k}">${classBadge(k)}</th>`).join('')}<th>${bi('合计', 'Total')}</th></tr></thead><tbody>${regions
    .map((r) => row(`<a href="#${anchorId('region', r.region)}">${regionBi(r.region)}</a>`, r.counts))
    .join('')}${row(bi('全部', 'All'), total)}</tbody></table></div>`;
}

function thresholdsText(): string {
  const l = pct(REPORT_DEFAULTS.likely, 0);
  const u = pct(REPORT_DEFAULTS.unlikely, 0);
  return bi(
    `可能达成：P ≥ ${l}；不确定：${u} ≤ P &lt; ${l}；不太可能：P &lt; ${u}；无法评估：没有概率（原因见<a href="#not-assessable">表</a>）。P = 模拟路径中达成目标的比例（按趋势汇总预测的指标按以往规划的完成情况校准），区间为反映校准与模拟误差的 95% 区间（<a href="#methods">方法</a>）。`,
    `Likely: P ≥ ${l}; uncertain: ${u} ≤ P &lt; ${l}; unlikely: P &lt; ${u}; not assessable: no probability (reasons in the <a href="#not-assessable">table</a>). P = share of simulated paths that meet the target, recalibrated on past plans' outcomes for pooled projections; intervals are 95% intervals of the calibration and simulation error (<a href="#methods">methods</a>).`,
  );
}

function summaryHtml(
  plan: PlanAssessment,
  regions: RegionGroups[],
  ranked: TargetGroup[],
  embed: (c: ReportChart) => string,
): string {
  const n = REPORT_DEFAULTS.highlights;
  const risk = ranked.slice(0, n);
  const comfortable = ranked.slice(Math.max(n, ranked.length - n)).reverse();
  const rows = regions.flatMap((r) =>
    r.groups
      .filter((g) => g.lead.probability !== null && g.interval)
      .sort((a, b) => (b.lead.probability ?? 0) - (a.lead.probability ?? 0))
      .map((g) => ({
        id: g.id,
        label:
          `${g.lead.nameZh} ${g.lead.target.year} ${g.lead.target.value === null ? '' : `${COMPARATOR[g.lead.target.comparator] ?? ''} ${num(g.lead.target.value)}`}`.trim(),
        probability: g.lead.probability ?? 0,
        lower: g.interval?.[0] ?? 0,
        upper: g.interval?.[1] ?? 1,
        category: g.cls,
        group: regionName(r.region),
        note: g.conflicting ? '文件间数值不一致 documents disagree' : '',
      })),
  );
  const chart = rows.length
    ? embed({
        name: 'summary-probabilities',
        spec: probabilitySummary(
          {
            title: '各目标达成概率 P(attain) by target',
            rows,
            classes: ATTAINMENT_CLASSES.filter((c) => c !== 'not-assessable').map((c) => ({
              id: c,
              label: `${CLASS_TEXT[c][0]} ${CLASS_TEXT[c][1]}`,
              color: CLASS_COLOR[c],
            })),
            thresholds: [REPORT_DEFAULTS.unlikely, REPORT_DEFAULTS.likely],
          },
          { width: 260 },
        ),
      })
    : `<p>${bi('没有可评估的目标。', 'No target could be assessed.')}</p>`;
  return `<section id="summary" class="page summary">
<h2>${bi('摘要', 'Summary')}</h2>
<div class="summary-grid">
<div class="summary-text">
<p class="small">${thresholdsText()}</p>
${countsTable(regions)}
<h3>${bi('风险最大的目标', 'Most at risk')}</h3>
<ol class="highlights">${risk.map(highlightSentence).join('')}</ol>
<h3>${bi('最有把握的目标', 'Most comfortable')}</h3>
<ol class="highlights">${comfortable.map(highlightSentence).join('')}</ol>
<p class="small muted">${bi(
    `${plan.summary.targets} 条目标表述合并为 ${regions.reduce((s, r) => s + r.groups.length, 0)} 个目标（同一指标和年份在多个文件中出现时合并）；模拟 ${plan.nPaths} 条路径，种子 ${plan.seed}。`,
    `${plan.summary.targets} target statements merged into ${regions.reduce((s, r) => s + r.groups.length, 0)} targets (the same indicator and year in several documents is one target); ${plan.nPaths} simulated paths, seed ${plan.seed}.`,
  )}</p>${unconfirmedNote(plan.summary.skippedUnconfirmed ?? 0)}
</div>
<div class="summary-chart">${chart}</div>
</div>
</section>`;
}

/** A reviewed data file's rows no analyst confirmed: not assessed, and the reader is told how many. */
function unconfirmedNote(n: number): string {
  if (n === 0) return '';
  return `\n<p class="small unconfirmed">${bi(
    `数据文件中有 ${n} 行未经确认（confirmed 列不是“是”），未参与评估。`,
    `${n} row${n === 1 ? '' : 's'} of the data file ${n === 1 ? 'was' : 'were'} not confirmed (column confirmed is not yes) and ${n === 1 ? 'is' : 'are'} not assessed.`,
  )}</p>`;
}

function statementsTable(g: TargetGroup): string {
  const rows = g.statements.flatMap((s) =>
    s.sources.map(
      (src, i) =>
        `<tr>${i === 0 ? `<td rowspan="${s.sources.length}">${targetText(g.lead, s.value, s.comparator as TargetAssessment['target']['comparator'])} ${e(g.lead.unit)}</td><td rowspan="${s.sources.length}" class="n">${pct(s.probability)}</td>` : ''}<td><code>${e(src.doc)}</code></td><td>${e(src.quote)}</td></tr>`,
    ),
  );
  return `<div class="scroll"><table class="statements"><thead><tr><th>${bi('目标', 'Target')}</th><th>P</th><th>${bi('文件', 'Document')}</th><th>${bi('原文', 'Quote')}</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
}

function figuresTable(t: TargetAssessment): string {
  const g = t.growth;
  const at = t.atTarget;
  const i80 = at?.intervals.find((i) => i.level === 80);
  const rows: [string, string][] = [
    [bi('基数', 'Base'), t.base ? `${num(t.base.value)} ${e(t.unit)} (${t.base.year})` : '–'],
    [
      bi('最近观测', 'Last observation'),
      t.lastObservation ? `${num(t.lastObservation.value)} (${t.lastObservation.year})` : '–',
    ],
    [
      bi('要求年均增长', 'Required growth'),
      g?.required ? `${pct(g.required.cagr)} (${num(g.required.increment, 2)} ${e(t.unit)}/yr)` : '–',
    ],
    [
      bi('历史年均增长', 'Historical growth'),
      g?.historical ? `${pct(g.historical.cagr)} (${g.historical.fromYear}–${g.historical.toYear})` : '–',
    ],
    [bi('预测年均增长', 'Projected growth'), g?.projected ? pct(g.projected.cagr) : '–'],
    [
      bi('目标年预测中位数 [80%]', 'Median at target year [80%]'),
      at ? `${num(at.median, 4)} [${num(i80?.lower ?? null, 4)}, ${num(i80?.upper ?? null, 4)}] ${e(t.unit)}` : '–',
    ],
  ];
  return `<table class="figures"><tbody>${rows.map(([k, v]) => `<tr><th>${k}</th><td>${v}</td></tr>`).join('')}</tbody></table>`;
}

function verdictsTable(verdicts: Verdict[]): string {
  return `<table><thead><tr><th>${bi('评估框架', 'Assessor')}</th><th>${bi('判断', 'Verdict')}</th><th>${bi('指标', 'Measure')}</th></tr></thead><tbody>${verdicts
    .map(
      (v) =>
        `<tr><td><a href="#${anchorId('assessor', v.assessor)}">${e(v.name.split(' (')[0] ?? v.name)}</a></td><td>${e(v.label)}${v.reason ? ` <span class="muted">${e(v.reason)}</span>` : ''}</td><td>${num(v.measure, 3)} <span class="muted">${e(v.measureName)}</span></td></tr>`,
    )
    .join('')}</tbody></table>`;
}

function diagnostics(t: TargetAssessment): string {
  const items = [
    t.status !== 'ok' ? `${e(t.status)}: ${e(t.reason ?? '')}` : '',
    t.projection ? `${e(t.projection.method)}: ${e(t.projection.methodNote)} (${t.projection.nPaths} paths)` : '',
    t.probabilityStdError !== null ? `MC s.e. ${pct(t.probabilityStdError, 2)}` : '',
    ...(t.projection?.warnings ?? []).map(e),
    ...t.notes.map(e),
  ].filter(Boolean);
  return `<ul class="small">${items.map((i) => `<li>${i}</li>`).join('')}</ul>`;
}

/** For targets projected by the curve path: observations, every candidate curve, the chosen one, weights, residuals. */
function curveDetails(t: TargetAssessment, embed: (c: ReportChart) => string): string {
  const curve = t.projection?.curve;
  if (!curve) return '';
  const spec = fitDiagnostics(curveDiagnosticsInput(`${t.nameZh}: 增长曲线 growth curves`, t.unit, curve));
  return `<details><summary>${bi('增长曲线诊断', 'Growth-curve diagnostics')}</summary>${embed({ spec, name: `${t.key}-curves` })}</details>`;
}

function targetDetails(g: TargetGroup, embed: (c: ReportChart) => string): string {
  const t = g.lead;
  const fan = targetFanInput(t);
  // shares, rates and growth rates vary within a narrow range: zoom in; counts and amounts keep zero
  const chart = fan
    ? embed({ spec: fanChart(fan, { zero: t.measure === 'count' || t.measure === 'amount' }), name: t.key })
    : '';
  return `<details class="target ${g.cls}" id="${targetAnchor(g)}">
<summary><span class="name">${e(t.nameZh)}${g.conflicting ? ` <span class="conflict" title="文件间数值不一致 documents disagree">≠</span>` : ''}<span class="en sub"> ${e(t.nameEn)}</span></span><span class="bt">${baseToTarget(g)}</span><span class="p">${pText(g)}</span><span class="cls">${classBadge(g.cls)}</span><span class="m">${methodLink(t)}</span></summary>
<div class="detail">
${statementsTable(g)}
<div class="detail-grid">${figuresTable(t)}${chart}</div>
<details><summary>${bi('评估框架的判断', 'Assessor verdicts')}</summary>${verdictsTable(t.verdicts)}</details>
<details><summary>${bi('诊断', 'Diagnostics')}</summary>${diagnostics(t)}</details>
${curveDetails(t, embed)}
</div>
</details>`;
}

function conclusion(r: RegionGroups): string {
  const c = r.counts;
  const conflicts = r.groups.filter((g) => g.conflicting).length;
  const assessable = c.likely + c.uncertain + c.unlikely;
  const verdictZh =
    assessable === 0
      ? '没有可评估的目标'
      : c.unlikely > assessable / 2
        ? '多数可评估目标按当前趋势难以达成'
        : c.likely > assessable / 2
          ? '多数可评估目标按当前趋势可以达成'
          : '可评估目标的前景参差不齐';
  const verdictEn =
    assessable === 0
      ? 'no target could be assessed'
      : c.unlikely > assessable / 2
        ? 'most assessable targets are out of reach on current trends'
        : c.likely > assessable / 2
          ? 'most assessable targets are within reach on current trends'
          : 'the assessable targets are mixed';
  return `<p class="conclusion">${bi(
    `${r.groups.length} 个目标：${c.likely} 个可能达成、${c.uncertain} 个不确定、${c.unlikely} 个不太可能、${c['not-assessable']} 个无法评估${conflicts ? `；${conflicts} 个目标的文件表述不一致` : ''}。结论：${verdictZh}。`,
    `${r.groups.length} targets: ${c.likely} likely, ${c.uncertain} uncertain, ${c.unlikely} unlikely, ${c['not-assessable']} not assessable${conflicts ? `; documents disagree on ${conflicts}` : ''}. Conclusion: ${verdictEn}.`,
  )}</p>`;
}

function regionHtml(r: RegionGroups, embed: (c: ReportChart) => string): string {
  const assessable = r.groups
    .filter((g) => g.lead.probability !== null)
    .sort((a, b) => (a.lead.probability ?? 0) - (b.lead.probability ?? 0));
  const head = `<div class="target-head" aria-hidden="true"><span>${bi('指标', 'Indicator')}</span><span>${bi('基数 → 目标', 'Base → target')}</span><span>P(attain) [95%]</span><span>${bi('判断', 'Verdict')}</span><span>${bi('方法', 'Method')}</span></div>`;
  return `<section id="${anchorId('region', r.region)}" class="page region">
<h2>${regionBi(r.region)}</h2>
${conclusion(r)}
${assessable.length ? `<div class="targets">${head}${assessable.map((g) => targetDetails(g, embed)).join('\n')}</div>` : ''}
${r.counts['not-assessable'] ? `<p class="small"><a href="#not-assessable">${bi(`另有 ${r.counts['not-assessable']} 个目标无法评估`, `${r.counts['not-assessable']} more targets cannot be assessed`)}</a></p>` : ''}
</section>`;
}

function notAssessableHtml(regions: RegionGroups[]): string {
  const rows = regions.flatMap((r) =>
    r.groups
      .filter((g) => g.lead.probability === null)
      .map((g) => {
        const t = g.lead;
        const [zh, en] = STATUS_TEXT[t.status] ?? [t.status, t.status];
        const values = g.statements
          .map((s) => targetText(t, s.value, s.comparator as TargetAssessment['target']['comparator']))
          .join(' / ');
        const docs = [...new Set(g.statements.flatMap((s) => s.sources.map((src) => src.doc)))];
        return `<tr id="${targetAnchor(g)}"><td>${e(regionName(r.region))}</td><td>${e(t.nameZh)}</td><td>${values} ${e(t.unit)}</td><td title="${e(t.reason ?? '')}">${bi(e(zh), e(en))}${SELF_EXPLAINING.has(t.status) ? '' : `<div class="muted small">${e(t.reason ?? '')}</div>`}</td><td class="small">${docs.map((d) => `<code>${e(d)}</code>`).join(' ')}</td></tr>`;
      }),
  );
  return `<section id="not-assessable" class="page">
<h2>${bi('无法评估的目标', 'Targets that cannot be assessed')}</h2>
${rows.length ? `<div class="scroll"><table class="na"><thead><tr><th>${bi('地区', 'Region')}</th><th>${bi('指标', 'Indicator')}</th><th>${bi('目标', 'Target')}</th><th>${bi('原因', 'Reason')}</th><th>${bi('文件', 'Documents')}</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>` : `<p>${bi('无。', 'None.')}</p>`}
</section>`;
}

function methodsHtml(plan: PlanAssessment): string {
  const all = plan.regions.flatMap((r) => r.targets);
  const methods = new Map<string, string>();
  for (const t of all)
    if (t.projection && !methods.has(t.projection.method)) methods.set(t.projection.method, t.projection.methodNote);
  const assessors = new Map<string, Verdict>();
  for (const t of all) for (const v of t.verdicts) if (!assessors.has(v.assessor)) assessors.set(v.assessor, v);
  return `<section id="methods" class="page appendix">
<h2>${bi('附录：方法', 'Appendix: methods')}</h2>
<h3>${bi('达成概率与分类', 'Probability of attainment and classes')}</h3>
<p>${bi(
    `每个有观测数据的指标按下列方法模拟 ${plan.nPaths} 条未来路径（种子 ${plan.seed}，相同输入和种子得到相同结果）。统计概率 = 在目标年满足目标（累计目标为期间总和）的路径比例；按趋势汇总（pooled）预测的指标，报告的达成概率 P 是该统计概率按以往规划目标的实际完成情况校准后的概率，统计概率列在旁边。P 的 95% 区间：校准概率取规划族（plan family）整群自助法（bootstrap）重估的校准模型在统计概率 Wilson 区间两端的分位数，同时反映校准本身的不确定性和模拟误差；未校准的概率只给出 Wilson 区间（仅模拟误差）。`,
    `Each indicator with observations is simulated along ${plan.nPaths} future paths by the methods below (seed ${plan.seed}; the same inputs and seed give the same numbers). The statistical probability is the share of paths meeting the target in its year (for cumulative targets, the sum over the period); for indicators projected by the pooled model the reported P(attain) is that share recalibrated on the outcomes of past plans, with the statistical probability beside it. Its 95% interval: for a calibrated P, quantiles of the calibration model refitted on plan families drawn with replacement (a cluster bootstrap), taken at the ends of the statistical probability's Wilson interval, so it covers the calibration's own uncertainty and the simulation error; an uncalibrated P gets the Wilson interval (simulation error only).`,
  )}</p>
<p>${thresholdsText()}</p>
<p>${bi(
    '同一指标和年份在多个文件中出现时合并为一个目标，列出每个文件和每个不同的数值；数值不同（≠）时，摘要图和分类采用第一个有概率的表述，表中给出每个数值的概率。',
    'The same indicator and year stated in several documents is one target, listing every document and every distinct value; when the values differ (≠), the summary chart and class use the first statement with a probability, and the table gives each value its probability.',
  )}</p>
<h3>${bi('预测方法', 'Projection methods')}</h3>
${
  methods.size
    ? [...methods]
        .map(([m, note]) => {
          const info = methodInfo(m);
          return `<div id="${anchorId('method', m)}" class="method-entry"><h4><code>${info.code}</code> ${e(m)}</h4><p>${bi(e(info.zh), e(info.en))}</p><p class="small muted">${bi('示例说明', 'Example note')}: ${e(note)}</p></div>`;
        })
        .join('\n')
    : `<p>${bi('没有目标可以预测。', 'No target could be projected.')}</p>`
}
<h3>${bi('评估框架', 'Assessors')}</h3>
${[...assessors.values()]
  .map(
    (v) =>
      `<div id="${anchorId('assessor', v.assessor)}"><h4>${e(v.name)}</h4><p class="small"><b>${bi('规则', 'Rule')}</b>: ${e(v.rule)}</p><p class="small muted"><b>${bi('来源', 'Source')}</b>: ${e(v.source)}</p></div>`,
  )
  .join('\n')}
</section>`;
}

const REPORT_CSS = `
.small{font-size:.82rem}
.summary-grid{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1.15fr);gap:1.5rem;align-items:start}
.summary h3{font-size:1rem;margin:.8rem 0 .2rem}
ol.highlights{margin:.2rem 0;padding-left:1.4rem;font-size:.88rem}
.counts{font-size:.85rem}.counts th:first-child{min-width:8em}.counts .badge{white-space:normal}
.counts td.n,td.n{text-align:right;font-variant-numeric:tabular-nums}
.badge{display:inline-block;padding:0 .4rem;border-radius:3px;color:#fff;font-size:.8rem;white-space:nowrap}
.badge.likely{background:#1a9850}.badge.uncertain{background:#e6a117}.badge.unlikely{background:#d73027}.badge.not-assessable{background:#999}
.conclusion{font-weight:600;margin:.3rem 0 .6rem}
.targets{font-size:.86rem}
.target-head,details.target>summary{display:grid;grid-template-columns:minmax(9rem,2.2fr) minmax(9rem,2fr) 11rem 6.5rem 3.5rem;gap:.6rem;align-items:baseline;padding:.15rem .3rem}
.target-head{font-weight:600;color:#555;border-bottom:1px solid #ccc}
details.target{border-bottom:1px solid #eee}
details.target>summary{cursor:pointer;list-style:none}
details.target>summary::-webkit-details-marker{display:none}
details.target>summary .name::before{content:'▸ ';color:#888}
details.target[open]>summary .name::before{content:'▾ '}
details.target[open]{background:#fcfcfc}
.name .sub{color:#777;font-size:.8rem}
.conflict{color:#b00;font-weight:700}
.detail{padding:.3rem .3rem .8rem 1.2rem}
.detail-grid{display:flex;flex-wrap:wrap;gap:1rem;align-items:flex-start}
.detail details>summary{cursor:pointer;color:#335}
.scroll{overflow-x:auto}
a.method{font-family:monospace}
.method-entry h4,.appendix h4{margin:.6rem 0 .1rem}
section.page h2{margin:1rem 0 .3rem}
@media (max-width:900px){.summary-grid{grid-template-columns:minmax(0,1fr)}}
@media (max-width:600px){.counts th,.counts td{padding:.1rem .25rem}.counts .badge{font-size:.7rem;padding:0 .15rem}.target-head{display:none}details.target>summary{grid-template-columns:1fr auto;row-gap:0}details.target>summary .bt{grid-column:1/-1;color:#555}details.target>summary .m{display:none}.detail{padding-left:.2rem}}
@media print{details.target>summary .name::before{content:''}.summary-grid{grid-template-columns:minmax(0,1fr) minmax(0,1fr)}}
`;

/**
 * The report of a plan assessment (no I/O): an executive summary first (class counts per plan with the thresholds,
 * one sorted chart of every assessable target's P(attain) with its interval, the three most at-risk and most
 * comfortable targets), then one compact section per region (a one-line conclusion and a folded row per assessable
 * target: documents and values, figures, fan chart, verdicts, diagnostics), one table of the targets that cannot
 * be assessed with the reason, and the methods once in an appendix. Chinese by default with an English switch.
 * @example
 * const report = assessmentReport(assessPlan(loadSeedIndicators()));
 * await writeReport('out/report', report);
 */
export function assessmentReport(plan: PlanAssessment, options: AssessmentReportOptions = {}): ReportInput {
  const { title = '规划目标可达性评估', titleEn = 'Plan target assessment' } = options;
  const { regions, ranked } = planGroups(plan);
  const nav = [
    `<a href="#summary">${bi('摘要', 'Summary')}</a>`,
    ...regions.map((r) => `<a href="#${anchorId('region', r.region)}">${regionBi(r.region)}</a>`),
    `<a href="#not-assessable">${bi('无法评估', 'Not assessable')}</a>`,
    `<a href="#methods">${bi('方法', 'Methods')}</a>`,
  ].join('');
  return {
    title: `${title} ${titleEn}`,
    titleHtml: bi(e(title), e(titleEn)),
    navHtml: nav,
    languageSwitch: true,
    css: REPORT_CSS,
    sections: [],
    body: (embed) =>
      [
        summaryHtml(plan, regions, ranked, embed),
        ...regions.map((r) => regionHtml(r, embed)),
        notAssessableHtml(regions),
        methodsHtml(plan),
      ].join('\n'),
  };
}

/**
 * Write the plan-assessment report to `DIR/index.html` (offline; see {@link writeReport}). Used by
 * `trajectory assess --out DIR`.
 *
 * @example
 * const plan = assessPlan(indicators, { seed: 1 });
 * await writeAssessmentReport('out/report', plan);
 */
export async function writeAssessmentReport(
  dir: string,
  plan: PlanAssessment,
  options: AssessmentReportOptions = {},
): Promise<WrittenReport> {
  return writeReport(dir, assessmentReport(plan, options));
}
