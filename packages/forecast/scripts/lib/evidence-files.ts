/**
 * Reads the evidence files of the datasets package for scripts (priors, plan-outcome backtest): reference panels
 * and plan outcomes. The forecast library itself reads no files.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fromCSV } from 'arquero';
import type { Comparator } from '@trajectory/core';
import type { PanelObservation } from '../../src/pooled/priors.ts';

export const DATASETS_DIR = fileURLToPath(new URL('../../../datasets/data/', import.meta.url));

function csvObjects(file: string): Record<string, unknown>[] {
  return fromCSV(readFileSync(file, 'utf8'), { autoType: false }).objects() as Record<string, unknown>[];
}

/** Every panel row of `data/panels/*.csv` (values that are not finite numbers are an error naming file and row). */
export function readPanels(dir = `${DATASETS_DIR}panels/`): PanelObservation[] {
  const out: PanelObservation[] = [];
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.csv')).sort()) {
    csvObjects(dir + name).forEach((r, i) => {
      const year = Number(r.year);
      const value = Number(r.value);
      if (!Number.isInteger(year) || !Number.isFinite(value))
        throw new Error(`${dir + name} row ${i + 2}: year '${r.year}' / value '${r.value}' is not a number`);
      out.push({ type: String(r.type), region: String(r.region), regionLevel: String(r.region_level), year, value });
    });
  }
  return out;
}

/** One row of `plan-outcomes.csv`, typed. */
export interface PlanOutcomeRow {
  row: number;
  plan: string;
  family: string;
  region: string;
  indicatorZh: string;
  indicatorEn: string;
  unit: string;
  measure: string;
  attribute: string;
  baseYear: number;
  baseValue: number;
  targetYear: number;
  targetValue: number;
  comparator: Comparator;
  outcomeYear: number;
  outcomeValue: number;
  met: boolean;
}

/** The rows of `plan-outcomes.csv` (a non-numeric field is an error naming file, row and field). */
export function readPlanOutcomes(file = `${DATASETS_DIR}plan-outcomes.csv`): PlanOutcomeRow[] {
  if (!existsSync(file)) return [];
  return csvObjects(file).map((r, i) => {
    const num = (field: string): number => {
      const v = Number(r[field]);
      if (!Number.isFinite(v) || String(r[field]).trim() === '')
        throw new Error(`${file} row ${i + 2}: field ${field} '${r[field]}' is not a number`);
      return v;
    };
    return {
      row: i + 2,
      plan: String(r.plan),
      family: String(r.family),
      region: String(r.region),
      indicatorZh: String(r.indicator_zh),
      indicatorEn: String(r.indicator_en),
      unit: String(r.unit),
      measure: String(r.measure),
      attribute: String(r.attribute),
      baseYear: num('base_year'),
      baseValue: num('base_value'),
      targetYear: num('target_year'),
      targetValue: num('target_value'),
      comparator: String(r.comparator) as Comparator,
      outcomeYear: num('outcome_year'),
      outcomeValue: num('outcome_value'),
      met: String(r.met) === 'true',
    };
  });
}
