/**
 * Builds `@trajectory/datasets`' `data/calibration/type-priors.json`: the empirical-Bayes prior of every reference-panel type (and the pooled
 * prior per dynamics kind) over the era 2010–2020, from `packages/datasets/data/panels/*.csv`.
 * Usage: pnpm tsx packages/forecast/scripts/build-priors.ts [--from 2010] [--to 2020] [--level province]
 * (Chinese provinces are the closer reference class for Tianjin's districts wherever a panel has 20 of them.)
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { writeFileAtomicSync } from '@trajectory/core/node';
import { buildPriors } from '../src/pooled/evidence.ts';
import { dataDir, listPanelTypes, loadPanel } from '@trajectory/datasets/node';

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    from: { type: 'string', default: '2010' },
    to: { type: 'string', default: '2020' },
    level: { type: 'string', default: 'province' },
  },
});
const fromYear = Number(values.from);
const toYear = Number(values.to);
const rows = listPanelTypes().flatMap((t) => {
  try {
    return loadPanel(t).map((r) => ({
      type: r.type,
      region: r.region,
      regionLevel: r.region_level,
      year: r.year,
      value: r.value,
    }));
  } catch (error) {
    // a panel the loader rejects is left out, loudly; the others still give priors
    process.stderr.write(`build-priors: panel ${t} left out: ${String(error).split('\n').slice(0, 2).join(' ')}\n`);
    return [];
  }
});
const priors = buildPriors(rows, { fromYear, toYear, level: values.level! });
const table = {
  source: `@trajectory/datasets data/panels/*.csv (${rows.length} rows), changes ${fromYear}–${toYear}, ${values.level} series where a type has >= 20; scripts/build-priors.ts`,
  level: values.level,
  fromYear,
  toYear,
  priors,
};
const file = join(dataDir, 'calibration', 'type-priors.json');
writeFileAtomicSync(file, `${JSON.stringify(table, null, 1)}\n`);
for (const [type, p] of Object.entries(priors))
  process.stderr.write(
    `${type.padEnd(22)} ${p.kind.padEnd(15)} n=${String(p.nRegions).padStart(4)} drift=${p.drift.toFixed(4)} tau=${p.betweenSd.toFixed(4)} sigma=${p.noiseSd.toFixed(4)} max5=${p.maxChange5.toFixed(3)}${p.typical !== undefined ? ` typical=${p.typical.toFixed(2)} phi=${p.phi?.toFixed(2)}` : ''}\n`,
  );
