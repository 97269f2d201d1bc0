/**
 * The page `trajectory propose --out DIR` writes: the proposed ladder of every indicator (safe, expected, stretch,
 * ambitious: value, P(attain), yearly growth) with the evidence, in the assessment report's style.
 */
import type { Proposal, RungEvidence, TargetProposals } from '@trajectory/forecast';
import { regionName } from '../adapters/assessment.ts';
import { anchorId, escapeHtml as e } from './html.ts';
import { annualChange, bi, cutNote, FOLD_CSS, num, PAGE_LIMIT, pct, regionBi } from './page-parts.ts';
import { type ReportInput, writeReport, type WrittenReport } from './write-report.ts';

/** Options of {@link proposalReport}. */
export interface ProposalReportOptions {
  /** title (Chinese); @default '下一期规划目标建议' */
  title?: string;
  /** title in English; @default 'Proposed targets for the next plan' */
  titleEn?: string;
  /** indicators the page lists (the CSV and workbook hold all); @default PAGE_LIMIT */
  limit?: number;
}

/** Chinese and English names of the default rungs (keys as `LADDER_NAMES`). */
const RUNG_TEXT: Record<string, [string, string]> = {
  '0.9': ['稳妥', 'safe'],
  '0.7': ['预期', 'expected'],
  '0.5': ['进取', 'stretch'],
  '0.3': ['挑战', 'ambitious'],
};

function rungName(p: number): string {
  const t = RUNG_TEXT[String(p)];
  return t ? bi(t[0], t[1]) : `P = ${p}`;
}

function anchor(p: Proposal): string {
  return anchorId('p', p.indicatorId);
}

function nameHtml(p: Proposal): string {
  return `${e(p.nameZh || p.indicatorId)}${p.direction === 'decrease' ? ` <span class="muted" title="${e('下降 reduction')}">↓</span>` : ''}<span class="en muted small"> ${e(p.nameEn)}</span>`;
}

function overviewTable(r: TargetProposals, ok: Proposal[]): string {
  const multiRegion = new Set(ok.map((p) => p.region)).size > 1;
  const head = `<tr>${multiRegion ? `<th>${bi('地区', 'Region')}</th>` : ''}<th>${bi('指标', 'Indicator')}</th><th>${bi('单位', 'Unit')}</th><th>${bi('基数', 'Base')}</th>${r.probabilities.map((p) => `<th class="n">${rungName(p)} (${p})</th>`).join('')}</tr>`;
  const rows = ok.map(
    (p) =>
      `<tr>${multiRegion ? `<td class="nowrap">${e(regionName(p.region))}</td>` : ''}<td class="ind"><a href="#${anchor(p)}">${nameHtml(p)}</a></td><td class="nowrap">${e(p.unit)}</td><td class="n">${num(p.base.value)} <span class="muted">(${p.base.year})</span></td>${p.ladder.map((x) => `<td class="n">${num(x.value)} <span class="muted">P ${x.probability.toFixed(2)}</span></td>`).join('')}</tr>`,
  );
  return `<div class="scroll"><table class="ladders"><thead>${head}</thead><tbody>${rows.join('')}</tbody></table></div>`;
}

function trendSentence(p: Proposal): string {
  const t = p.evidence.trend;
  if (!t) return bi('观测太少，没有趋势。', 'Too few observations for a trend.');
  const g = annualChange(t.annualGrowth, p.growthBasis, p.unit);
  return bi(`自身趋势：${t.fromYear}–${t.toYear} 年均 ${g}。`, `Own trend: ${g} a year in ${t.fromYear}–${t.toYear}.`);
}

const AMBITION_ZH: Record<string, string> = {
  'at or below trend': '不超过趋势',
  'up to 1 sd beyond trend': '超出趋势 1 个标准差以内',
  '1–2 sd beyond trend': '超出趋势 1–2 个标准差',
  'over 2 sd beyond trend': '超出趋势 2 个标准差以上',
};

