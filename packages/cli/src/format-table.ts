import type { PlanAssessment, RegionAssessment, TargetAssessment, Verdict } from '@trajectory/forecast';
import {
  type AttainmentClass,
  countClasses,
  groupTargets,
  methodInfo,
  REPORT_DEFAULTS,
  type TargetGroup,
} from '@trajectory/charts';
import { alignColumns, displayWidth } from './text-table.ts';

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
  /** every column (about 250 wide) instead of the table that fits {@link TABLE_WIDTH}; @default false */
  wide?: boolean;
  /** Monte Carlo paths, for the interval of P(attain) in the compact table; @default 2000 */
  nPaths?: number;
}

/** Display columns the default (compact) table fits in. */
export const TABLE_WIDTH = 120;

const VERDICT_WORD: Record<AttainmentClass, string> = {
  likely: 'likely',
  uncertain: 'uncertain',
  unlikely: 'unlikely',
  'not-assessable': 'n/a',
};

/** `s` cut to display width `n` with an ellipsis when longer. */
function fit(s: string, n: number): string {
  if (displayWidth(s) <= n) return s;
  let out = '';
  for (const ch of s) {
    if (displayWidth(`${out}${ch}…`) > n) break;
    out += ch;
  }
  return `${out}…`;
}

/** Widest display width of each compact column: indicator, base → target, P(attain) with verdict, method. */
const COMPACT_WIDTHS = [36, 44, 28, 4];

function compactRow(g: TargetGroup): string[] {
  const t = g.lead;
  const base = t.base ? `${formatNumber(t.base.value)} (${t.base.year})` : '–';
  const values = g.statements
    .map((s) => (s.value === null ? 'blank' : `${s.comparator} ${formatNumber(s.value)}`))
    .join(' | ');
  const period = t.target.period ? ` Σ${t.target.period[0]}–${t.target.period[1]}` : '';
  const p =
    t.probability === null || !g.interval
      ? `n/a (${t.status})`
      : `${pct(t.probability)} [${(100 * g.interval[0]).toFixed(1)}–${(100 * g.interval[1]).toFixed(1)}] ${VERDICT_WORD[g.cls]}`;
  const cells = [
    `${t.nameZh}${g.conflicting ? ' ⚠' : ''}`,
    `${base} → ${values}${period} ${t.unit} (${t.target.year})`,
    p,
    t.projection ? methodInfo(t.projection.method).code : '–',
  ];
  return cells.map((c, i) => fit(c, COMPACT_WIDTHS[i]!));
}

/** `meth: POOL = pooled, COMB = combination`: the codes the compact tables use. */
function methodLegend(plan: PlanAssessment): string {
  const used = new Set(
    plan.regions.flatMap((r) => r.targets.flatMap((t) => (t.projection ? [t.projection.method] : []))),
  );
  return `meth: ${[...used].map((m) => `${methodInfo(m).code} = ${m}`).join(', ') || '–'}`;
}

/**
 * One line a planner can act on: how many of a region's targets are likely, uncertain, unlikely or not assessable,
 * and what that means.
 * @example
 * regionConclusion(plan.regions[0]!); // 'Conclusion: 5 targets — 0 likely, 0 uncertain, 3 unlikely, 2 not assessable; …'
 */
export function regionConclusion(region: RegionAssessment, nPaths = 2000): string {
  const groups = groupTargets(region, nPaths);
  const c = countClasses(groups);
  const assessable = c.likely + c.uncertain + c.unlikely;
  const verdict =
    assessable === 0
      ? 'nothing to assess without observations'
      : c.unlikely > assessable / 2
        ? 'most are out of reach on current trends'
        : c.likely > assessable / 2
          ? 'most are within reach on current trends'
          : 'mixed prospects';
  return `Conclusion: ${c.likely} likely, ${c.uncertain} uncertain, ${c.unlikely} unlikely, ${c['not-assessable']} not assessable of ${groups.length} — ${verdict}.`;
}

/**
 * The compact table of a region (fits {@link TABLE_WIDTH} columns): one row per target (a target stated in several
 * documents once, with every value), P(attain) with its 95% interval and verdict word, the method's code; the
 * region's conclusion last.
 * @example
 * console.log(formatRegionCompact(plan.regions[0]!));
 */
export function formatRegionCompact(region: RegionAssessment, options: FormatTableOptions = {}): string {
  const groups = groupTargets(region, options.nPaths ?? 2000);
  const assessable = groups
    .filter((g) => g.lead.probability !== null)
    .sort((a, b) => (a.lead.probability ?? 0) - (b.lead.probability ?? 0));
  const rest = groups.filter((g) => g.lead.probability === null);
  const header = ['indicator', 'base → target (year)', 'P(attain) [95%] verdict', 'meth'];
  const lines = alignColumns([header, ...[...assessable, ...rest].map(compactRow)]);
  const label = options.regionLabel?.(region.region) ?? region.region;
  const thresholds = `likely P ≥ ${Math.round(100 * REPORT_DEFAULTS.likely)}%, unlikely P < ${Math.round(100 * REPORT_DEFAULTS.unlikely)}%`;
  return [
    fit(`== ${label} (${groups.length} targets; ${thresholds}) ==`, TABLE_WIDTH),
    lines[0]!,
    '-'.repeat(Math.min(TABLE_WIDTH, Math.max(...lines.map(displayWidth)))),
    ...lines.slice(1),
    regionConclusion(region, options.nPaths),
  ]
    .map((l) => fit(l, TABLE_WIDTH))
    .join('\n');
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
  const opts = { nPaths: plan.nPaths, ...options };
  return [
    ...plan.regions.map((r) =>
      opts.wide ? `${formatRegionTable(r, opts)}\n${regionConclusion(r, plan.nPaths)}` : formatRegionCompact(r, opts),
    ),
    `${s.targets} targets of ${s.indicators} indicators: ${s.assessed} with a probability, ${s.notOk} with a status other than ok, ` +
      `${s.conflicts} conflicts${opts.wide ? ' ' : '\n'}(seed ${plan.seed}, ${plan.nPaths} paths per indicator)` +
      (opts.wide ? '' : `\n${methodLegend(plan)}; --wide shows every column`),
  ].join('\n\n');
}
