/**
 * Checks on the seed dataset `seeds/indicators.csv` against the documents it quotes: provenance (every quote is in
 * its document and contains the value as written, which parses to the value), unique ids, known units, every
 * region loads into the typed model, the known conflicts are found, the figures INDEX.md lists are present, and
 * completeness (every Arabic number in a document is inside some quote or in a documented exclusion).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  UNITS,
  findConflicts,
  parseValueText,
  resolveIndicator,
  sameNumber,
  type IndicatorRow,
} from '@trajectory/core';
import {
  REGIONS,
  indicatorsByRegion,
  loadSeedDocuments,
  loadSeedIndicators,
  loadSeedRows,
  readSeedDocument,
  seedDocumentPath,
} from '@trajectory/datasets/node';

const rows = loadSeedRows({ checkQuotes: false });
const docs = loadSeedDocuments();
const text = new Map(docs.map((d) => [d.doc, readSeedDocument(d.doc)]));
const DOC = {
  qihangwan: 'nankai-qihangwan-innovation-14th-plan.txt',
  hexi: 'hexi-sci-tech-14th-plan-draft.txt',
  action: 'nankai-sci-tech-action-plan-2020-2022.txt',
  teda: 'teda-sci-tech-13th-plan.txt',
  binhai: 'binhai-hitech-zone-14th-plan.txt',
};

describe('seed documents', () => {
  it('documents.csv lists the five documents, each present in seeds/documents/', () => {
    expect(docs.map((d) => d.doc).sort()).toEqual(Object.values(DOC).sort());
    expect(docs.map((d) => d.original).sort()).toEqual([
      '000_fdb4085a81389e14.txt',
      '001_9f69b24e9fef4392.txt',
      '002_e54e0b994c9af463.txt',
      '003_786626b6dbdfeddd.txt',
      '004_92afca926d264bc3.txt',
    ]);
  });

  const shared = new URL('../../../shared/seeds/', import.meta.url);
  // ../shared is beside every CI clone; only a checkout without it may skip this
  it.skipIf(!existsSync(shared) && process.env.CI !== 'true')('are byte-identical copies of ../shared/seeds', () => {
    const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
    for (const d of docs) {
      const copy = readFileSync(seedDocumentPath(d.doc));
      expect(sha(copy), d.doc).toBe(sha(readFileSync(new URL(d.original, shared))));
    }
  });
});

describe('seeds/indicators.csv', () => {
  it('loads with quotes checked (no IndicatorDataError)', () => {
    expect(loadSeedRows().length).toBe(rows.length);
  });

  it('every quote is an exact substring of its document and contains value_text', () => {
    const bad = rows.filter((r) => !text.get(r.doc)?.includes(r.quote) || !r.quote.includes(r.value_text));
    expect(bad.map((r) => r.id)).toEqual([]);
  });

  it('value_text parses to value (亿/万 suffixes, Chinese numerals, fractions); empty values are blanks or relative', () => {
    for (const r of rows) {
      if (r.value !== null) {
        const parsed = parseValueText(r.value_text, r.unit);
        expect(parsed, r.id).not.toBeNull();
        expect(sameNumber(parsed!, r.value), `${r.id}: ${r.value_text} vs ${r.value}`).toBe(true);
      } else {
        expect(r.kind, r.id).toBe('target');
        expect(r.value_text === '' || r.relative_kind !== null, r.id).toBe(true);
        if (r.value_text === '') expect(r.note, r.id).toMatch(/blank|not a number/);
      }
    }
  });

  it('ids are unique, units and regions are known', () => {
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    expect(rows.filter((r) => !UNITS.has(r.unit)).map((r) => r.id)).toEqual([]);
    expect(rows.filter((r) => !REGIONS.has(r.region)).map((r) => r.id)).toEqual([]);
  });

  it('every region loads into the typed model, and each plan region has baselines and targets', () => {
    const groups = indicatorsByRegion(loadSeedIndicators().map(resolveIndicator));
    expect(groups.map((g) => g.region).slice(0, 4)).toEqual(['nankai', 'hexi', 'teda', 'binhai']);
    for (const g of groups) {
      for (const ind of g.indicators) {
        expect(ind.observations.length + ind.targets.length, ind.id).toBeGreaterThan(0);
        for (const o of ind.observations) expect(Number.isFinite(o.value), ind.id).toBe(true);
      }
      if (g.info?.role === 'plan') {
        expect(
          g.indicators.some((i) => i.observations.length > 0),
          g.region,
        ).toBe(true);
        expect(
          g.indicators.some((i) => i.targets.length > 0),
          g.region,
        ).toBe(true);
      }
    }
  });
});

/** The row of `doc` for `indicator`, `kind`, `year` with `value` (null for a blank), or undefined. */
function find(
  doc: string,
  indicator: string,
  kind: IndicatorRow['kind'],
  year: number,
  value: number | null,
): IndicatorRow | undefined {
  return rows.find(
    (r) =>
      r.doc === doc &&
      r.indicator === indicator &&
      r.kind === kind &&
      r.year === year &&
      (value === null ? r.value === null : r.value !== null && sameNumber(r.value, value)),
  );
}

