import type { IndicatorRow } from '../src/indicator-row.ts';

/** A valid observed row; tests override fields to make it invalid in one way. */
export function row(overrides: Partial<IndicatorRow> = {}): IndicatorRow {
  return {
    id: 'x.firms.2020.observed',
    doc: 'x.txt',
    region: 'x',
    indicator: 'x.firms',
    indicator_zh: '企业',
    indicator_en: 'firms',
    kind: 'observed',
    year: 2020,
    value: 147,
    value_text: '147',
    unit: '家',
    comparator: null,
    measure: 'count',
    accumulation: 'stock',
    period_start: null,
    period_end: null,
    lower: null,
    upper: null,
    relative_kind: null,
    relative_amount: null,
    relative_base_year: null,
    relative_text: '',
    attribute: null,
    scope: '',
    note: '',
    quote: '高新技术企业达到147家',
    ...overrides,
  };
}

/** A target row of the same indicator. */
export function targetRow(overrides: Partial<IndicatorRow> = {}): IndicatorRow {
  return row({
    id: 'x.firms.2025.target',
    kind: 'target',
    year: 2025,
    value: 300,
    value_text: '300',
    comparator: '>=',
    quote: '到2025年达到300家',
    ...overrides,
  });
}