/** The evidence sentence of one rung in Chinese, from the same fields as the library's English `text`. */
function evidenceZh(p: Proposal, ev: RungEvidence | undefined, horizon: number): string {
  if (!ev) return '';
  const parts: string[] = [];
  const panel = p.evidence.panel;
  if (ev.panelPercentile !== null && panel)
    parts.push(
      `${p.direction === 'decrease' ? '降幅' : '变化'}超过 ${Math.round(ev.panelPercentile * 100)}% 的参照组（${e(panel.type)}）地区在 ${panel.fromYear}–${panel.toYear} 年间 ${horizon} 年的表现`,
    );
  const past = ev.pastPlans;
  if (past) {
    const cls = AMBITION_ZH[past.ambitionClass] ?? e(past.ambitionClass);
    parts.push(
      past.n > 0
        ? `以往规划中同类（${cls}）目标 ${past.n} 个，达成 ${past.met} 个`
        : `以往规划中没有同类（${cls}）目标`,
    );
  }
  return parts.join('；');
}

function proposalDetails(p: Proposal, year: number): string {
  const rows = p.ladder.map((x, i) => {
    const ev = p.evidence.rungs[i];
    const past = ev?.pastPlans;
    return `<tr><th>${rungName(x.requested)}</th><td class="n">${x.requested}</td><td class="n">${num(x.value)}</td><td class="n">${x.probability.toFixed(3)}</td><td class="n">${annualChange(x.annualGrowth, p.growthBasis, p.unit)}</td><td class="n">${ev?.panelPercentile == null ? '–' : pct(ev.panelPercentile, 0)}</td><td class="n">${past ? `${past.met}/${past.n}` : '–'}</td><td class="small">${bi(evidenceZh(p, ev, year - p.base.year) || e(ev?.text ?? ''), e(ev?.text ?? ''))}${x.note ? `<div class="muted">${e(x.note)}</div>` : ''}</td></tr>`;
  });
  const panel = p.evidence.panel;
  const notes = p.evidence.notes.map((n) => `<li>${e(n)}</li>`).join('');
  return `<details class="fold" id="${anchor(p)}">
<summary>${nameHtml(p)} · ${regionBi(p.region)} · ${bi('基数', 'base')} ${num(p.base.value)} ${e(p.unit)} (${p.base.year}) → ${p.ladder.map((x) => num(x.value)).join(' / ')}</summary>
<div class="detail">
<p>${trendSentence(p)}${panel ? ` ${bi(`参照组：${e(panel.type)}，${panel.nRegions} 个地区，${panel.fromYear}–${panel.toYear}。`, `Reference panel: ${e(panel.type)}, ${panel.nRegions} regions, ${panel.fromYear}–${panel.toYear}.`)}` : ''}</p>
<div class="scroll"><table><thead><tr><th>${bi('档位', 'Rung')}</th><th class="n">${bi('要求概率', 'Requested')}</th><th class="n">${bi('建议值', 'Value')}</th><th class="n">P(attain)</th><th class="n">${bi('年均增长', 'Annual growth')}</th><th class="n">${bi('参照组分位', 'Panel percentile')}</th><th class="n">${bi('以往规划达成', 'Past plans met')}</th><th>${bi('依据', 'Evidence')}</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>
${notes ? `<ul class="small muted">${notes}</ul>` : ''}
</div>
</details>`;
}

function noLadderHtml(r: TargetProposals, without: Proposal[], total: number): string {
  const rows = without.map(
    (p) =>
      `<tr><td>${nameHtml(p)}</td><td>${e(regionName(p.region))}</td><td><code>${e(p.status)}</code></td><td class="small">${e(p.reason ?? '')}</td></tr>`,
  );
  const skipped = r.skipped.length
    ? `<p class="small">${bi(`另有 ${r.skipped.length} 个指标没有观测数据，未提出建议。`, `${r.skipped.length} more indicators have no observation and get no proposal.`)}</p>`
    : '';
  return `<section id="no-ladder" class="page">
<h2>${bi('未提出建议的指标', 'Indicators without a ladder')}</h2>
${rows.length ? `<div class="scroll"><table><thead><tr><th>${bi('指标', 'Indicator')}</th><th>${bi('地区', 'Region')}</th><th>${bi('状态', 'Status')}</th><th>${bi('原因', 'Reason')}</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>` : `<p>${bi('无。', 'None.')}</p>`}
${cutNote(without.length, total, 'proposals')}
${skipped}
</section>`;
}

