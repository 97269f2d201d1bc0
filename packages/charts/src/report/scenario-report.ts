/**
 * The page of one scenario run (`trajectory run --out DIR` writes it as `DIR/index.html`), in the assessment
 * report's shell: targets with P(attain) baseline vs scenario first, then every chart, the interventions' effects,
 * the levers goal seeking found, and the assumptions and calibration folded away. Chinese by default with an
 * English switch; every name from the scenario file is escaped.
 */
import type { GoalResult, ScenarioResult, TargetResult } from '@trajectory/scenario';
import type { ScenarioChart } from '../builders/scenario-charts.ts';
import { escapeHtml } from './html.ts';
import { bi, COMPARATOR, FOLD_CSS, num, pct } from './page-parts.ts';
import type { ReportChart, ReportInput } from './write-report.ts';

const e = escapeHtml;

/** Options of {@link scenarioReport}. */
export interface ScenarioReportOptions {
  /**
   * where each chart's files are, relative to the page (`charts/<name>.vl.json`, `.svg`, `.png` as `run --out`
   * writes them); @default 'charts'. Without it (`null`) the report writes the specs under `specs/` and links no
   * renderings.
   */
  chartDir?: string | null;
}

/** `50.0% ±1.2` with the Monte Carlo standard error; `–` when there is no probability (a blank target). */
function pWithSe(p: number, se: number): string {
  return Number.isFinite(p) ? `${pct(p)} <span class="muted">±${(se * 100).toFixed(1)}</span>` : '–';
}

function targetTest(t: TargetResult, unit: string): string {
  const value = t.value === null ? bi('（空白）', '(blank)') : `${num(t.value)} ${e(unit)}`;
  return `${e(t.indicator)} ${COMPARATOR[t.comparator] ?? e(t.comparator)} ${value} (${t.year})`;
}

function targetsHtml(r: ScenarioResult): string {
  if (!r.targets.length) return `<p>${bi('情景文件没有目标。', 'The scenario file states no targets.')}</p>`;
  const unit = (id: string) => r.series.find((s) => s.id === id)?.unit ?? '';
  const rows = r.targets.map((t) => {
    const d = t.scenario.probability - t.baseline.probability;
    const diff = Number.isFinite(d) ? `${d >= 0 ? '+' : ''}${(d * 100).toFixed(1)}` : '–';
    const source = t.source
      ? `<div class="small muted"><code>${e(t.source.doc)}</code> ${e(t.source.quote)}</div>`
      : '';
    return `<tr><td>${e(t.label)}${source}</td><td>${targetTest(t, unit(t.indicator))}</td><td class="n">${pWithSe(t.baseline.probability, t.baseline.stdError)}</td><td class="n">${pWithSe(t.scenario.probability, t.scenario.stdError)}</td><td class="n">${diff}</td><td class="n">${num(t.baseline.median, 1)} → ${num(t.scenario.median, 1)}</td></tr>`;
  });
  const blanks = r.targets.filter((t) => t.proposals?.length);
  const proposals = blanks.length
    ? `<details class="fold"><summary>${bi('空白目标：以概率 q 达到的数值（基线 / 情景）', 'Blank targets: values reached with probability q (baseline / scenario)')}</summary><div class="detail scroll"><table><thead><tr><th>${bi('目标', 'Target')}</th>${blanks[0]!.proposals!.map((p) => `<th class="n">q = ${Math.round(p.probability * 100)}%</th>`).join('')}</tr></thead><tbody>${blanks
        .map(
          (t) =>
            `<tr><td>${e(t.label)}</td>${t.proposals!.map((p) => `<td class="n">${num(p.baseline)} / ${num(p.scenario)}</td>`).join('')}</tr>`,
        )
        .join('')}</tbody></table></div></details>`
    : '';
  return `<div class="scroll"><table class="targets"><thead><tr><th>${bi('目标', 'Target')}</th><th>${bi('检验', 'Test')}</th><th class="n">${bi('基线 P', 'Baseline P')}</th><th class="n">${bi('情景 P', 'Scenario P')}</th><th class="n">${bi('变化（百分点）', 'Change (pts)')}</th><th class="n">${bi('目标年中位数 基线 → 情景', 'Median in target year, baseline → scenario')}</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>
<p class="small muted">${bi(
    'P = 模拟路径中在目标年达成目标的比例；± 为蒙特卡洛标准误。基线不含干预，情景含全部干预，两者使用相同的随机数。',
    'P = share of simulated paths meeting the target in its year; ± is the Monte Carlo standard error. The baseline has no interventions, the scenario all of them, on the same random draws.',
  )}</p>
${proposals}`;
}