describe('figures listed in ../shared/seeds/INDEX.md are in the dataset', () => {
  // Reference: the INDEX.md table of the source documents ("kind of figures" column), read independently.
  const cases: [string, string, IndicatorRow['kind'], number, number | null][] = [
    [DOC.qihangwan, 'nankai.gdp', 'observed', 2020, 626.13],
    [DOC.qihangwan, 'nankai.rd_gdp_ratio', 'target', 2023, 7],
    [DOC.qihangwan, 'nankai.high_value_patents_per_10k', 'target', 2023, 20],
    [DOC.qihangwan, 'nankai.hightech_firms', 'target', 2023, 650],
    [DOC.qihangwan, 'nankai.listed_firms', 'target', 2023, 8],
    [DOC.qihangwan, 'nankai.beijing_tianjin_hebei_projects', 'target', 2023, 100],
    [DOC.qihangwan, 'nankai.haihe_talents_new', 'target', 2023, 2450],
    [DOC.hexi, 'hexi.hightech_firms', 'observed', 2020, 147],
    [DOC.hexi, 'hexi.hightech_firms', 'observed', 2020, 146],
    [DOC.hexi, 'hexi.fledgling_firms', 'observed', 2020, 78],
    [DOC.hexi, 'hexi.gazelle_firms', 'observed', 2020, 4],
    [DOC.hexi, 'hexi.leading_firms', 'observed', 2020, 5],
    [DOC.hexi, 'hexi.invention_patents', 'observed', 2020, 1296],
    [DOC.hexi, 'hexi.invention_patents_per_10k', 'observed', 2020, 12.99],
    [DOC.hexi, 'hexi.tech_contract_value', 'observed', 2020, 55],
    [DOC.hexi, 'hexi.talent_total', 'target', 2025, 18],
    [DOC.hexi, 'hexi.listed_quoted_firms', 'target', 2025, 45],
    [DOC.hexi, 'hexi.hightech_firms', 'target', 2025, null],
    [DOC.action, 'nankai.hightech_firms', 'observed', 2020, 321],
    [DOC.action, 'nankai.fledgling_firms', 'observed', 2020, 105],
    [DOC.action, 'nankai.gazelle_firms', 'observed', 2020, 16],
    [DOC.action, 'nankai.leading_firms', 'observed', 2020, 5],
    [DOC.action, 'nankai.invention_patents', 'observed', 2020, 9269],
    [DOC.action, 'nankai.invention_patents_per_10k', 'observed', 2020, 80.35],
    [DOC.action, 'nankai.tech_contract_value', 'observed', 2020, 58],
    [DOC.action, 'nankai.hightech_firms', 'target', 2023, 500],
    [DOC.action, 'nankai.gazelle_firms', 'target', 2023, 30],
    [DOC.action, 'nankai.leading_firms', 'target', 2023, 10],
    [DOC.teda, 'teda.tech_smes', 'observed', 2015, 5576],
    [DOC.teda, 'teda.tech_smes', 'target', 2020, 10000],
    [DOC.teda, 'teda.little_giants', 'observed', 2015, 409],
    [DOC.teda, 'teda.little_giants', 'target', 2020, 650],
    [DOC.teda, 'teda.rd_gdp_ratio', 'target', 2020, 4],
    [DOC.teda, 'teda.invention_patents_per_10k_employees', 'observed', 2015, 23.5],
    [DOC.teda, 'teda.invention_patents_per_10k_employees', 'target', 2020, 35],
    [DOC.binhai, 'binhai.hightech_firms', 'observed', 2020, 1597],
    [DOC.binhai, 'binhai.hightech_firms', 'target', 2025, 2500],
    [DOC.binhai, 'binhai.fledgling_firms', 'observed', 2020, 534],
    [DOC.binhai, 'binhai.fledgling_firms', 'target', 2025, 750],
    [DOC.binhai, 'binhai.gazelle_firms', 'observed', 2020, 50],
    [DOC.binhai, 'binhai.gazelle_firms', 'target', 2025, 80],
    [DOC.binhai, 'binhai.rd_gdp_ratio', 'observed', 2020, 5.16],
    [DOC.binhai, 'binhai.rd_gdp_ratio', 'target', 2025, 5.6],
  ];
  it.each(cases)('%s %s %s %d = %s', (doc, indicator, kind, year, value) => {
    expect(find(doc, indicator, kind, year, value)).toBeDefined();
  });

  it('relative targets: Nankai 瞪羚 翻番 (x2 on 2020), Hexi talent +25% on 2020', () => {
    expect(rows.find((r) => r.indicator === 'nankai.gazelle_firms' && r.doc === DOC.qihangwan)).toMatchObject({
      relative_kind: 'multiple',
      relative_amount: 2,
      relative_base_year: 2020,
      year: 2023,
      value: null,
    });
    expect(find(DOC.hexi, 'hexi.talent_total', 'target', 2025, 18)).toMatchObject({
      relative_kind: 'increase-percent',
      relative_amount: 25,
      relative_base_year: 2020,
    });
  });

  it('different scopes are different indicators (all vs high-value patents; national vs national+municipal firms)', () => {
    const scope = (id: string) => rows.find((r) => r.indicator === id)?.scope ?? '';
    expect(scope('nankai.high_value_patents_per_10k')).toMatch(/high-value/);
    expect(scope('nankai.invention_patents_per_10k')).toMatch(/all invention patents/);
    expect(scope('teda.hightech_firms_national_municipal')).toMatch(/national and municipal/);
    expect(scope('teda.national_hightech_firms_certified')).toMatch(/national-level only/);
  });
});

