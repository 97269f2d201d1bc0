import type { PlanAssessment, RegionAssessment, TargetAssessment, Verdict } from '@trajectory/forecast';
import { displayWidth } from './text-table.ts';

const SHORT: Record<string, string> = {
  'significant-progress': 'significant',
  'moderate-progress': 'moderate',
  'insufficient-progress': 'insufficient',
  'movement-away': 'away',
  'on-track': 'on track',
  'needs-acceleration': 'accelerate',
  regressing: 'reverse',
  'moderately-improving': '↗ moderate',
  stagnating: '→ stagnating',
  decreasing: '↓ decreasing',
  'not-applicable': '–',
};

function short(v: Verdict | undefined): string {
  if (!v) return '–';
  if (v.assessor === 'sdsn' && v.verdict === 'on-track') return '↑ on track';
  return SHORT[v.verdict] ?? v.verdict;
}

/**
 * Formats a number with up to 4 significant digits, no exponent for plan-sized values.
 * @example
 * formatNumber(1597); // '1597'
 * formatNumber(0.123456); // '0.123'
 */
export function formatNumber(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '–';
  const a = Math.abs(x);
  const digits = a >= 1000 ? 0 : a >= 100 ? 1 : a >= 1 ? 2 : 3;
  return Number(x.toFixed(digits)).toString();
}

const pct = (x: number | null | undefined): string =>
  x === null || x === undefined || !Number.isFinite(x) ? '–' : `${(100 * x).toFixed(1)}%`;

function growthCell(g: { cagr: number | null; increment: number } | null | undefined): string {
  if (!g) return '–';
  return `${pct(g.cagr)} (${g.increment >= 0 ? '+' : ''}${formatNumber(g.increment)}/yr)`;
}

/**
 * One row of the per-region table, as strings.
 * @example
 * targetRow(assessTarget(firms, firms.targets[0]!)); // ['国家高新技术企业数', '家', '1597 (2020)', ...]
 */
export function targetRow(a: TargetAssessment): string[] {
  const t = a.target;
  const targetText =
    t.value === null
      ? t.relative
        ? `${t.relative.text} (no base)`
        : 'blank'
      : `${t.comparator} ${formatNumber(t.value)}${t.relative ? ` (${t.relative.text})` : ''}${t.period ? ` Σ${t.period[0]}–${t.period[1]}` : ''}`;
  const hr = a.growth?.historicalRatio ?? null;
  const pr = a.growth?.projectedRatio ?? null;
  const ratio = hr !== null ? formatNumber(hr) : pr !== null ? `${formatNumber(pr)} (proj.)` : '–';
  const probability =
    a.probability === null
      ? a.status
      : a.calibration && a.statisticalProbability != null
        ? `${(100 * a.probability).toFixed(1)}% (stat. ${(100 * a.statisticalProbability).toFixed(1)}%)`
        : `${(100 * a.probability).toFixed(1)}% ±${(100 * (a.probabilityStdError ?? 0)).toFixed(1)}`;
  return [
    `${a.nameZh}${a.conflictId ? ' ⚠' : ''}`,
    a.unit,
    a.base ? `${formatNumber(a.base.value)} (${a.base.year})` : '–',
    `${targetText} by ${t.year}`,
    growthCell(a.growth?.required),
    growthCell(a.growth?.historical ?? null),
    ratio,
    probability,
    a.atTarget
      ? `${formatNumber(a.atTarget.median)} [${formatNumber(a.atTarget.intervals.find((i) => i.level === 80)?.lower)}, ${formatNumber(a.atTarget.intervals.find((i) => i.level === 80)?.upper)}]`
      : '–',
    short(a.verdicts[0]),
    short(a.verdicts[1]),
    short(a.verdicts[2]),
    a.verdicts[3]?.verdict === 'not-applicable' ? '–' : (a.verdicts[3]?.verdict ?? '–'),
    a.projection?.method ?? '–',
  ];
}

