import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One competition series: training values, held-out test values and its category. */
export interface CompetitionSeries {
  id: string;
  category: string;
  train: number[];
  test: number[];
}

function readLong(file: string): Map<string, number[]> {
  const text = readFileSync(file, 'utf8');
  const out = new Map<string, number[]>();
  const lines = text.split(/\r?\n/);
  const header = lines[0]!.split(',');
  if (header[0] !== 'id' || header[1] !== 't' || header[2] !== 'value')
    throw new RangeError(`${file}: expected header id,t,value, got ${lines[0]}`);
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line) continue;
    const [id, t, value] = line.split(',');
    const v = Number(value);
    const tt = Number(t);
    if (!id || !Number.isFinite(v) || !Number.isInteger(tt))
      throw new RangeError(`${file}: row ${i + 1}: bad id/t/value in "${line}"`);
    let arr = out.get(id);
    if (!arr) out.set(id, (arr = []));
    arr.push(v);
  }
  return out;
}

/**
 * Reads `train.csv`, `test.csv` and `series.csv` (category) of an M3/M4 yearly folder, in id order.
 * With `{test: false}` the test file is never opened (learning scripts) and `test` is empty.
 */
export function loadDataset(dir: string, options: { test?: boolean } = {}): CompetitionSeries[] {
  const train = readLong(join(dir, 'train.csv'));
  const withTest = options.test ?? true;
  const test = withTest ? readLong(join(dir, 'test.csv')) : new Map<string, number[]>();
  const categories = new Map<string, string>();
  const meta = readFileSync(join(dir, 'series.csv'), 'utf8').split(/\r?\n/);
  const cols = meta[0]!.split(',');
  const ci = cols.indexOf('category');
  for (let i = 1; i < meta.length; i++) {
    const row = meta[i]!.split(',');
    if (row[0]) categories.set(row[0], normaliseCategory(row[ci] ?? 'Other'));
  }
  const series: CompetitionSeries[] = [];
  for (const [id, values] of train) {
    const t = withTest ? test.get(id) : [];
    if (!t) throw new RangeError(`${join(dir, 'test.csv')}: no test values for series ${id}`);
    series.push({ id, category: categories.get(id) ?? 'Other', train: values, test: t });
  }
  return series;
}

/** 'MICRO' / 'Micro' → 'Micro'. */
export function normaliseCategory(c: string): string {
  const s = c.trim().toLowerCase();
  return s.charAt(0).toUpperCase() + s.slice(1);
}