describe('Binhai Table 1 is complete', () => {
  // The flattened table runs from the "2020年基数" header to the note "注:〔〕内数据为五年累计数".
  const doc = text.get(DOC.binhai)!;
  const start = doc.indexOf('2025年目标') + '2025年目标'.length;
  const end = doc.indexOf('注:〔〕内数据为五年累计数');
  const cells = doc
    .slice(start, end)
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !/^(预期性|约束性|经济发展|产业发展|创新发展|产城融合|开放合作)$/.test(l));
  /** numbers of the cells (labels contain no digits except in "超100亿元", 万人, III, (%)) */
  const numbers = cells.flatMap((c) =>
    [...c.replace(/超100亿元|III/g, '').matchAll(/-?\d+(?:\.\d+)?/g)].map((m) => Number(m[0])),
  );
  it('has the ~100 numeric cells expected and every one is the value of a row quoting the table', () => {
    expect(numbers.length).toBeGreaterThan(90);
    const tableRows = rows.filter((r) => r.doc === DOC.binhai && r.value !== null && r.quote.includes('\n'));
    const missing = numbers.filter((n) => !tableRows.some((r) => sameNumber(r.value!, n)));
    expect(missing).toEqual([]);
  });
  it('sub-values of multi-valued cells are their own rows (clusters, school places, 雏鹰/瞪羚/独角兽)', () => {
    for (const k of ['xinchuang', 'new_economy_services', 'biomedicine', 'new_energy', 'high_end_equipment']) {
      expect(
        rows.filter(
          (r) => r.indicator === `binhai.cluster_revenue.${k}` && !r.id.endsWith('.prose') && !r.id.endsWith('.sec3'),
        ),
      ).toHaveLength(2);
    }
    for (const k of ['kindergarten', 'primary', 'junior_secondary', 'senior_secondary']) {
      const of = rows.filter((r) => r.indicator === `binhai.school_places.${k}`);
      expect(of.filter((r) => r.kind === 'observed' && r.year === 2020)).toHaveLength(1);
      expect(of.filter((r) => r.kind === 'target' && r.year === 2025 && r.attribute === '预期性')).toHaveLength(1);
    }
    expect(find(DOC.binhai, 'binhai.unicorn_firms', 'target', 2025, 2)?.attribute).toBe('预期性');
  });
});