function methodHtml(): string {
  return `<section id="method" class="page">
<h2>${bi('方法', 'Method')}</h2>
<p>${bi(
    '每一档的建议值是达成概率 P(attain) 等于所要求概率的目标值，采用与可达性评估（assess）相同的预测和校准；数值按单位的惯常精度取整，P 是取整后数值的达成概率，即把它写成目标后评估给出的概率。年均增长按基数计算：数量和金额为复合增长率，比例和增速为每年百分点。依据包括指标自身趋势、该变化在参照组地区同期变化中的位置，以及以往规划中同类、同等进取程度目标的达成比例。',
    'Each rung is the target value at which P(attain) equals the requested probability, under the same projection and calibration as the assessment (assess). Values are rounded as the unit customarily shows; P is the probability of the rounded value, exactly what the assessment returns when it is written as a target. Annual growth is from the base: compound growth for counts and amounts, points a year for shares and rates. The evidence is the indicator’s own trend, where the implied change stands among the reference panel’s changes over the same horizon, and the share of past plans’ targets of that direction and ambition that were met.',
  )}</p>
</section>`;
}

/**
 * The proposal page (no I/O): a summary table of every indicator's ladder (value and P(attain) per rung), then one
 * folded row per indicator with the base, each rung's value, P, annual growth and evidence sentences, the
 * indicators without a ladder and why, and the method. Chinese by default with an English switch; every name from
 * the data is escaped.
 * @example
 * const page = proposalReport(proposeTargets(indicators, { year: 2030 }));
 * await writeReport('out/proposals', page);
 */
export function proposalReport(r: TargetProposals, options: ProposalReportOptions = {}): ReportInput {
  const { title = '下一期规划目标建议', titleEn = 'Proposed targets for the next plan', limit = PAGE_LIMIT } = options;
  const allOk = r.proposals.filter((p) => p.ladder.length > 0);
  const allWithout = r.proposals.filter((p) => p.ladder.length === 0);
  const ok = allOk.slice(0, limit);
  const without = allWithout.slice(0, limit);
  const asOfZh = r.asOf === null ? '' : `，数据截至 ${r.asOf} 年`;
  const asOfEn = r.asOf === null ? '' : `, data as of ${r.asOf}`;
  return {
    title: `${title} ${titleEn}`,
    titleHtml: bi(e(title), e(titleEn)),
    navHtml: [
      `<a href="#summary">${bi('摘要', 'Summary')}</a>`,
      `<a href="#indicators">${bi('各指标', 'Indicators')}</a>`,
      `<a href="#no-ladder">${bi('未提出建议', 'Without a ladder')}</a>`,
      `<a href="#method">${bi('方法', 'Method')}</a>`,
    ].join(''),
    languageSwitch: true,
    css: FOLD_CSS,
    sections: [],
    body: () =>
      [
        `<section id="summary" class="page">
<h2>${bi('摘要', 'Summary')}</h2>
<p>${bi(
          `${r.year} 年目标建议${asOfZh}：${allOk.length} 个指标各给出 ${r.probabilities.length} 档，每档为达成概率等于 ${r.probabilities.join(' / ')} 的目标值。↓ 表示下降型指标。`,
          `Proposed ${r.year} targets${asOfEn}: ${r.probabilities.length} rungs for each of ${allOk.length} indicators, each the value whose P(attain) is ${r.probabilities.join(' / ')}. ↓ marks a reduction.`,
        )}</p>
${ok.length ? overviewTable(r, ok) : `<p>${bi('没有可提出建议的指标。', 'No indicator could get a ladder.')}</p>`}
${cutNote(ok.length, allOk.length, 'proposals')}
</section>`,
        `<section id="indicators" class="page">
<h2>${bi('各指标的阶梯与依据', 'Each indicator: ladder and evidence')}</h2>
${ok.map((p) => proposalDetails(p, r.year)).join('\n')}
${cutNote(ok.length, allOk.length, 'proposals')}
</section>`,
        noLadderHtml(r, without, allWithout.length),
        methodHtml(),
      ].join('\n'),
  };
}

/**
 * Write the proposal page to `DIR/index.html` (offline; see {@link writeReport}). Used by
 * `trajectory propose --out DIR`.
 * @example
 * await writeProposalReport('out/proposals', proposeTargets(indicators, { year: 2030 }));
 */
export async function writeProposalReport(
  dir: string,
  r: TargetProposals,
  options: ProposalReportOptions = {},
): Promise<WrittenReport> {
  return writeReport(dir, proposalReport(r, options));
}
