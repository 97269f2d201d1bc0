import type { PlanAssessment, RegionAssessment, TargetAssessment } from '@trajectory/forecast';
import { attainabilityDashboard } from '../builders/attainability-dashboard.ts';
import { fanChart } from '../builders/fan-chart.ts';
import {
  regionDashboardInput,
  regionName,
  targetFanInput,
  targetRowLabel,
  type DashboardAdapterOptions,
} from '../adapters/assessment.ts';
import { escapeHtml } from './html.ts';
import { writeReport, type ReportInput, type ReportSection, type WrittenReport } from './write-report.ts';

/** Options of {@link writeAssessmentReport}. */
export interface AssessmentReportOptions extends DashboardAdapterOptions {
  /** report title; @default '规划目标可达性评估 Plan target assessment' */
  title?: string;
}

const e = escapeHtml;

function num(v: number | null | undefined, digits = 4): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '–';
  return v.toLocaleString('en-US', { maximumFractionDigits: digits });
}

function pct(v: number | null | undefined): string {
  return v === null || v === undefined || !Number.isFinite(v) ? '–' : `${(v * 100).toFixed(1)}%`;
}

function targetHtml(t: TargetAssessment): string {
  const rel = t.target.relative;
  const g = t.growth;
  const rows: [string, string][] = [
    ['状态 status', t.status === 'ok' ? 'ok' : `<span class="status-bad">${e(t.status)}</span>: ${e(t.reason ?? '')}`],
    [
      '目标 target',
      `${e(t.target.comparator)} ${num(t.target.value)} ${e(t.unit)} in ${t.target.year}${t.target.attribute ? ` (${e(t.target.attribute)})` : ''}${t.target.period ? `, sum over ${t.target.period[0]}–${t.target.period[1]}` : ''}`,
    ],
    [
      '文件表述 stated',
      rel
        ? `${e(rel.text)} (${e(rel.kind)} ${num(rel.amount)} on ${rel.baseYear} base ${num(rel.baseValue)}, base ${e(rel.baseFrom ?? 'missing')})`
        : `${num(t.target.statedValue)}`,
    ],
    ['基数 base', t.base ? `${num(t.base.value)} ${e(t.unit)} (${t.base.year})` : '–'],
    [
      '达成概率 P(attain)',
      `${pct(t.probability)}${t.probabilityStdError !== null ? ` ± ${pct(t.probabilityStdError)} (MC s.e.)` : ''}`,
    ],
    [
      '要求增长 required',
      g?.required
        ? `${pct(g.required.cagr)}/yr, ${num(g.required.increment, 2)} ${e(t.unit)}/yr (${g.required.fromYear}→${g.required.toYear})`
        : '–',
    ],
    [
      '历史增长 historical',
      g?.historical
        ? `${pct(g.historical.cagr)}/yr, ${num(g.historical.increment, 2)} ${e(t.unit)}/yr (${g.historical.fromYear}→${g.historical.toYear})`
        : '–',
    ],
    [
      '预测增长 projected',
      g?.projected ? `${pct(g.projected.cagr)}/yr (${g.projected.fromYear}→${g.projected.toYear})` : '–',
    ],
    [
      '方法 method',
      t.projection ? `${e(t.projection.method)}: ${e(t.projection.methodNote)} (${t.projection.nPaths} paths)` : '–',
    ],
  ];
  const verdicts = t.verdicts
    .map(
      (v) =>
        `<tr><td>${e(v.name)}</td><td>${e(v.label)}</td><td>${num(v.measure, 3)} <span class="muted">${e(v.measureName)}</span></td><td>${e(v.rule)}</td><td>${e(v.reason ?? '')}</td><td class="muted">${e(v.source)}</td></tr>`,
    )
    .join('');
  const notes = [...t.notes, ...(t.projection?.warnings ?? [])];
  return [
    `<table><tbody>${rows.map(([k, v]) => `<tr><th>${k}</th><td>${v}</td></tr>`).join('')}</tbody></table>`,
    verdicts
      ? `<table><thead><tr><th>assessor</th><th>verdict</th><th>measure</th><th>rule</th><th>reason</th><th>method source</th></tr></thead><tbody>${verdicts}</tbody></table>`
      : '',
    notes.length ? `<ul>${notes.map((n) => `<li>${e(n)}</li>`).join('')}</ul>` : '',
    `<p>来源 source: <code>${e(t.target.source.doc)}</code></p><blockquote>${e(t.target.source.quote)}</blockquote>`,
  ].join('\n');
}

