import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { IndicatorDataError } from '@trajectory/core';
import { afterAll, describe, expect, it } from 'vitest';
import { datasetsIn } from '../src/load.ts';
import {
  dataDir,
  loadEvidenceFiles,
  listPanelTypes,
  loadHistory,
  loadPanel,
  loadPlanOutcomes,
  loadSeedDocuments,
  loadSeedIndicators,
  seedDocumentPath,
  seedsDir,
} from '../src/node.ts';

const bundled = pathToFileURL(dataDir);

const fixtures = new URL('fixtures/', import.meta.url);
const dirs: string[] = [];
function dataDirWith(files: Record<string, string | URL>): URL {
  const dir = mkdtempSync(join(tmpdir(), 'datasets-'));
  dirs.push(dir);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    if (content instanceof URL) copyFileSync(content, join(dir, name));
    else writeFileSync(join(dir, name), content);
  }
  return pathToFileURL(`${dir}/`);
}
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('loaders of a data directory', () => {
  it('read the files through the parsers', () => {
    const data = datasetsIn(
      dataDirWith({
        'history.csv': new URL('history.csv', fixtures),
        'plan-outcomes.csv': new URL('plan-outcomes.csv', fixtures),
        'panels/rd_intensity.csv': new URL('panel-rd.csv', fixtures),
        'panels/life_expectancy.csv': new URL('panel-quoted.csv', fixtures),
        'panels/README.md': 'not a panel',
      }),
    );
    expect(data.loadHistory().map((r) => r.id)).toEqual(['t.firms.2019', 't.firms.2020']);
    expect(data.loadPlanOutcomes()).toHaveLength(2);
    expect(data.listPanelTypes()).toEqual(['life_expectancy', 'rd_intensity']);
    expect(data.loadPanel('rd_intensity')).toHaveLength(2);
  });

  it('return [] for a dataset that does not exist yet, and refuse an unknown panel type', () => {
    const data = datasetsIn(dataDirWith({}));
    expect(data.loadHistory()).toEqual([]);
    expect(data.loadPlanOutcomes()).toEqual([]);
    expect(data.listPanelTypes()).toEqual([]);
    expect(() => data.loadPanel('gdp')).toThrow(/no panel of type 'gdp' \(there are: none\)/);
  });

  it('name the file of a malformed dataset (never an empty result)', () => {
    const data = datasetsIn(
      dataDirWith({ 'history.csv': 'id,region\nx,tianjin\n', 'panels/gdp.csv': 'type,region\n"gdp,x\n' }),
    );
    expect(() => data.loadHistory()).toThrow(IndicatorDataError);
    expect(() => data.loadHistory()).toThrow(/history\.csv.*field 'indicator': missing column/);
    expect(() => data.loadPanel('gdp')).toThrow(/panels\/gdp\.csv:2: malformed CSV: unterminated quoted field/);
  });
});

describe('bundled seed data', () => {
  it('is found through the package, not the working directory', () => {
    expect(seedsDir).toMatch(/packages\/datasets\/data\/seeds\/$/);
    const cwd = process.cwd();
    process.chdir(tmpdir());
    try {
      expect(loadSeedDocuments()).toHaveLength(5);
      expect(loadSeedIndicators({ checkQuotes: false }).some((i) => i.id === 'binhai.hightech_firms')).toBe(true);
    } finally {
      process.chdir(cwd);
    }
  });

  it('refuses a document path outside the documents folder', () => {
    expect(() => seedDocumentPath('../indicators.csv')).toThrow(/not a document file name/);
  });
});

describe('the bundled datasets', () => {
  // the data files are curated in their own commits; whatever is there must load through the typed loaders
  it('load without an error: history, every panel, plan outcomes', () => {
    const present = ['history.csv', 'plan-outcomes.csv'].filter((f) => existsSync(new URL(f, bundled)));
    if (present.includes('history.csv')) expect(loadHistory().length).toBeGreaterThan(0);
    if (present.includes('plan-outcomes.csv')) expect(loadPlanOutcomes().length).toBeGreaterThan(0);
    for (const type of listPanelTypes()) {
      const panel = loadPanel(type);
      expect(panel.length, type).toBeGreaterThan(0);
      expect(new Set(panel.map((r) => r.type)), type).toEqual(new Set([type]));
    }
  });
});

describe('loadEvidenceFiles({ asOf })', () => {
  it('every panel value of every type in the model form, those up to asOf, the history and all outcomes', () => {
    const files = loadEvidenceFiles({ asOf: 2015 });
    const panelCount = listPanelTypes().reduce((n, t) => n + loadPanel(t).length, 0);
    expect(files.asOf).toBe(2015);
    expect(files.panels).toHaveLength(panelCount);
    const first = loadPanel(listPanelTypes()[0]!)[0]!;
    expect(files.panels[0]).toEqual({
      type: first.type,
      region: first.region,
      regionLevel: first.region_level,
      year: first.year,
      value: first.value,
    });
    expect(files.panelsAsOf.every((p) => p.year <= 2015)).toBe(true);
    expect(files.panelsAsOf).toHaveLength(files.panels.filter((p) => p.year <= 2015).length);
    expect(files.panelsAsOf.length).toBeLessThan(files.panels.length);
    expect(files.outcomes).toEqual(loadPlanOutcomes());
    expect(files.history).toEqual(loadHistory());
    expect(loadEvidenceFiles().panelsAsOf).toHaveLength(panelCount);
  });
});