/** Column headers of {@link targetRow}. */
export const TABLE_HEADERS = [
  'indicator',
  'unit',
  'base',
  'target',
  'required CAGR (incr.)',
  'historical CAGR (incr.)',
  'actual/req',
  'P(attain)',
  'median [80%]',
  'Eurostat',
  'ESCAP',
  'SDSN',
  '序时进度',
  'method',
];

/** Options of {@link formatRegionTable} and {@link formatPlanTables}. */
export interface FormatTableOptions {
  /** Heading of a region, e.g. its Chinese name from core's `REGIONS`. @default the region key itself */
  regionLabel?: (region: string) => string;
}

/** Same indicator, year, comparator and value: one target stated twice (a plan's table and its prose). */
const sameTarget = (a: TargetAssessment, b: TargetAssessment): boolean =>
  a.indicatorId === b.indicatorId &&
  a.target.year === b.target.year &&
  a.target.comparator === b.target.comparator &&
  a.target.value === b.target.value &&
  a.target.value !== null;

/**
 * A plain-text table of one region's targets (one row per distinct target, CJK-aware column alignment; a target
 * stated twice is shown once with ×2), followed by its conflicts and why some targets could not be assessed.
 * "actual/req" is historical over required growth, or projected over required ("proj.") with fewer than two
 * observations.
 * @example
 * console.log(formatRegionTable(plan.regions[0]!));
 */
export function formatRegionTable(region: RegionAssessment, options: FormatTableOptions = {}): string {
  const shown: { a: TargetAssessment; times: number }[] = [];
  for (const a of region.targets) {
    const seen = shown.find((s) => sameTarget(s.a, a));
    if (seen) seen.times++;
    else shown.push({ a, times: 1 });
  }
  const rows = [
    TABLE_HEADERS,
    ...shown.map(({ a, times }) => {
      const row = targetRow(a);
      if (times > 1) row[0] += ` ×${times}`;
      return row;
    }),
  ];
  const widths = TABLE_HEADERS.map((_, j) => Math.max(...rows.map((r) => displayWidth(r[j] ?? ''))));
  const line = (r: string[]) =>
    r
      .map((cell, j) => cell + ' '.repeat(widths[j]! - displayWidth(cell)))
      .join('  ')
      .trimEnd();
  const label = options.regionLabel?.(region.region) ?? region.region;
  const out = [
    `== ${label} (${region.targets.length} targets) ==`,
    line(rows[0]!),
    widths.map((w) => '-'.repeat(w)).join('  '),
  ];
  for (const r of rows.slice(1)) out.push(line(r));
  for (const c of region.conflicts) {
    out.push(
      `⚠ conflict ${c.id}: ${c.note}; P = ${c.probabilities.map((p) => (p === null ? '–' : `${(100 * p).toFixed(1)}%`)).join(' vs ')}`,
    );
  }
  // Statuses shared by many targets are listed by key; the others with their own reason.
  for (const status of ['no-observations', 'target-blank'] as const) {
    const keys = [...new Set(shown.filter(({ a }) => a.status === status).map(({ a }) => a.indicatorId))];
    if (keys.length > 0) out.push(`  ${status} (${keys.length}): ${keys.join(', ')}`);
  }
  for (const { a } of shown.filter(
    ({ a }) => a.status !== 'ok' && a.status !== 'no-observations' && a.status !== 'target-blank',
  )) {
    out.push(`  ${a.key} [${a.status}]: ${a.reason}`);
  }
  return out.join('\n');
}

/**
 * Every region's table and a one-line summary.
 * @example
 * console.log(formatPlanTables(assessPlan(indicators), { regionLabel: (r) => REGIONS.get(r)?.zh ?? r }));
 */
export function formatPlanTables(plan: PlanAssessment, options: FormatTableOptions = {}): string {
  const s = plan.summary;
  return [
    ...plan.regions.map((r) => formatRegionTable(r, options)),
    `${s.targets} targets of ${s.indicators} indicators: ${s.assessed} with a probability, ${s.notOk} with a status other than ok, ` +
      `${s.conflicts} conflicts (seed ${plan.seed}, ${plan.nPaths} paths per indicator)`,
  ].join('\n\n');
}
