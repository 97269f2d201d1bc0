/**
 * `trajectory data [--region R] [--json] [--conflicts]`: every indicator of the seed dataset by region, with its
 * baselines and targets (relative forms resolved), or the conflicts between and within documents.
 */
import {
  IndicatorDataError,
  findConflicts,
  resolveIndicator,
  rowsToIndicators,
  type Conflict,
  type Indicator,
  type Target,
  terminalSafe,
} from '@trajectory/core';
import {
  indicatorsByRegion,
  loadHistory,
  loadSeedIndicators,
  matchHistory,
  REGIONS,
  type HistoryRecord,
  type RegionIndicators,
} from '@trajectory/datasets/node';
import { readIndicatorFile } from '../xlsx.ts';
import { parseCommandArgs, printError } from '../command-args.ts';
import { displayWidth, padDisplay } from '../text-table.ts';

const usage = `usage: trajectory data [--data FILE] [--region R] [--json] [--conflicts | --history]

  Lists every indicator of seeds/indicators.csv by region: names (中文 / English), unit, observed years and values,
  targets with comparator, attribute (预期性/约束性) and relative form (翻番 -> x2 on the base year).

  --data FILE   list FILE instead (.csv, or .xlsx with sheet 'indicators'; the seed columns)
  --region R    only region R (key such as nankai, hexi, teda, binhai, or its Chinese name)
  --conflicts   list cross-document and within-document conflicts instead
  --history     each indicator's yearly history (history.csv) beside its baselines and targets: its own series and
                the same quantity in the parent regions (tianjin.x beside binhai.x), with sources
  --json        machine-readable output (JSON on stdout)
  -h, --help    this help`;

/** Where a value was read: the document (without .txt) and the row id's suffix (`.prose`, `.sec3`) if any. */
function where(source: { doc: string; rowId?: string }, kind: string, year: number, indicator: string): string {
  const doc = source.doc.replace(/\.txt$/, '');
  const base = `${indicator}.${year}.${kind}`;
  const suffix = source.rowId?.startsWith(`${base}.`) ? source.rowId.slice(base.length + 1) : '';
  return suffix ? `${doc} (${suffix})` : doc;
}
const cell = (s: string, n: number) => padDisplay(s, Math.max(n, displayWidth(s) + 2));
const fmt = (v: number) => (Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(10))));

function targetText(t: Target, unit: string): string {
  const cmp = t.comparator === '=' ? '' : `${t.comparator} `;
  let s = t.value === null ? '(blank in the document)' : `${cmp}${fmt(t.value)}`;
  if (t.relative) {
    const r = t.relative;
    const form =
      r.kind === 'multiple' ? `x${r.amount}` : r.kind === 'increase-percent' ? `+${r.amount}%` : `+${r.amount} ${unit}`;
    const base =
      r.baseValue !== undefined
        ? ` = ${fmt(r.baseValue)}`
        : r.impliedBaseValue !== undefined
          ? ` (implies ${fmt(r.impliedBaseValue)})`
          : ' (no base)';
    s += `  [${r.text}: ${form} on ${r.baseYear}${base}]`;
  }
  if (t.period) s += `  over ${t.period[0]}-${t.period[1]}`;
  if (t.attribute) s += `  ${t.attribute}`;
  return s;
}

function printRegion(group: RegionIndicators, lines: string[]): void {
  const name = group.info ? `${group.info.zh} ${group.info.en}` : group.region;
  lines.push(`== ${name} (${group.region}) — ${group.indicators.length} indicators ==`, '');
  for (const ind of group.indicators) {
    lines.push(`${ind.id}  ${ind.nameZh} · ${ind.nameEn}  [${ind.unit}, ${ind.measure}, ${ind.accumulation}]`);
    if (ind.scope) lines.push(`    scope: ${ind.scope}`);
    for (const o of ind.observations) {
      const bound = o.comparator ? `${o.comparator} ` : '';
      const period = o.period ? `  over ${o.period[0]}-${o.period[1]}` : '';
      lines.push(
        `    ${padDisplay('observed', 9)}${o.year}  ${cell(`${bound}${fmt(o.value)}${period}`, 44)}${where(o.source, 'observed', o.year, ind.id)}`,
      );
    }
    for (const t of ind.targets)
      lines.push(
        `    ${padDisplay('target', 9)}${t.year}  ${cell(targetText(t, ind.unit), 44)}${where(t.source, 'target', t.year, ind.id)}`,
      );
  }
  lines.push('');
}

