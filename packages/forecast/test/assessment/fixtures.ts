/** Test fixtures: hand-built indicators and a synthetic projector with a closed-form distribution. */
import type { Indicator, Target } from '@trajectory/core';
import type { Projector } from '../../src/assessment/index.ts';
import { summarise } from '../../src/engine/index.ts';

/**
 * Geometric Brownian motion from the last observation: X_{T+h} = x_T · exp(mu·h + sigma·sqrt(h)·Z_h) with a random walk
 * in logs, so log X_{T+h} ~ N(log x_T + mu·h, sigma²·h) exactly and P(X >= t) has a closed form.
 */
export function lognormalProjector(mu: number, sigma: number): Projector {
  return (series, options) => {
    const lastYear = series.years[series.years.length - 1]!;
    const last = series.values[series.values.length - 1]!;
    const years: number[] = [];
    for (let y = lastYear + 1; y <= options.toYear; y++) years.push(y);
    const h = years.length;
    const n = options.nPaths;
    const paths = new Float64Array(n * h);
    const rng = options.rng;
    for (let i = 0; i < n; i++) {
      let logx = Math.log(last);
      for (let j = 0; j < h; j++) {
        logx += mu + sigma * rng.normal();
        paths[i * h + j] = Math.exp(logx);
      }
    }
    const simulated = { years, nPaths: n, values: paths };
    return {
      method: 'synthetic-gbm',
      methodNote: `test projector: GBM mu=${mu}, sigma=${sigma}`,
      lastYear,
      ...summarise(simulated),
      paths: simulated,
      nPaths: n,
      warnings: [],
    };
  };
}

/** A deterministic projector: every path is the straight line through the last two observations (or flat). */
export const linearProjector: Projector = (series, options) => {
  const k = series.years.length;
  const lastYear = series.years[k - 1]!;
  const last = series.values[k - 1]!;
  const slope = k >= 2 ? (last - series.values[k - 2]!) / (lastYear - series.years[k - 2]!) : 0;
  const years: number[] = [];
  for (let y = lastYear + 1; y <= options.toYear; y++) years.push(y);
  const line = years.map((y) => last + slope * (y - lastYear));
  const values = new Float64Array(options.nPaths * years.length);
  for (let i = 0; i < options.nPaths; i++) values.set(line, i * years.length);
  const paths = { years, nPaths: options.nPaths, values };
  return {
    method: 'synthetic-line',
    methodNote: 'test projector: straight line',
    lastYear,
    ...summarise(paths),
    paths,
    nPaths: options.nPaths,
    warnings: [],
  };
};

export const src = (doc: string, quote = 'quote') => ({ doc, quote });

export function indicator(partial: Partial<Indicator> & Pick<Indicator, 'id'>): Indicator {
  return {
    region: '测试区',
    nameZh: '指标',
    nameEn: 'indicator',
    unit: '家',
    measure: 'count',
    accumulation: 'stock',
    observations: [],
    targets: [],
    ...partial,
  };
}

export function target(partial: Partial<Target> & Pick<Target, 'year'>): Target {
  return { value: null, comparator: '>=', source: src('doc.txt'), ...partial };
}

/**
 * Nankai high-tech firms as the two documents state them: 321 in 2020 (doc 002), 2023 targets 500 (doc 002) and
 * 650 (doc 000).
 */
export const nankaiHighTech: Indicator = indicator({
  id: 'nankai.hightech_firms',
  region: '南开区',
  nameZh: '国家高新技术企业',
  nameEn: 'national high-tech enterprises',
  observations: [{ year: 2020, value: 321, source: src('002_e54e0b994c9af463.txt', '国家级高新技术企业321家') }],
  targets: [
    target({ year: 2023, value: 650, source: src('000_fdb4085a81389e14.txt', '国家高新技术企业增加到 650 家') }),
    target({ year: 2023, value: 500, source: src('002_e54e0b994c9af463.txt', '500家国家级高新技术企业') }),
  ],
});
