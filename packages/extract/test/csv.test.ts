// Candidates as core's dataset rows: what an analyst reviews and `assess --data` reads once confirmed.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseIndicatorRecords, readReviewedIndicatorCsv } from '@trajectory/core';
import { loadSeedDocuments, seedDocumentPath } from '@trajectory/datasets/node';
import { candidateRows, candidatesToCsv } from '../src/csv.ts';
import { decodeDocument } from '../src/decode.ts';
import { extractCandidates } from '../src/extract.ts';

/** What only the analyst knows, filled in; every row confirmed. */
function reviewed(rows: ReturnType<typeof candidateRows>): Record<string, string>[] {
  return rows.map((r) => {
    const cells = Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === null ? '' : String(v)]));
    return { ...cells, confirmed: 'yes', region: 'x', indicator: `x.${r.id}`, indicator_en: 'x' };
  });
}

describe('candidateRows(candidates, doc)', () => {
  it('writes core’s conventions: the number alone as value_text, a blank empty with a note, a share qualifier as a note', () => {
    const text =
      '截至2020年底，全区高新技术企业1597家，占全市21.6%。到2025年，高新技术企业达到2600家以上，瞪羚企业达 家以上。';
    const rows = candidateRows(extractCandidates(text, { file: 'p.txt' }).candidates, 'p.txt');
    const firms = rows.find((r) => r.value === 1597)!;
    expect(firms).toMatchObject({ confirmed: 'no', value_text: '1597', relative_kind: null, relative_amount: null });
    expect(firms.note).toContain('占全市21.6%');
    expect(rows.find((r) => r.value === 2600)).toMatchObject({ value_text: '2600', comparator: '>=', kind: 'target' });
    const blank = rows.find((r) => r.kind === 'target' && r.value === null)!;
    expect(blank.value_text).toBe('');
    expect(blank.note).toMatch(/blank in the document \("家以上"\)/);
  });

  it('on the five seed documents, every row passes core’s checks once the analyst’s fields are filled in, except fields the text left open', () => {
    let n = 0;
    for (const { doc } of loadSeedDocuments()) {
      const { text } = decodeDocument(readFileSync(seedDocumentPath(doc)), doc);
      const rows = candidateRows(extractCandidates(text, { file: doc }).candidates, doc);
      n += rows.length;
      const { issues } = parseIndicatorRecords(reviewed(rows), { file: doc });
      const open = new Set(['unit', 'measure', 'accumulation', 'year']);
      expect(
        issues.filter((i) => !(open.has(i.field ?? '') && /^is empty/.test(i.message))),
        doc,
      ).toEqual([]);
    }
    expect(n).toBeGreaterThan(300);
  });

  it('the written CSV reads back through core as unconfirmed rows only: nothing is assessed before review', () => {
    const { candidates } = extractCandidates('截至2020年底，高新技术企业146家。到2025年，高新技术企业达到300家。', {
      file: 'p.txt',
    });
    const { rows, unconfirmed } = readReviewedIndicatorCsv(candidatesToCsv(candidates, 'p.txt'), 'p.csv');
    expect(rows).toEqual([]);
    expect(unconfirmed.map((u) => u.id)).toEqual(['p.c1', 'p.c2']);
  });
});
