/**
 * Contradictions in the data, flagged rather than merged: the same indicator (same `indicator` key) given
 * different values for the same year and kind, either by two documents (`cross-document`: Nankai's 2023
 * high-tech firm target is 650 in one plan and 500 in the other) or twice by one document (`within-document`:
 * Hexi's 147 vs 146 high-tech firms; Binhai's prose vs its Table 1).
 */
import type { Comparator, Indicator } from './indicator.ts';
import { sameNumber } from './indicator-rows.ts';
import { resolveTarget } from './resolve-target.ts';

/** One statement taking part in a conflict. */
export interface ConflictEntry {
  doc: string;
  rowId: string | null;
  /** absolute value (relative targets resolved against their base) */
  value: number;
  /** the comparator of a target or the bound of an observation; `null` for an exact observation */
  comparator: Comparator | null;
  valueText: string;
  quote: string;
  /** the document's relative words, when the value was resolved from them ("瞪羚企业数量翻番") */
  relativeText?: string;
}

/** A set of statements about one indicator, year and kind that cannot all be true. */
export interface Conflict {
  indicator: string;
  region: string;
  nameZh: string;
  nameEn: string;
  unit: string;
  kind: 'observed' | 'target';
  year: number;
  scope: 'cross-document' | 'within-document';
  entries: ConflictEntry[];
  /** one line for people, e.g. "nankai.hightech_firms target 2023: >= 650 (doc a) vs >= 500 (doc b)" */
  message: string;
}

type Direction = 'lower' | 'upper' | 'exact';
const direction = (c: Comparator | null): Direction =>
  c === '>=' || c === '>' ? 'lower' : c === '<=' || c === '<' ? 'upper' : 'exact';

/** Whether an exact value satisfies a bound. */
function satisfies(x: number, c: Comparator, v: number): boolean {
  switch (c) {
    case '>=':
      return x >= v || sameNumber(x, v);
    case '>':
      return x > v;
    case '<=':
      return x <= v || sameNumber(x, v);
    case '<':
      return x < v;
    case '=':
      return sameNumber(x, v);
  }
}

function describe(e: ConflictEntry): string {
  const rel = e.relativeText ? ` ["${e.relativeText}"]` : '';
  return `${e.comparator && e.comparator !== '=' ? `${e.comparator} ` : ''}${e.value}${rel} (${e.doc}${e.rowId ? ` ${e.rowId}` : ''})`;
}

/** Statements of one group that contradict each other. */
function contradictions(kind: 'observed' | 'target', entries: ConflictEntry[]): ConflictEntry[] {
  const involved = new Set<ConflictEntry>();
  for (let i = 0; i < entries.length; i++) {
    for (let j = i + 1; j < entries.length; j++) {
      const a = entries[i]!;
      const b = entries[j]!;
      let clash = false;
      if (kind === 'target') {
        // targets are levels: two lower bounds (or two upper bounds, or two exact values) must agree
        clash = direction(a.comparator) === direction(b.comparator) && !sameNumber(a.value, b.value);
      } else if (a.comparator === null && b.comparator === null) {
        clash = !sameNumber(a.value, b.value);
      } else if (a.comparator === null && b.comparator !== null) {
        clash = !satisfies(a.value, b.comparator, b.value);
      } else if (b.comparator === null && a.comparator !== null) {
        clash = !satisfies(b.value, a.comparator, a.value);
      }
      if (clash) {
        involved.add(a);
        involved.add(b);
      }
    }
  }
  return entries.filter((e) => involved.has(e));
}

/**
 * Find every conflict among `indicators`. Relative targets are first resolved (`resolveTarget`), so "翻番" on a
 * base of 16 (32) conflicts with another document's 30. Blank targets (value `null`) take no part. Two targets
 * conflict when they bound the same side (both "at least", both "at most", or both exact) with different values;
 * two observations conflict when both are exact and differ, or an exact value violates a stated bound
 * (5.16 is consistent with "5.0%以上").
 *
 * @example
 * findConflicts(loadSeedIndicators()).map((c) => c.message)
 */
export function findConflicts(indicators: readonly Indicator[]): Conflict[] {
  const out: Conflict[] = [];
  for (const ind of indicators) {
    const groups = new Map<string, { kind: 'observed' | 'target'; year: number; entries: ConflictEntry[] }>();
    const add = (kind: 'observed' | 'target', year: number, e: ConflictEntry) => {
      const key = `${kind}:${year}`;
      const g = groups.get(key) ?? { kind, year, entries: [] };
      g.entries.push(e);
      groups.set(key, g);
    };
    for (const o of ind.observations) {
      add('observed', o.year, {
        doc: o.source.doc,
        rowId: o.source.rowId ?? null,
        value: o.value,
        comparator: o.comparator ?? null,
        valueText: o.source.valueText ?? String(o.value),
        quote: o.source.quote,
      });
    }
    for (const raw of ind.targets) {
      const t = resolveTarget(ind, raw);
      if (t.value === null) continue;
      const e: ConflictEntry = {
        doc: t.source.doc,
        rowId: t.source.rowId ?? null,
        value: t.value,
        comparator: t.comparator,
        valueText: t.source.valueText ?? String(t.value),
        quote: t.source.quote,
      };
      if (raw.value === null && t.relative) e.relativeText = t.relative.text;
      add('target', t.year, e);
    }
    for (const g of groups.values()) {
      const entries = contradictions(g.kind, g.entries);
      if (!entries.length) continue;
      const docs = new Set(entries.map((e) => e.doc));
      out.push({
        indicator: ind.id,
        region: ind.region,
        nameZh: ind.nameZh,
        nameEn: ind.nameEn,
        unit: ind.unit,
        kind: g.kind,
        year: g.year,
        scope: docs.size > 1 ? 'cross-document' : 'within-document',
        entries,
        message: `${ind.id} ${g.kind} ${g.year}: ${entries.map(describe).join(' vs ')}`,
      });
    }
  }
  return out;
}
