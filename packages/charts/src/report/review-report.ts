/**
 * The page `trajectory review --out DIR` writes: a plan's targets against what happened (中期评估 / 总结评估):
 * status counts, one row per target with progress, elapsed share and P(attain) at writing and now, and the Brier
 * score of the probabilities at writing, in the assessment report's style.
 */
import type { PlanReview, ReviewStatus, TargetReview } from '@trajectory/forecast';
import { anchorId, escapeHtml as e } from './html.ts';
import { bi, COMPARATOR, cutNote, FOLD_CSS, num, PAGE_LIMIT, pct, regionBi } from './page-parts.ts';
import { type ReportInput, writeReport, type WrittenReport } from './write-report.ts';

/** Options of {@link reviewReport}. */
export interface ReviewReportOptions {
  /** title (Chinese); @default '规划实施评估' */
  title?: string;
  /** title in English; @default 'Plan review' */
  titleEn?: string;
  /** targets the page lists (the CSV and workbook hold all; the counts and Brier score cover all); @default PAGE_LIMIT */
  limit?: number;
}

/** Every status in the order the page lists them, with its labels and colour. */
const STATUSES: readonly [ReviewStatus, string, string, string][] = [
  ['met', '已达成', 'met', '#1a9850'],
  ['on-track', '达到序时进度', 'on track', '#66bd63'],
  ['behind', '滞后', 'behind', '#e6a117'],
  ['missed', '未达成', 'missed', '#d73027'],
  ['no-data', '无后续数据', 'no data', '#999999'],
  ['not-scored', '无法评分', 'not scored', '#777777'],
];

function badge(status: ReviewStatus): string {
  const s = STATUSES.find(([k]) => k === status);
  return `<span class="badge" style="background:${s?.[3] ?? '#999'}">${s ? bi(s[1], s[2]) : e(status)}</span>`;
}

function countsTable(r: PlanReview): string {
  const by = r.summary.byStatus;
  return `<div class="scroll"><table class="counts"><thead><tr>${STATUSES.map(([k]) => `<th>${badge(k)}</th>`).join('')}<th>${bi('合计', 'Total')}</th></tr></thead><tbody><tr>${STATUSES.map(([k]) => `<td class="n">${by[k] ?? 0}</td>`).join('')}<td class="n">${r.summary.targets}</td></tr></tbody></table></div>`;
}

function brierText(r: PlanReview): string {
  const s = r.summary;
  if (s.brier === null)
    return bi('尚无目标年的结果，无法计算 Brier 分数。', 'No target year is observed yet: no Brier score.');
  const b = s.brier.toFixed(3);
  return bi(
    `编制时达成概率的 Brier 分数（${s.scored} 个已有结果的目标）：<b>${b}</b>。0 为完全准确；始终给出 0.5 的得分为 0.25。`,
    `Brier score of P(attain) at writing over ${s.scored} settled targets: <b>${b}</b>. 0 is perfect; always saying 0.5 scores 0.25.`,
  );
}

function targetText(t: TargetReview): string {
  const v = t.target.value === null ? '?' : num(t.target.value);
  return `${COMPARATOR[t.target.comparator] ?? e(t.target.comparator)} ${v} ${e(t.unit)} (${t.target.year})`;
}

function p(x: number | null): string {
  return x === null ? '–' : x.toFixed(2);
}

function targetRow(t: TargetReview): string {
  const latest = t.latest
    ? `${num(t.latest.value)}${t.latest.provisional ? ` <abbr title="${e(t.latest.provisional)}">*</abbr>` : ''} (${t.latest.year})`
    : '–';
  const notes = [
    t.reason ? e(t.reason) : '',
    ...t.conflicts.map((c) =>
      bi(
        `${c.year} 年数值不一致：${c.values.map((v) => num(v)).join(' 与 ')}`,
        `${c.year} stated as ${c.values.map((v) => num(v)).join(' and ')}`,
      ),
    ),
  ].filter(Boolean);
  return `<tr id="${anchorId('t', `${t.indicatorId}-${t.target.year}`)}"><td class="ind">${e(t.nameZh || t.indicatorId)}<span class="en muted small"> ${e(t.nameEn)}</span></td><td>${targetText(t)}</td><td class="n">${t.base ? `${num(t.base.value)} (${t.base.year})` : '–'}</td><td class="n">${latest}</td><td>${badge(t.status)}</td><td class="n">${pct(t.progress, 0)}${t.progressLog === null ? '' : ` <span class="muted" title="log scale">(${pct(t.progressLog, 0)})</span>`}</td><td class="n">${pct(t.elapsed, 0)}</td><td class="n">${p(t.probabilityAtWriting)}</td><td class="n">${p(t.probability)}</td><td class="small muted">${notes.join('<br>')}</td></tr>`;
}