function assumptionsHtml(plan: PlanAssessment, region: RegionAssessment): string {
  const methods = new Map<string, string>();
  for (const t of region.targets) if (t.projection) methods.set(t.projection.method, t.projection.methodNote);
  const conflicts = region.conflicts
    .map(
      (c) =>
        `<li>${c.year}: ${c.keys.map((k, i) => `${e(k)} = ${num(c.values[i] ?? null)} (P ${pct(c.probabilities[i] ?? null)})`).join(' vs ')} — ${e(c.note)}</li>`,
    )
    .join('');
  return [
    `<p>Monte Carlo: ${plan.nPaths} paths, seed ${plan.seed} (same inputs and seed give the same numbers).</p>`,
    methods.size
      ? `<ul>${[...methods].map(([m, note]) => `<li><b>${e(m)}</b>: ${e(note)}</li>`).join('')}</ul>`
      : '<p>No target could be projected.</p>',
    conflicts ? `<p>Conflicting targets (both assessed):</p><ul>${conflicts}</ul>` : '',
  ].join('\n');
}

function sourcesHtml(region: RegionAssessment): string {
  const byDoc = new Map<string, Set<string>>();
  for (const t of region.targets) {
    const s = byDoc.get(t.target.source.doc) ?? new Set<string>();
    s.add(t.target.source.quote);
    byDoc.set(t.target.source.doc, s);
  }
  return [...byDoc]
    .map(
      ([doc, quotes]) =>
        `<p><code>${e(doc)}</code></p>${[...quotes].map((q) => `<blockquote>${e(q)}</blockquote>`).join('')}`,
    )
    .join('\n');
}

/**
 * The report structure of a plan assessment (no I/O): one page per region with the attainability dashboard, a
 * section per target (fan chart, figures, every assessor's verdict, source quote), the assumptions (methods,
 * seed, conflicts) and the data sources.
 * @example
 * const report = assessmentReport(assessPlan(loadSeedIndicators()));
 * await writeReport('out/report', report);
 */
export function assessmentReport(plan: PlanAssessment, options: AssessmentReportOptions = {}): ReportInput {
  const { title = '规划目标可达性评估 Plan target assessment' } = options;
  const sections: ReportSection[] = plan.regions.map((region) => ({
    title: regionName(region.region),
    html: `<p>${region.targets.length} targets, ${region.targets.filter((t) => t.probability !== null).length} with a probability, ${region.conflicts.length} conflicts.</p>`,
    specs: region.targets.length
      ? [{ spec: attainabilityDashboard(regionDashboardInput(region, options)), name: `${region.region}-dashboard` }]
      : [],
    sections: [
      ...region.targets.map((t) => {
        const fan = targetFanInput(t);
        return {
          title: targetRowLabel(t),
          html: targetHtml(t), // shares, rates and growth rates vary within a narrow range: zoom in; counts and amounts keep zero
          specs: fan
            ? [{ spec: fanChart(fan, { zero: t.measure === 'count' || t.measure === 'amount' }), name: t.key }]
            : [],
        };
      }),
      { title: '假设 Assumptions', html: assumptionsHtml(plan, region) },
      { title: '数据来源 Data sources', html: sourcesHtml(region) },
    ],
  }));
  const s = plan.summary;
  return {
    title,
    subtitle: `${s.targets} targets of ${s.indicators} indicators in ${plan.regions.length} regions; ${s.assessed} assessed, ${s.notOk} with caveats, ${s.conflicts} conflicts`,
    sections,
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
