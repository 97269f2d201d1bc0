import type { PlanAssessment, RegionAssessment, TargetAssessment, Verdict } from './types.ts';

/**
 * Terminal display width of a string: East Asian wide and full-width characters take two columns (Unicode UAX #11
 * ranges for CJK, Hangul, full-width forms), everything else one.
 * @example
 * displayWidth('高新技术企业 high-tech'); // 12 + 10 = 22
 */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    w +=
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      (c >= 0x20000 && c <= 0x3fffd)
        ? 2
        : 1;
  }
  return w;
}

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

/** Formats a number with up to 4 significant digits, no exponent for plan-sized values. */
export function formatNumber(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '–';
  const a = Math.abs(x);
  const digits = a >= 1000 ? 0 : a >= 100 ? 1 : a >= 1 ? 2 : 3;
  return Number(x.toFixed(digits)).toString();
}

const pct = (x: number | null | undefined): string => (x === null || x === undefined || !Number.isFinite(x) ? '–' : `${(100 * x).toFixed(1)}%`);

function growthCell(g: { cagr: number | null; increment: number } | null | undefined): string {
  if (!g) return '–';
  return `${pct(g.cagr)} (${g.increment >= 0 ? '+' : ''}${formatNumber(g.increment)}/yr)`;
}

/** One row of the per-region table, as strings. */
export function targetRow(a: TargetAssessment): string[] {
  const t = a.target;
  const targetText =
    t.value === null
      ? t.relative
        ? `${t.relative.text} (no base)`
        : 'blank'
      : `${t.comparator} ${formatNumber(t.value)}${t.relative ? ` (${t.relative.text})` : ''}${t.period ? ` Σ${t.period[0]}–${t.period[1]}` : ''}`;
  const ratio = a.growth?.historicalRatio ?? a.growth?.projectedRatio ?? null;
  const probability =
    a.probability === null ? a.status : `${(100 * a.probability).toFixed(1)}% ±${(100 * (a.probabilityStdError ?? 0)).toFixed(1)}`;
  return [
    `${a.nameZh}${a.conflictId ? ' ⚠' : ''}`,
    a.unit,
    a.base ? `${formatNumber(a.base.value)} (${a.base.year})` : '–',
    `${targetText} by ${t.year}`,
    growthCell(a.growth?.required),
    growthCell(a.growth?.historical ?? null),
    ratio === null ? '–' : formatNumber(ratio),
    probability,
    a.atTarget ? `${formatNumber(a.atTarget.median)} [${formatNumber(a.atTarget.intervals.find((i) => i.level === 80)?.lower)}, ${formatNumber(a.atTarget.intervals.find((i) => i.level === 80)?.upper)}]` : '–',
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
  'hist/req',
  'P(attain)',
  'median [80%]',
  'Eurostat',
  'ESCAP',
  'SDSN',
  '序时进度',
  'method',
];

/**
 * A plain-text table of one region's targets (one row per target, CJK-aware column alignment), followed by its
 * conflicts and the reasons of targets that could not be assessed.
 * @example
 * console.log(formatRegionTable(plan.regions[0]!));
 */
export function formatRegionTable(region: RegionAssessment): string {
  const rows = [TABLE_HEADERS, ...region.targets.map(targetRow)];
  const widths = TABLE_HEADERS.map((_, j) => Math.max(...rows.map((r) => displayWidth(r[j] ?? ''))));
  const line = (r: string[]) => r.map((cell, j) => cell + ' '.repeat(widths[j]! - displayWidth(cell))).join('  ').trimEnd();
  const out = [`== ${region.region} (${region.targets.length} targets) ==`, line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  ')];
  for (const r of rows.slice(1)) out.push(line(r));
  for (const c of region.conflicts) {
    out.push(`⚠ conflict ${c.id}: ${c.note}; P = ${c.probabilities.map((p) => (p === null ? '–' : `${(100 * p).toFixed(1)}%`)).join(' vs ')}`);
  }
  for (const a of region.targets.filter((x) => x.status !== 'ok')) out.push(`  ${a.key} [${a.status}]: ${a.reason}`);
  return out.join('\n');
}

/**
 * Every region's table and a one-line summary.
 * @example
 * console.log(formatPlanTables(assessPlan(indicators)));
 */
export function formatPlanTables(plan: PlanAssessment): string {
  const s = plan.summary;
  return [
    ...plan.regions.map(formatRegionTable),
    `${s.targets} targets of ${s.indicators} indicators: ${s.assessed} with a probability, ${s.notOk} with a status other than ok, ` +
      `${s.conflicts} conflicts (seed ${plan.seed}, ${plan.nPaths} paths per indicator)`,
  ].join('\n\n');
}