function chartsHtml(charts: ScenarioChart[], chartDir: string | null, embed: (c: ReportChart) => string): string {
  const legend = `<p class="small">${bi(
    '每张图：粗实线为中位数（颜色和点形区分基线与情景），细虚线为预测区间的上下边界（虚线样式区分 50/80/95%），浅色填充为基线的 80% 区间；黑色虚线、三角和标签为规划目标（数值和年份）。干预不改变的指标只画基线。',
    'Each chart: the thick line is the median (colour and point shape tell baseline from scenario), thin dashed lines are the prediction bands’ edges (the dash tells 50/80/95%), the light fill is the baseline’s 80% band; the black dashed rule, triangle and label are a plan target (value and year). Series the interventions do not change show the baseline only.',
  )}</p>`;
  const figures = charts.map((c) =>
    embed({
      spec: c.spec,
      name: c.name,
      ...(chartDir === null
        ? {}
        : {
            file: `${chartDir}/${c.name}.vl.json`,
            links: [
              { label: 'SVG', href: `${chartDir}/${c.name}.svg` },
              { label: 'PNG', href: `${chartDir}/${c.name}.png` },
            ],
          }),
    }),
  );
  return `${legend}<div class="chart-grid">${figures.join('\n')}</div>`;
}

function interventionsHtml(r: ScenarioResult): string {
  if (!r.interventions.length) return `<p>${bi('没有干预。', 'No interventions.')}</p>`;
  const rows = r.interventions.map((iv) => {
    const effects =
      iv.effects.map((x) => `${e(x.id)} ${x.medianDiff >= 0 ? '+' : ''}${num(x.medianDiff, 2)}`).join('<br>') || '–';
    const targets =
      iv.targets
        .filter((t) => Math.abs(t.diff) > 0)
        .map((t) => `${e(t.label)} ${t.diff >= 0 ? '+' : ''}${(t.diff * 100).toFixed(1)}`)
        .join('<br>') || '–';
    return `<tr><td>${e(iv.label)}</td><td><code>${e(iv.type)}</code></td><td>${effects}</td><td>${targets}</td></tr>`;
  });
  return `<div class="scroll"><table><thead><tr><th>${bi('干预', 'Intervention')}</th><th>${bi('类型', 'Type')}</th><th>${bi(`${r.scenario.horizon} 年中位数变化`, `Median change in ${r.scenario.horizon}`)}</th><th>${bi('达成概率变化（百分点）', 'Change of P(attain) (pts)')}</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>
<p class="small muted">${bi('每项干预单独施加于基线，相同随机数。', 'Each intervention alone on the baseline, same draws.')}</p>`;
}

function leverText(g: GoalResult): string {
  const l = g.lever;
  const what =
    l.kind === 'graduation'
      ? bi(`${e(l.stage)} 的晋级率`, `graduation out of ${e(l.stage)}`)
      : l.kind === 'entry'
        ? bi(`${e(l.pipeline)} 的进入数`, `entry into ${e(l.pipeline)}`)
        : bi(`${e(l.indicator)} 的 ${e(l.kind)}`, `${e(l.kind)} of ${e(l.indicator)}`);
  return g.under === 'scenario' ? `${what} *` : what;
}

function leverValue(kind: string, v: number): string {
  return kind === 'growth' || kind === 'graduation' ? pct(v, 2) : `${num(v, 2)}/yr`;
}

function goalsHtml(r: ScenarioResult): string {
  if (!r.goals.length) return '';
  const rows = r.goals.map((g) => {
    const needed =
      g.value === null
        ? bi(`范围 [${g.range.join(', ')}] 内无法达到`, `unreachable in [${g.range.join(', ')}]`)
        : leverValue(g.lever.kind, g.value);
    return `<tr><td>${e(g.target)}</td><td>${leverText(g)}</td><td class="n">${needed}</td><td class="n">${leverValue(g.lever.kind, g.historical.value)} <span class="muted">${e(g.historical.basis)}</span></td><td class="n">${pWithSe(g.attained.probability, g.attained.stdError)}</td></tr>`;
  });
  return `<section id="goals" class="page"><h2>${bi('达成目标所需的杠杆', 'Lever needed for each goal')}</h2>
<div class="scroll"><table><thead><tr><th>${bi('目标', 'Target')}</th><th>${bi('杠杆', 'Lever')}</th><th class="n">${bi('所需', 'Needed')}</th><th class="n">${bi('历史', 'Historical')}</th><th class="n">${bi('所需值下的 P', 'P at needed')}</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>
<p class="small muted">${bi('其他输入取基线；标 * 的在情景干预下求解。', 'Other inputs at baseline, or with the interventions where marked *.')}</p></section>`;
}