describe('completeness: every Arabic number in a document is quoted or deliberately excluded', () => {
  // Excluded: dates and years of events, section/list numbering and table of contents, document and website
  // codes, names that contain digits, technical specifications, policy rules. Each pattern marks a span.
  const exclusions: Record<string, RegExp[]> = {
    common: [
      /(19|20)\d\d(?=\s*年|-\d|\s*\d*月|〕|\))/g, // years of dates and ranges
      /(^|\n)\s*\d+[.、:](?!\d)/g, // list numbering (not decimals such as a table cell 51.5)
      /网站标识码:\s*\d+|津ICP备\d+号-\d+|津公网安备 \d+号?|IE8/g,
      /[A-Z]\d+|\d+[A-Z]+\d*[A-Z]*|\d+ ?(D|氪)/g, // X86, 5G, 4K8K, 3D, O2O, P3, Z2, 36 氪
    ],
    [DOC.qihangwan]: [
      /原 46 所/g,
      /地铁 11 号线/g,
      /123空间/g,
      /1\+X\+N/g,
      /23-24层/g,
      /到2023年，重点领域改革/g,
      /预计2022年/g,
    ],
    [DOC.hexi]: [/2021年4月/g, /到2025年/g],
    [DOC.action]: [/2019年12月3日/g, /111201040001527170\/2021-00002/g, /〔2020〕11号/g, /2020〕11/g, /20201228/g],
    [DOC.teda]: [
      /\.{5}\t\d+/g,
      /附件 \d/g,
      /工业 4\.0|孵化器 3\.0/g,
      /〔20\d\d〕\d+ 号/g,
      /“?511”? ?工程/g,
      /世界 500 强/g,
      /1\+N|“1”/g,
      /11864/g,
      /863/g,
      /144 号令/g,
    ],
    [DOC.binhai]: [
      /二0三五/g,
      /2021-07-31 17:25/g,
      /20207月|8月|20211月/g,
      /360/g,
      /518/g,
      /113X|“311”/g,
      /\d大/g,
      /8-12英寸|\d英寸/g,
      /5条产业链/g,
      /1套住房|3年后/g,
      /1十四五/g,
      /专栏\d/g,
      /\d:(海洋|华苑|渤龙湖)/g,
      /117商务区/g,
      /1\+N/g,
      /分别获得2017年、2018年、2019年/g,
    ],
  };
  for (const d of Object.values(DOC)) {
    it(d, () => {
      const t = text.get(d)!;
      const covered = new Uint8Array(t.length);
      const mark = (from: number, len: number) => covered.fill(1, from, from + len);
      for (const r of rows.filter((x) => x.doc === d)) {
        for (let i = t.indexOf(r.quote); i >= 0; i = t.indexOf(r.quote, i + 1)) mark(i, r.quote.length);
      }
      for (const re of [...exclusions.common!, ...exclusions[d]!])
        for (const m of t.matchAll(re)) mark(m.index, m[0].length);
      const uncovered = [...t.matchAll(/\d+(?:\.\d+)?/g)]
        .filter((m) => !covered[m.index])
        .map((m) => `${m[0]} in “${t.slice(Math.max(0, m.index - 10), m.index + 10).replace(/\n/g, '⏎')}”`);
      expect(uncovered).toEqual([]);
    });
  }
});

describe('conflicts', () => {
  const conflicts = findConflicts(loadSeedIndicators());
  const of = (indicator: string) => conflicts.filter((c) => c.indicator === indicator);
  it('Nankai 2023 high-tech firm target: 650 vs 500 across the two Nankai documents', () => {
    const [c] = of('nankai.hightech_firms');
    expect(c).toMatchObject({ scope: 'cross-document', kind: 'target', year: 2023 });
    expect(c!.entries.map((e) => [e.doc, e.value])).toEqual([
      [DOC.qihangwan, 650],
      [DOC.action, 500],
    ]);
  });
  it('Nankai 瞪羚: 翻番 on 16 (= 32) vs 30', () => {
    const [c] = of('nankai.gazelle_firms');
    expect(c!.entries.map((e) => e.value)).toEqual([32, 30]);
    expect(c!.scope).toBe('cross-document');
  });
  it('Hexi 147 vs 146 high-tech firms within one document', () => {
    expect(of('hexi.hightech_firms').map((c) => [c.scope, c.entries.map((e) => e.value)])).toEqual([
      ['within-document', [147, 146]],
    ]);
  });
  it('Binhai prose vs Table 1 within one document; consistent restatements are not flagged', () => {
    const within = conflicts.filter((c) => c.region === 'binhai');
    expect(within.map((c) => c.indicator).sort()).toEqual([
      'binhai.hitech_manufacturing_va_share',
      'binhai.hitech_services_va_share',
      'binhai.strategic_emerging_va_share',
    ]);
    expect(within.every((c) => c.scope === 'within-document')).toBe(true);
    expect(of('binhai.rd_gdp_ratio')).toEqual([]); // 5.16 is consistent with "5.0%以上"
  });
});
