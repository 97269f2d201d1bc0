/**
 * Writes a synthetic province: N indicators (default 20,000) in the seed dataset's columns, spread over 100
 * districts (region labels outside the known list), measures count / amount / share / level / growth, observed
 * yearly 2015–2020 (a seeded random walk on each measure's scale) and one 2025 target each. For the scale test of
 * `trajectory assess --data`.
 * Usage: pnpm tsx packages/forecast/scripts/synthetic-province.ts [--indicators 20000] [--out FILE] [--seed 1]
 */
import { parseArgs } from 'node:util';
import { createRng, type IndicatorRow, writeIndicatorCsv } from '@trajectory/core';
import { writeFileAtomicSync } from '@trajectory/core/node';

/** The rows of a synthetic province of `n` indicators. */
export function syntheticProvince(n: number, seed = 1): IndicatorRow[] {
  const rng = createRng(seed);
  const measures = [
    { measure: 'count', unit: '家', start: () => 50 + 2000 * rng.uniform(), step: () => 0.12 + 0.08 * rng.normal() },
    { measure: 'amount', unit: '亿元', start: () => 10 + 900 * rng.uniform(), step: () => 0.08 + 0.05 * rng.normal() },
    { measure: 'share', unit: '%', start: () => 5 + 80 * rng.uniform(), step: () => 0.03 + 0.05 * rng.normal() },
    { measure: 'level', unit: '年', start: () => 9 + 5 * rng.uniform(), step: () => 0.08 + 0.04 * rng.normal() },
    { measure: 'growth', unit: '%', start: () => 2 + 8 * rng.uniform(), step: () => rng.normal() },
  ] as const;
  const rows: IndicatorRow[] = [];
  for (let i = 0; i < n; i++) {
    const m = measures[i % measures.length]!;
    const region = `district_${String(i % 100).padStart(3, '0')}`;
    const key = `${region}.synthetic_${i}`;
    let v = m.start();
    const base = {
      doc: 'synthetic-province.txt',
      region,
      indicator: key,
      indicator_zh: `合成指标${i}`,
      indicator_en: `synthetic indicator ${i}`,
      unit: m.unit,
      measure: m.measure,
      accumulation: 'stock',
      period_start: null,
      period_end: null,
      lower: m.measure === 'share' ? 0 : null,
      upper: m.measure === 'share' ? 100 : null,
      relative_kind: null,
      relative_amount: null,
      relative_base_year: null,
      relative_text: '',
      scope: '',
      note: '',
    } as const;
    for (let year = 2015; year <= 2020; year++) {
      const text = String(Number(v.toPrecision(4)));
      rows.push({
        ...base,
        id: `${key}.${year}.observed`,
        kind: 'observed',
        year,
        value: Number(text),
        value_text: text,
        comparator: null,
        attribute: null,
        quote: `${year}年${text}`,
      });
      const s = m.step();
      v =
        m.measure === 'share'
          ? 100 / (1 + ((100 - v) / v) * Math.exp(-s))
          : m.measure === 'growth' || m.measure === 'level'
            ? v + s
            : v * Math.exp(s);
    }
    const target = String(
      Number((m.measure === 'growth' ? 6 : m.measure === 'share' ? Math.min(95, v * 1.1) : v * 1.3).toPrecision(4)),
    );
    rows.push({
      ...base,
      id: `${key}.2025.target`,
      kind: 'target',
      year: 2025,
      value: Number(target),
      value_text: target,
      comparator: '>=',
      attribute: i % 7 === 0 ? '约束性' : '预期性',
      quote: `到2025年达到${target}`,
    });
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    args: process.argv.slice(2).filter((a) => a !== '--'),
    options: {
      indicators: { type: 'string', default: '20000' },
      out: { type: 'string', default: 'synthetic-province.csv' },
      seed: { type: 'string', default: '1' },
    },
  });
  const rows = syntheticProvince(Number(values.indicators), Number(values.seed));
  writeFileAtomicSync(values.out!, writeIndicatorCsv(rows));
  process.stderr.write(`wrote ${values.out}: ${rows.length} rows, ${values.indicators} indicators\n`);
}