function assumptionsHtml(r: ScenarioResult): string {
  const s = r.scenario;
  const list = (items: string[]) => `<ul class="small">${items.map((a) => `<li>${e(a)}</li>`).join('')}</ul>`;
  const parts: string[] = [];
  if (s.assumptions.length)
    parts.push(
      `<details class="fold" open><summary>${bi('假设', 'Assumptions')}</summary>${list(s.assumptions)}</details>`,
    );
  for (const p of r.pipelines) {
    const c = p.calibration;
    const grad = p.stages
      .slice(0, -1)
      .map((st, i) => `${e(st.name)} → ${e(p.stages[i + 1]!.name)} ${pct(c.graduation[i]!, 2)}`)
      .join('; ');
    parts.push(
      `<details class="fold"><summary>${bi('梯队校准', 'Pipeline calibration')}: ${e(p.name)}</summary><div class="detail small"><p>${bi('晋级率', 'Graduation')}: ${grad}; ${bi('进入', 'entry')} ${num(c.entry, 1)}/yr</p>${list(c.assumptions)}</div></details>`,
    );
  }
  if (r.projections.length)
    parts.push(
      `<details class="fold"><summary>${bi('预测方法', 'Projection methods')}</summary>${list(
        r.projections.map(
          (n) => `${n.id}: ${n.method}. ${n.methodNote}${n.warnings.length ? ` (${n.warnings.join('; ')})` : ''}`,
        ),
      )}</details>`,
    );
  if (r.warnings?.length)
    parts.push(`<details class="fold"><summary>${bi('警告', 'Warnings')}</summary>${list(r.warnings)}</details>`);
  return parts.join('\n');
}

const SCENARIO_CSS = `
table.targets td:first-child{min-width:10em}
.chart-grid{display:flex;flex-wrap:wrap;gap:0 1.5rem}
.description{max-width:60rem}
`;

/**
 * The page of a scenario run (no I/O; write it with `writeReport`): the targets' P(attain) under baseline and
 * scenario, every chart of {@link scenarioCharts} (with links to its spec, SVG and PNG), the interventions' effects,
 * goal seeking and, folded, the assumptions, calibration and projection notes. Chinese by default, English switch.
 * @example
 * const charts = scenarioCharts(result, scenario);
 * await writeReport('out/nankai', scenarioReport(result, charts));
 */
export function scenarioReport(
  result: ScenarioResult,
  charts: ScenarioChart[],
  options: ScenarioReportOptions = {},
): ReportInput {
  const { chartDir = 'charts' } = options;
  const s = result.scenario;
  const facts = bi(
    `${s.region ? `${e(s.region)} · ` : ''}基年 ${s.baseYear}，展望至 ${s.horizon}；${s.draws} 次模拟，种子 ${s.seed}；文件 <code>${e(s.file)}</code>`,
    `${s.region ? `${e(s.region)} · ` : ''}base year ${s.baseYear}, horizon ${s.horizon}; ${s.draws} draws, seed ${s.seed}; file <code>${e(s.file)}</code>`,
  );
  const goals = goalsHtml(result);
  const nav = [
    `<a href="#targets">${bi('目标', 'Targets')}</a>`,
    `<a href="#charts">${bi('图表', 'Charts')}</a>`,
    `<a href="#interventions">${bi('干预', 'Interventions')}</a>`,
    goals ? `<a href="#goals">${bi('杠杆', 'Levers')}</a>` : '',
    `<a href="#assumptions">${bi('假设', 'Assumptions')}</a>`,
  ].join('');
  return {
    title: `${s.name} · 情景 scenario`,
    titleHtml: `${e(s.name)} <span class="muted small">${bi('情景分析', 'scenario')}</span>`,
    navHtml: nav,
    languageSwitch: true,
    css: FOLD_CSS + SCENARIO_CSS,
    sections: [],
    body: (embed) =>
      [
        `<p class="small muted">${facts}</p>`,
        s.description ? `<p class="description">${e(s.description)}</p>` : '',
        `<section id="targets" class="page"><h2>${bi('目标：达成概率', 'Targets: probability of attainment')}</h2>${targetsHtml(result)}</section>`,
        `<section id="charts" class="page"><h2>${bi('图表', 'Charts')}</h2>${chartsHtml(charts, chartDir, embed)}</section>`,
        `<section id="interventions" class="page"><h2>${bi('干预效果', 'Effects of the interventions')}</h2>${interventionsHtml(result)}</section>`,
        goals,
        `<section id="assumptions" class="page"><h2>${bi('假设与校准', 'Assumptions and calibration')}</h2>${assumptionsHtml(result)}</section>`,
      ].join('\n'),
  };
}