function regionSection(region: string, targets: TargetReview[]): string {
  const head = `<tr><th>${bi('指标', 'Indicator')}</th><th>${bi('目标', 'Target')}</th><th class="n">${bi('基数', 'Base')}</th><th class="n">${bi('最新', 'Latest')}</th><th>${bi('状态', 'Status')}</th><th class="n">${bi('进度', 'Progress')}</th><th class="n">${bi('时间进度', 'Elapsed')}</th><th class="n">${bi('编制时 P', 'P at writing')}</th><th class="n">${bi('当前 P', 'P now')}</th><th>${bi('说明', 'Notes')}</th></tr>`;
  return `<section id="${anchorId('region', region)}" class="page">
<h2>${regionBi(region)}</h2>
<div class="scroll"><table class="review"><thead>${head}</thead><tbody>${targets.map(targetRow).join('')}</tbody></table></div>
</section>`;
}

/**
 * The review page (no I/O): the status counts and the Brier score of the probabilities at writing, then per
 * region one table with a row per target (target, base, latest, status, progress with its log-scale variant,
 * elapsed share, P(attain) at writing and now, reasons and conflicting figures), and the definitions folded.
 * Chinese by default with an English switch; every name from the data is escaped.
 * @example
 * const page = reviewReport(reviewPlan(indicators, { written: 2015 }));
 * await writeReport('out/review', page);
 */
export function reviewReport(r: PlanReview, options: ReviewReportOptions = {}): ReportInput {
  const { title = '规划实施评估', titleEn = 'Plan review', limit = PAGE_LIMIT } = options;
  const listed = r.targets.slice(0, limit);
  const regions = [...new Set(listed.map((t) => t.region))];
  const when = bi(
    `${r.written === null ? '' : `编制于 ${r.written} 年`}${r.written !== null && r.asOf !== null ? '，' : ''}${r.asOf === null ? '' : `数据截至 ${r.asOf} 年`}`,
    `${r.written === null ? '' : `written ${r.written}`}${r.written !== null && r.asOf !== null ? ', ' : ''}${r.asOf === null ? '' : `data as of ${r.asOf}`}`,
  );
  return {
    title: `${title} ${titleEn}`,
    titleHtml: bi(e(title), e(titleEn)),
    navHtml: [
      `<a href="#summary">${bi('摘要', 'Summary')}</a>`,
      ...regions.map((g) => `<a href="#${anchorId('region', g)}">${regionBi(g)}</a>`),
    ].join(''),
    languageSwitch: true,
    css: FOLD_CSS,
    sections: [],
    body: () =>
      [
        `<section id="summary" class="page">
<h2>${bi('摘要', 'Summary')}</h2>
<p class="muted">${when}</p>
${countsTable(r)}
<p>${brierText(r)}</p>
<details class="fold"><summary>${bi('定义', 'Definitions')}</summary><div class="detail small"><p>${bi(
          '进度 =（最新值 − 基数）/（目标 − 基数），即序时进度的口径；括号内为对数口径（数量和金额）。时间进度 =（最新年份 − 基年）/（目标年 − 基年）。已达成：最新观测已满足目标；达到序时进度：进度 ≥ 时间进度；滞后：进度 &lt; 时间进度；未达成：目标年已有观测且未满足；无后续数据：基年后没有观测。标 * 的数值为初步或部分年份数据，不作为目标年结果。编制时 P 只用编制年份及以前的数据；当前 P 加入后来的观测，目标年已有结果时为 1 或 0。',
          'Progress = (latest − base) / (target − base), the 序时进度 convention; in brackets its log-scale variant (counts and amounts). Elapsed = (latest year − base year) / (target year − base year). Met: the latest observation satisfies the target; on track: progress ≥ elapsed; behind: progress &lt; elapsed; missed: the target year is observed and the target is not met; no data: no observation after the base year. Figures marked * are preliminary or partial-year and never settle a target year. P at writing uses data up to the year of writing; P now adds the later observations, and is 1 or 0 once the target year is observed.',
        )}</p></div></details>
</section>`,
        ...regions.map((g) =>
          regionSection(
            g,
            listed.filter((t) => t.region === g),
          ),
        ),
        cutNote(listed.length, r.targets.length, 'review'),
      ].join('\n'),
  };
}

/**
 * Write the review page to `DIR/index.html` (offline; see {@link writeReport}). Used by `trajectory review --out DIR`.
 * @example
 * await writeReviewReport('out/review', reviewPlan(indicators, { written: 2015 }));
 */
export async function writeReviewReport(
  dir: string,
  r: PlanReview,
  options: ReviewReportOptions = {},
): Promise<WrittenReport> {
  return writeReport(dir, reviewReport(r, options));
}
