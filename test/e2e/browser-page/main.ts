/**
 * The browser test's page (bundled by esbuild for the browser from the packages' public, compiled entries): a
 * projection and its fan chart spec, computed in the page. The outcome goes on `globalThis.trajectoryPage` for the
 * test to read, so this file needs no DOM types.
 */
import { fanChart } from '@trajectory/charts';
import { project } from '@trajectory/forecast';

const years = [2014, 2015, 2016, 2017, 2018, 2019, 2020];
const values = [310, 352, 401, 455, 498, 560, 617];
const p = project({ years, values }, { horizon: 5, seed: 1 });
const spec = fanChart({
  title: 'High-tech firms',
  unit: 'firms',
  history: years.map((year, i) => ({ year, value: values[i]! })),
  median: p.years.map((year, i) => ({ year, value: p.median[i]! })),
  bands: p.intervals.flatMap((band) =>
    p.years.map((year, i) => ({ year, level: band.level, lower: band.lower[i]!, upper: band.upper[i]! })),
  ),
  target: { year: 2025, value: 1000, comparator: '>=' },
});

(globalThis as { trajectoryPage?: unknown }).trajectoryPage = {
  years: p.years,
  median: p.median,
  schema: spec.$schema,
  spec: JSON.parse(JSON.stringify(spec)),
};