function printConflicts(conflicts: Conflict[], lines: string[]): void {
  lines.push(`${conflicts.length} conflicts`, '');
  for (const c of conflicts) {
    lines.push(`[${c.scope}] ${c.indicator} (${c.nameZh} · ${c.nameEn}) ${c.kind} ${c.year}, ${c.unit}`);
    for (const e of c.entries) {
      const cmp = e.comparator && e.comparator !== '=' ? `${e.comparator} ` : '';
      const rel = e.relativeText ? ` (from "${e.relativeText}")` : '';
      lines.push(`    ${padDisplay(cmp + fmt(e.value) + rel, 34)}${e.doc}  ${e.rowId ?? ''}`);
      lines.push(`        “${e.quote.replace(/\s*\n\s*/g, ' / ')}”`);
    }
    lines.push('');
  }
}

const short = (title: string, n = 36): string => (title.length > n ? `${title.slice(0, n - 1)}…` : title);

/** Rows of one series that share a year with a different value: the ids to mark as conflicting. */
function conflictIds(rows: readonly HistoryRecord[]): Set<string> {
  const out = new Set<string>();
  for (const a of rows)
    for (const b of rows)
      if (a !== b && a.indicator === b.indicator && a.year === b.year && a.value !== b.value) out.add(a.id);
  return out;
}

function historyLines(rows: readonly HistoryRecord[], unit: string, lines: string[]): void {
  const conflicts = conflictIds(rows);
  let key = '';
  for (const r of rows) {
    if (r.indicator !== key) {
      key = r.indicator;
      lines.push(`      ${key}  ${REGIONS.get(r.region)?.zh ?? r.region}`);
    }
    const unitText = r.unit === unit ? '' : ` ${r.unit}`;
    const status = `${r.status === 'final' ? '' : r.status}${r.as_of ? ` to ${r.as_of}` : ''}`;
    const flag = conflicts.has(r.id) ? '≠ ' : '  ';
    lines.push(
      `      ${flag}${r.year}  ${cell(`${fmt(r.value)}${unitText}`, 16)}${cell(status, 20)}${short(r.source_title)}  ${r.source_url}`,
    );
    if (r.break_note) lines.push(`              break: ${r.break_note}`);
  }
}

/** `--history`: the seed indicators with history of their own or of the same quantity elsewhere. */
function runHistory(indicators: Indicator[], region: string | undefined, json: boolean): number {
  let history: HistoryRecord[];
  try {
    history = loadHistory();
  } catch (error) {
    if (error instanceof IndicatorDataError) {
      printError('data', error.message);
      return 1;
    }
    throw error;
  }
  let key: string | undefined;
  if (region !== undefined) {
    key = [...REGIONS.values()].find((r) => r.key === region || r.zh === region || r.en === region)?.key;
    if (!key && !history.some((r) => r.region === region)) {
      printError('data', `unknown region '${region}' (known: ${[...REGIONS.keys()].join(', ')})`);
      return 2;
    }
    key ??= region;
  }
  const match = matchHistory(indicators.map(resolveIndicator), history);
  const selected = match.indicators.filter((h) => key === undefined || h.indicator.region === key);
  // without --region: the series no seed indicator claims; with it: the region's series not shown as an own history
  const own = new Set(selected.flatMap((h) => h.own));
  const unmatched =
    key === undefined
      ? match.unmatched
      : matchHistory(
          [],
          history.filter((r) => r.region === key && !own.has(r)),
        ).unmatched; // sorted as the rest
  if (json) {
    console.log(JSON.stringify({ indicators: selected, unmatched }, null, 2));
    return 0;
  }
  const lines: string[] = [];
  const shown = selected.filter((h) => h.own.length + h.related.length > 0);
  for (const g of indicatorsByRegion(shown.map((h) => h.indicator))) {
    const name = g.info ? `${g.info.zh} ${g.info.en}` : g.region;
    lines.push(`== ${name} (${g.region}) ==`, '');
    for (const ind of g.indicators) {
      const h = shown.find((x) => x.indicator === ind)!;
      lines.push(`${ind.id}  ${ind.nameZh} · ${ind.nameEn}  [${ind.unit}, ${ind.measure}, ${ind.accumulation}]`);
      for (const o of ind.observations)
        lines.push(
          `    ${padDisplay('baseline', 9)}${o.year}  ${cell(`${o.comparator ? `${o.comparator} ` : ''}${fmt(o.value)}`, 44)}${where(o.source, 'observed', o.year, ind.id)}`,
        );
      for (const t of ind.targets)
        lines.push(
          `    ${padDisplay('target', 9)}${t.year}  ${cell(targetText(t, ind.unit), 44)}${where(t.source, 'target', t.year, ind.id)}`,
        );
      if (h.own.length) {
        lines.push('    history');
        historyLines(h.own, ind.unit, lines);
      }
      if (h.related.length) {
        lines.push('    the same quantity elsewhere');
        historyLines(h.related, ind.unit, lines);
      }
      lines.push('');
    }
  }
  if (unmatched.length) {
    lines.push(
      key === undefined
        ? '== history series that match no seed indicator =='
        : `== other history series of ${key} (parent-region series, or no seed indicator of ${key}) ==`,
      '',
    );
    historyLines(unmatched, '', lines);
    lines.push('');
  }
  const withOwn = shown.filter((h) => h.own.length).length;
  const rows = new Set(shown.flatMap((h) => [...h.own, ...h.related]).concat(unmatched)).size;
  lines.push(
    `${withOwn} of ${selected.length} indicators have a history of their own, ${shown.length - withOwn} more only in other regions; ${rows} of ${history.length} history rows shown (≠ marks sources that disagree)`,
  );
  console.log(terminalSafe(lines.join('\n')));
  return 0;
}

