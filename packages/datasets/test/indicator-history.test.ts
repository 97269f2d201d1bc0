import type { Indicator } from '@trajectory/core';
import { describe, expect, it } from 'vitest';
import type { HistoryRecord } from '../src/history.ts';
import { matchHistory, quantityOf } from '../src/indicator-history.ts';

const indicator = (id: string): Indicator => ({
  id,
  region: id.split('.')[0]!,
  nameZh: 'x',
  nameEn: 'x',
  unit: '家',
  measure: 'count',
  accumulation: 'stock',
  observations: [],
  targets: [],
});
const row = (indicatorKey: string, year: number, id = `${indicatorKey}.${year}`): HistoryRecord => ({
  id,
  region: indicatorKey.split('.')[0]!,
  indicator: indicatorKey,
  indicator_zh: 'x',
  indicator_en: 'x',
  kind: 'observed',
  year,
  value: year,
  value_text: String(year),
  unit: '家',
  measure: 'count',
  accumulation: 'stock',
  status: 'final',
  as_of: null,
  quote: String(year),
  source_title: 't',
  source_url: 'u',
  scope_note: '',
  break_note: '',
});

describe('matchHistory(indicators, history)', () => {
  it('gives each indicator its own series and the same quantity elsewhere, parent regions before other plans', () => {
    const history = [
      row('nankai.firms', 2019),
      row('binhai.firms', 2018),
      row('binhai.firms', 2016),
      row('china.firms', 2017),
      row('tianjin.firms', 2015),
      row('tianjin.other', 2015),
    ];
    const m = matchHistory([indicator('binhai.firms'), indicator('hexi.patents')], history);
    expect(m.indicators[0]!.own.map((r) => r.year)).toEqual([2016, 2018]);
    expect(m.indicators[0]!.related.map((r) => r.indicator)).toEqual(['tianjin.firms', 'china.firms', 'nankai.firms']);
    expect(m.indicators[1]).toMatchObject({ own: [], related: [] });
    expect(m.unmatched.map((r) => r.indicator)).toEqual(['tianjin.other']);
  });

  it('loses no row: every record is claimed or unmatched', () => {
    const history = [row('teda.a', 2019), row('teda.a', 2019, 'dup'), row('china.b', 2010)];
    const m = matchHistory([indicator('hexi.a')], history);
    expect(m.indicators[0]!.related.map((r) => r.id)).toEqual(['dup', 'teda.a.2019']);
    expect(m.unmatched.map((r) => r.id)).toEqual(['china.b.2010']);
  });

  it('quantityOf drops the region', () => {
    expect(quantityOf('binhai_new_area.hightech_firms')).toBe('hightech_firms');
    expect(quantityOf('plain')).toBe('plain');
  });
});
