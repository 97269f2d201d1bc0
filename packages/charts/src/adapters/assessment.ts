/**
 * Adapters from `@trajectory/forecast` assessment results (type-only import) to the chart inputs.
 */
import type { AssessorId, RegionAssessment, TargetAssessment } from '@trajectory/forecast';
import { REGIONS } from '@trajectory/datasets';
import type { AttainabilityRow, DashboardInput, FanChartInput } from '../types.ts';

/**
 * Display name of a region key: the Chinese name from `@trajectory/datasets`' `REGIONS` (`nankai` -> `南开区`), or the
 * key itself when unknown (a dataset may already use names).
 *
 * @example
 * regionName('hexi') // '河西区'
 */
export function regionName(region: string): string {
  return REGIONS.get(region)?.zh ?? region;
}

const COMPARATOR_TEXT = { '>=': '≥', '>': '>', '=': '=', '<=': '≤', '<': '<' } as const;

/** Colours of each assessor's classes, best first; `not-applicable` grey. Keys are the verdict codes. */
export const ASSESSOR_CATEGORY_COLORS: Record<AssessorId, Record<string, string>> = {
  eurostat: {
    'significant-progress': '#1a9850',
    'moderate-progress': '#a6d96a',
    'insufficient-progress': '#fdae61',
    'movement-away': '#d73027',
    'not-applicable': '#999999',
  },
  escap: { 'on-track': '#1a9850', 'needs-acceleration': '#fdae61', regressing: '#d73027', 'not-applicable': '#999999' },
  sdsn: {
    'on-track': '#1a9850',
    'moderately-improving': '#a6d96a',
    stagnating: '#fdae61',
    decreasing: '#d73027',
    'not-applicable': '#999999',
  },
  xushi: {
    提前实现: '#1a9850',
    快于预期: '#66bd63',
    基本符合: '#fdae61',
    滞后: '#d73027',
    'not-applicable': '#999999',
  },
};

/**
 * `"高新技术企业数 2025 ≥ 2500 家"`, or `"… 2025 (目标空白)"` when the target value is unresolved.
 * @example
 * targetRowLabel(assessTarget(firms, firms.targets[0]!)); // '国家高新技术企业数 2025 ≥ 2500 家'
 */
export function targetRowLabel(t: TargetAssessment): string {
  const v = t.target.value;
  const what =
    v === null
      ? '(目标未定)'
      : `${COMPARATOR_TEXT[t.target.comparator]} ${v.toLocaleString('en-US', { maximumFractionDigits: 4 })} ${t.unit}`;
  return `${t.nameZh} ${t.target.year} ${what}`.trim();
}

/**
 * `"004_….txt: «quote»"`: a source as one tooltip line.
 * @example
 * sourceLine({ doc: 'binhai-hitech-zone-14th-plan.txt', quote: '国家高新技术企业1597家' });
 */
export function sourceLine(source: { doc: string; quote: string }): string {
  return `${source.doc}: ${source.quote}`;
}

/**
 * Fan chart input of one assessed target: history and the compact fan (median and 50/80/95 bands per year), and
 * the resolved target as the marker. Returns `null` when the assessment has no fan (e.g. `no-observations`).
 *
 * @example
 * const input = targetFanInput(assessment.regions[0].targets[0]);
 * if (input) charts.push(fanChart(input));
 */
export function targetFanInput(t: TargetAssessment): FanChartInput | null {
  const fan = t.fan;
  if (!fan) return null;
  const median = fan.years.flatMap((year, i) => {
    const value = fan.median[i];
    return value === undefined || !Number.isFinite(value) ? [] : [{ year, value }];
  });
  const bands = fan.bands.flatMap((b) =>
    fan.years.flatMap((year, i) => {
      const lower = b.lower[i];
      const upper = b.upper[i];
      return lower === undefined || upper === undefined || !Number.isFinite(lower) || !Number.isFinite(upper)
        ? []
        : [{ year, level: b.level, lower, upper }];
    }),
  );
  const input: FanChartInput = {
    title: `${regionName(t.region)} ${t.nameZh}`,
    subtitle: `${t.nameEn}${t.accumulation === 'cumulative' ? ' (yearly flows; target is cumulative)' : ''}`,
    unit: t.unit,
    history: fan.history.filter((h) => Number.isFinite(h.value)).map((h) => ({ year: h.year, value: h.value })),
    median,
    bands,
  };
  // A cumulative target is a sum over years, not a level the yearly fan reaches: no marker on the yearly scale.
  if (t.target.value !== null && t.accumulation !== 'cumulative') {
    input.target = {
      year: t.target.year,
      value: t.target.value,
      comparator: t.target.comparator,
      source: sourceLine(t.target.source),
    };
  }
  return input;
}

/** Options of {@link regionDashboardInput}. */
export interface DashboardAdapterOptions {
  /** whose verdict colours the bars; @default 'eurostat' */
  assessor?: AssessorId;
}

/** A CAGR fraction as percent per year, or `null`. */
function pct(cagr: number | null | undefined): number | null {
  return cagr === null || cagr === undefined || !Number.isFinite(cagr) ? null : cagr * 100;
}

/**
 * Dashboard input of a region: one row per target with its probability, the chosen assessor's verdict as the
 * progress category, and required vs historical CAGR in percent per year.
 *
 * @example
 * const spec = attainabilityDashboard(regionDashboardInput(assessment.regions[0]));
 */
export function regionDashboardInput(region: RegionAssessment, options: DashboardAdapterOptions = {}): DashboardInput {
  const { assessor = 'eurostat' } = options;
  const rows: AttainabilityRow[] = region.targets.map((t) => {
    const verdict = t.verdicts.find((v) => v.assessor === assessor);
    return {
      id: t.key,
      label: targetRowLabel(t),
      probability: t.probability,
      category: verdict?.verdict ?? 'not-applicable',
      requiredGrowth: pct(t.growth?.required?.cagr),
      historicalGrowth: pct(t.growth?.historical?.cagr),
      projectedGrowth: pct(t.growth?.projected?.cagr),
      unit: t.unit,
      note: [
        t.status === 'ok' ? '' : `${t.status}: ${t.reason ?? ''}`,
        verdict ? `${verdict.name}: ${verdict.label}` : '',
      ]
        .filter(Boolean)
        .join(' · '),
    };
  });
  const name = region.targets[0]?.verdicts.find((v) => v.assessor === assessor)?.name ?? assessor;
  return {
    title: `${regionName(region.region)} 规划目标可达性`,
    subtitle: `Probability of attaining each target; colour: ${name}`,
    rows,
    categoryColors: ASSESSOR_CATEGORY_COLORS[assessor],
  };
}