/**
 * Run `trajectory data`; returns the exit code (0 ok, 1 invalid dataset, 2 bad arguments).
 * @example
 * const code = await run(['--conflicts']);
 */
export async function run(argv: string[]): Promise<number> {
  const parsed = parseCommandArgs('data', usage, argv, {
    region: { type: 'string', short: 'r' },
    json: { type: 'boolean' },
    conflicts: { type: 'boolean' },
    history: { type: 'boolean' },
    data: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (typeof parsed === 'number') return parsed;
  const { values } = parsed;
  if (values.conflicts && values.history) {
    printError('data', '--conflicts and --history are two different listings: give one', usage);
    return 2;
  }
  let indicators: Indicator[];
  try {
    indicators =
      values.data === undefined ? loadSeedIndicators() : rowsToIndicators(await readIndicatorFile(values.data));
  } catch (error) {
    if (error instanceof IndicatorDataError) {
      printError('data', error.message);
      return 1;
    }
    throw error;
  }
  if (values.history) return runHistory(indicators, values.region, values.json === true);
  let groups = indicatorsByRegion(indicators.map(resolveIndicator));
  if (values.region !== undefined) {
    const r = values.region;
    groups = groups.filter((g) => g.region === r || g.info?.zh === r || g.info?.en === r);
    if (!groups.length) {
      const known = indicatorsByRegion(indicators)
        .map((g) => g.region)
        .join(', ');
      printError('data', `unknown region '${r}' (known: ${known})`);
      return 2;
    }
  }
  const selected = groups.flatMap((g) => g.indicators);
  const conflicts = findConflicts(selected);
  if (values.json) {
    const out = values.conflicts
      ? { conflicts }
      : {
          regions: groups.map((g) => ({
            region: g.region,
            zh: g.info?.zh ?? null,
            en: g.info?.en ?? null,
            indicators: g.indicators,
          })),
          conflicts,
        };
    console.log(JSON.stringify(out, null, 2));
    return 0;
  }
  const lines: string[] = [];
  if (values.conflicts) printConflicts(conflicts, lines);
  else {
    for (const g of groups) printRegion(g, lines);
    const obs = selected.reduce((n, i) => n + i.observations.length, 0);
    const tgt = selected.reduce((n, i) => n + i.targets.length, 0);
    lines.push(
      `${selected.length} indicators, ${obs} observations, ${tgt} targets; ${conflicts.length} conflicts (trajectory data --conflicts)`,
    );
  }
  console.log(terminalSafe(lines.join('\n')));
  return 0;
}
