import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateSeeds, formatReport } from '../scripts/evaluate.ts';

describe('extractor on the five seed documents vs seeds/indicators.csv', () => {
  const report = evaluateSeeds();

  it('meets the bar: recall >= 90% and precision >= 80% overall (a row counts when doc, kind, year and value match)', () => {
    console.log(formatReport(report));
    expect(report.overall.reference).toBeGreaterThan(300);
    expect(report.overall.recall).toBeGreaterThanOrEqual(0.9);
    expect(report.overall.precision).toBeGreaterThanOrEqual(0.8);
  });

  it('the other fields of matched rows mostly agree (unit, comparator, measure >= 90%; accumulation, period >= 80%)', () => {
    const a = report.fieldAgreement;
    expect(a.unit.rate).toBeGreaterThanOrEqual(0.9);
    expect(a.comparator.rate).toBeGreaterThanOrEqual(0.9);
    expect(a.measure.rate).toBeGreaterThanOrEqual(0.9);
    expect(a.accumulation.rate).toBeGreaterThanOrEqual(0.8);
    expect(a.period.rate).toBeGreaterThanOrEqual(0.8);
  });

  it('no document falls below 70% recall or 80% precision', () => {
    for (const d of report.documents) {
      expect(d.recall, d.doc).toBeGreaterThanOrEqual(0.7);
      expect(d.precision, d.doc).toBeGreaterThanOrEqual(0.8);
    }
  });

  it('the extractor never reads a dataset: no source file opens files or names the seeds', () => {
    const dir = new URL('../src/', import.meta.url);
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    for (const f of files) {
      // code only: TSDoc examples may show how a caller reads a file
      const code = readFileSync(new URL(f, dir), 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\/\/.*$/gm, '');
      expect(code, f).not.toMatch(/indicators\.csv|seeds|loadSeed|readFileSync|readFile\(|createReadStream/);
    }
  });
});
