import { describe, expect, it } from 'vitest';
import type { Candidate } from '../src/candidate.ts';
import { extractCandidates } from '../src/extract.ts';

/** The fields that decide a match, plus the name. */
const rows = (text: string, minConfidence = 0.5) =>
  extractCandidates(text, { minConfidence }).candidates.map((c) => ({
    kind: c.kind,
    year: c.year,
    value: c.value,
    unit: c.unit,
    name: c.indicator_zh,
  }));

const one = (text: string): Candidate => {
  const { candidates } = extractCandidates(text);
  expect(candidates).toHaveLength(1);
  return candidates[0]!;
};

describe('extractCandidates(text): sentence forms', () => {
  it('an observation at a year end: 截至2020年底，国家级高新技术企业146家', () => {
    const text = '截至2020年底，国家级高新技术企业146家。到2025年，国家级高新技术企业达到200家。';
    expect(rows(text)).toEqual([
      { kind: 'observed', year: 2020, value: 146, unit: '家', name: '国家级高新技术企业' },
      { kind: 'target', year: 2025, value: 200, unit: '家', name: '国家级高新技术企业' },
    ]);
  });

  it('every candidate quotes the document exactly and the quote contains the value', () => {
    const text = '截至2020年底，国家级高新技术企业146家，技术合同成交额达到55亿元。';
    for (const c of extractCandidates(text).candidates) {
      expect(text).toContain(c.quote);
      expect(c.quote).toContain(c.value_text);
    }
  });

  it('a target with a relative form: 到2025年，各类人才总量达到18万人，比“十三五”末增长25%', () => {
    const c = one('到2025年，各类人才总量达到18万人，比“十三五”末增长25%。');
    expect(c).toMatchObject({ kind: 'target', year: 2025, value: 18, unit: '万人', indicator_zh: '各类人才总量' });
    expect(c).toMatchObject({ relative_kind: 'increase-percent', relative_amount: 25, relative_base_year: 2020 });
  });

  it('values before their nouns, with the year carried over the clauses: 力争到2023年底区内聚集500家…，30家瞪羚企业', () => {
    expect(
      rows('通过新动能引育，力争到2023年底区内聚集500家国家级高新技术企业，30家瞪羚企业，10家领军(培育)企业。'),
    ).toEqual([
      { kind: 'target', year: 2023, value: 500, unit: '家', name: '国家级高新技术企业' },
      { kind: 'target', year: 2023, value: 30, unit: '家', name: '瞪羚企业' },
      { kind: 'target', year: 2023, value: 10, unit: '家', name: '领军(培育)企业' },
    ]);
  });

  it('a year stated in one sentence applies to the next sentences of the paragraph, across a line wrap', () => {
    const text =
      '力争到 2023 年，上市公司达到 8 家。同时，强化“雏鹰-瞪羚-领军”创\n\n新型企业梯度培育，力争实现瞪羚企业数量翻番。';
    const { candidates } = extractCandidates(text);
    expect(candidates.map((c) => [c.year, c.value, c.relative_kind, c.relative_amount])).toEqual([
      [2023, 8, '', null],
      [2023, null, 'multiple', 2],
    ]);
    expect(candidates[1]!.indicator_zh).toBe('瞪羚企业数量');
  });

  it('an increase over a base year is a row, and the base-year value is derived as a low-confidence hint (626.13 − 164.6 = 461.53)', () => {
    const text = '2020年，全区实现地区生产总值626.13亿元，比2015年增加164.6亿元，年均增长3.9%。';
    expect(extractCandidates(text).candidates.map((c) => c.rule)).toEqual([
      'sentence-value',
      'increase',
      'growth-rate',
    ]);
    const { candidates } = extractCandidates(text, { minConfidence: 0 });
    const byRule = Object.fromEntries(candidates.map((c) => [c.rule, c]));
    expect(byRule['sentence-value']).toMatchObject({
      kind: 'observed',
      year: 2020,
      value: 626.13,
      unit: '亿元',
      relative_kind: 'increase',
      relative_amount: 164.6,
      relative_base_year: 2015,
    });
    expect(byRule.increase).toMatchObject({
      kind: 'observed',
      year: 2020,
      value: 164.6,
      unit: '亿元',
      period_start: 2016,
      period_end: 2020,
    });
    expect(byRule['derived-difference']).toMatchObject({ kind: 'observed', year: 2015, unit: '亿元' });
    expect(byRule['derived-difference']!.confidence).toBeLessThan(0.5);
    expect(byRule['derived-difference']!.value).toBeCloseTo(461.53, 9);
    expect(byRule['growth-rate']).toMatchObject({
      year: 2020,
      value: 3.9,
      unit: '%',
      measure: 'growth',
      period_start: 2016,
      period_end: 2020,
    });
  });

  it('a share of a larger region qualifies the value before it and is a row of its own: 1597家,占全市21.6%', () => {
    const { candidates } = extractCandidates(
      '截至2020年底,共有国家高新技术企业1597家,占全市21.6%;雏鹰企业534家,占新区38.0%,占全市15.0%。',
    );
    expect(
      candidates.map((c) => [c.indicator_zh, c.year, c.value, c.unit, c.relative_kind, c.relative_amount, c.scope]),
    ).toEqual([
      ['国家高新技术企业', 2020, 1597, '家', 'share', 21.6, '全市'],
      ['国家高新技术企业占全市比重', 2020, 21.6, '%', 'share', 21.6, '全市'],
      ['雏鹰企业', 2020, 534, '家', 'share', 38, '新区'],
      ['雏鹰企业占新区比重', 2020, 38, '%', 'share', 38, '新区'],
      ['雏鹰企业占全市比重', 2020, 15, '%', 'share', 15, '全市'],
    ]);
  });

  it("comparators: 超过 → >, 以上 → >=, plain target → >= (a floor, the seed dataset's convention)", () => {
    const { candidates } = extractCandidates(
      '力争到2023年，全社会R&D投入占GDP比重超过7%，研发支出占比达到5.6%以上，上市公司达到8家。',
    );
    expect(candidates.map((c) => [c.value, c.comparator])).toEqual([
      [7, '>'],
      [5.6, '>='],
      [8, '>='],
    ]);
  });
});

describe('extractCandidates(text): lists, blanks, numerals, periods', () => {
  it('a list with shared units: 雏鹰、瞪羚、领军企业分别达到78家、4家和5家', () => {
    expect(rows('截至2020年底，雏鹰、瞪羚、领军企业分别达到78家、4家和5家。')).toEqual([
      { kind: 'observed', year: 2020, value: 78, unit: '家', name: '雏鹰企业' },
      { kind: 'observed', year: 2020, value: 4, unit: '家', name: '瞪羚企业' },
      { kind: 'observed', year: 2020, value: 5, unit: '家', name: '领军企业' },
    ]);
  });

  it('a number whose unit is left to its neighbours: 雏鹰企业105, 瞪羚企业16家', () => {
    expect(
      rows('2020年，国家级高新技术企业321家，雏鹰企业105, 瞪羚企业16家。').map((r) => [r.name, r.value, r.unit]),
    ).toEqual([
      ['国家级高新技术企业', 321, '家'],
      ['雏鹰企业', 105, '家'],
      ['瞪羚企业', 16, '家'],
    ]);
  });

  it('blanks left in a draft become targets without a value', () => {
    const { candidates } = extractCandidates(
      '到2025年，全区有效发明专利达到 件以上，技术合同交易额达 亿元。“雏鹰”企业、“瞪羚”企业、科技领军（培育）企业分别达到   家。',
    );
    expect(candidates.map((c) => [c.kind, c.year, c.value, c.unit, c.comparator, c.indicator_zh])).toEqual([
      ['target', 2025, null, '件', '>=', '全区有效发明专利'],
      ['target', 2025, null, '亿元', '>=', '技术合同交易额'],
      ['target', 2025, null, '家', '>=', '雏鹰企业'],
      ['target', 2025, null, '家', '>=', '瞪羚企业'],
      ['target', 2025, null, '家', '>=', '科技领军（培育）企业'],
    ]);
  });

  it('units with magnitudes are kept as written: 1.15 万件, 6 万家, 55亿元, 110万平方米', () => {
    const text =
      '截至 2015 年底，全区累计拥有专利授权数达到 1.15 万件，孵化转化载体面积110万平方米，技术合同成交额55亿元，市场主体6 万家。';
    expect(rows(text).map((r) => [r.value, r.unit])).toEqual([
      [1.15, '万件'],
      [110, '万平方米'],
      [55, '亿元'],
      [6, '万家'],
    ]);
  });

  it('Chinese numerals with a unit are read (with lower confidence), words like 千人计划 are not numbers', () => {
    const text = '截至2020年底，拥有国家级孵化器两家，入选国家“千人计划”28 人。';
    expect(rows(text, 0).map((r) => [r.value, r.unit])).toEqual([
      [2, '家'],
      [28, '人'],
    ]);
    const [two, twentyEight] = extractCandidates(text, { minConfidence: 0 }).candidates;
    expect(two!.confidence).toBeLessThan(twentyEight!.confidence);
  });

  it('cumulative vs stock: 累计/新增 over a five-year-plan period vs a count at a date', () => {
    const { candidates } = extractCandidates(
      '“十二五”期间，开发区累计引进院士 51 名。截至 2015 年底，外资研发机构达到 58 家。',
      { minConfidence: 0 },
    );
    expect(candidates.map((c) => [c.value, c.year, c.accumulation, c.period_start, c.period_end])).toEqual([
      [51, 2015, 'cumulative', 2011, 2015],
      [58, 2015, 'stock', null, null],
    ]);
  });

  it('a five-year-plan end (十四五期末) is a target year, 十三五末 an observed one, in a 十四五 plan', () => {
    const text = '截至2020年底，企业100家。十四五期末，工业总产值达到1200亿元。';
    expect(rows(text).map((r) => [r.kind, r.year, r.value])).toEqual([
      ['observed', 2020, 100],
      ['target', 2025, 1200],
    ]);
  });

  it('a value without any time context is kept below the default threshold', () => {
    expect(rows('高校资源匮乏，苏州工业园有中外高校 26 所。')).toEqual([]);
    expect(rows('高校资源匮乏，苏州工业园有中外高校 26 所。', 0)).toHaveLength(1);
  });
});

describe('extractCandidates(text): a flattened indicator table', () => {
  const table = [
    '表1 发展目标',
    '类别',
    '指标',
    '2020年基数',
    '2025年目标',
    '属性',
    '经济发展',
    '地区生产总值增长率(%',
    '-1.5',
    '10以上',
    '预期性',
    '累计固定资产投资总额',
    '(亿元)',
    '140.62',
    '937',
    '预期性',
    '工业战略性新兴产业增加值占规模以上工业增加值比重(%',
    '51.5(占本区)',
    '2.05(占全市)',
    '55(占本区)',
    '预期性',
    '主导产业集群营业收入规模',
    '(亿元)',
    '信创:458.43',
    '新能源:70.02',
    '信创:1500',
    '新能源:500',
    '预期性',
    '营业收入超100亿元高新技术企业数(家)',
    '2(中海油服、市政电建)',
    '4(中海油服、市政电建、海光、麒麟)',
    '预期性',
    '单位GDP能耗同比下降率(%',
    '完成新区下达任务',
    '完成新区下达任务',
    '约束性',
    '地表水达到或好于III类水体比例(%',
    '-',
    '完成新区下达任务',
    '约束性',
    '注:——内数据为五年累计数。',
  ].join('\n\n');
  const { candidates } = extractCandidates(table);
  const cells = candidates.map((c) => [c.indicator_zh, c.kind, c.year, c.value, c.unit, c.comparator]);

  it('reads base and target columns, units from the name, 以上 as >=, and negative values', () => {
    expect(cells.slice(0, 4)).toEqual([
      ['地区生产总值增长率', 'observed', 2020, -1.5, '%', ''],
      ['地区生产总值增长率', 'target', 2025, 10, '%', '>='],
      ['累计固定资产投资总额', 'observed', 2020, 140.62, '亿元', ''],
      ['累计固定资产投资总额', 'target', 2025, 937, '亿元', '>='],
    ]);
  });

  it('splits multi-valued cells by their labels (a repeated label starts the next year column)', () => {
    expect(cells.slice(4, 11).map((c) => [c[0], c[2], c[3]])).toEqual([
      ['工业战略性新兴产业增加值占规模以上工业增加值比重（本区）', 2020, 51.5],
      ['工业战略性新兴产业增加值占规模以上工业增加值比重（全市）', 2020, 2.05],
      ['工业战略性新兴产业增加值占规模以上工业增加值比重（本区）', 2025, 55],
      ['主导产业集群营业收入规模（信创）', 2020, 458.43],
      ['主导产业集群营业收入规模（新能源）', 2020, 70.02],
      ['主导产业集群营业收入规模（信创）', 2025, 1500],
      ['主导产业集群营业收入规模（新能源）', 2025, 500],
    ]);
  });

  it('ignores notes in brackets, keeps worded targets (not worded bases) without a value, skips "-"', () => {
    expect(cells.slice(11)).toEqual([
      ['营业收入超100亿元高新技术企业数', 'observed', 2020, 2, '家', ''],
      ['营业收入超100亿元高新技术企业数', 'target', 2025, 4, '家', '>='],
      ['单位GDP能耗同比下降率', 'target', 2025, null, '%', '='],
      ['地表水达到或好于III类水体比例', 'target', 2025, null, '%', '='],
    ]);
  });

  it('records the attribute and the cumulative period, and quotes the row', () => {
    const fixed = candidates.find((c) => c.value === 937)!;
    expect(fixed).toMatchObject({
      attribute: '预期性',
      accumulation: 'cumulative',
      period_start: 2021,
      period_end: 2025,
      rule: 'table-cell',
    });
    expect(table).toContain(fixed.quote);
    expect(fixed.quote.startsWith('累计固定资产投资总额')).toBe(true);
    expect(candidates.find((c) => c.value === null)!.attribute).toBe('约束性');
  });
});

describe('extractCandidates(text): bad input', () => {
  it('an empty document gives no candidates and a clear warning', () => {
    expect(extractCandidates('  \n', { file: 'empty.txt' })).toEqual({
      candidates: [],
      warnings: ['empty.txt: empty document, nothing to extract'],
      baseYear: null,
    });
  });

  it('a document without figures says so', () => {
    const { candidates, warnings } = extractCandidates('坚持创新驱动发展。', { file: 'words.txt' });
    expect(candidates).toEqual([]);
    expect(warnings).toContain('words.txt: no indicator values found (no number with a unit and a year context)');
  });

  // Linear time on these lines is measured by `pnpm bench` (packages/extract/bench); here, what does not depend on
  // the machine's load: a huge line is read whole, and its candidates grow with the text, not faster or slower.
  it('a 1 MB single line does not crash and yields 4× the candidates of a 256 kB one', () => {
    const unit = '截至2020年底，国家级高新技术企业146家，专利1296件，技术合同成交额55亿元';
    // no newline and no 。: one huge sentence
    const make = (bytes: number) => unit.repeat(Math.ceil(bytes / Buffer.byteLength(unit)));
    const small = extractCandidates(make(256 * 1024)).candidates.length;
    const big = extractCandidates(make(1024 * 1024)).candidates.length;
    expect(small).toBeGreaterThan(0);
    expect(big / small).toBeGreaterThan(3.9);
    expect(big / small).toBeLessThan(4.1);
  });

  it('a long undated line mixing every form (lists, shares, ranks, fractions, ratios, blanks, scales) is read whole', () => {
    // no time cue at all, so every value takes the undated path (base year, wording window)
    const unit =
      '国家奖9项，雏鹰、瞪羚分别达到1家、2家，企业10家，占全市5%，位居全市第五，仅为苏州的1/3、' +
      '二三产比例35.6:64.4,较2016年的46.8:53.2，实现企业倍增，雏鹰企业105, 瞪羚企业16家，达到 家以上，1500亿级产业集群，';
    const make = (bytes: number) => unit.repeat(Math.ceil(bytes / Buffer.byteLength(unit)));
    const small = extractCandidates(make(256 * 1024), { minConfidence: 0 }).candidates.length;
    const big = extractCandidates(make(1024 * 1024), { minConfidence: 0 }).candidates.length;
    expect(small).toBeGreaterThan(0);
    expect(big / small).toBeGreaterThan(3.9);
    expect(big / small).toBeLessThan(4.1);
  });
});

describe('extractCandidates(text): ranks, fractions, ratios, scales, areas', () => {
  it('ranks: 位居全市第二 (observed), 排名前十二 / 进入前十 (targets, at most)', () => {
    const text =
      '截至 2015 年底，科技小巨人领军企业 32 家，位居全市第二。到2025年，回归全国高新区创新排名前十二,力争进入前十。';
    const ranks = extractCandidates(text).candidates.filter((c) => c.rule === 'rank');
    expect(ranks.map((c) => [c.kind, c.year, c.value, c.unit, c.comparator])).toEqual([
      ['observed', 2015, 2, '位', ''],
      ['target', 2025, 12, '位', '<='],
      ['target', 2025, 10, '位', '<='],
    ]);
  });

  it('fractions of a benchmark: 仅为苏州工业园的1/3、1/2 (value a/b)', () => {
    const { candidates } = extractCandidates(
      '截至 2015 年底，开发区各类研发机构、国家级高新技术企业数仅为苏州工业园的1/3、1/2。',
    );
    expect(candidates.map((c) => [c.value_text, c.value, c.unit])).toEqual([
      ['1/3', 1 / 3, '倍'],
      ['1/2', 0.5, '倍'],
    ]);
  });

  it('ratios give two shares, dated by a 较YYYY年 before them', () => {
    const { candidates } = extractCandidates('2020年，二、三产比例达到35.6:64.4,较2016年的46.8: 53.2实现大幅优化。');
    expect(candidates.map((c) => [c.year, c.value])).toEqual([
      [2020, 35.6],
      [2020, 64.4],
      [2016, 46.8],
      [2016, 53.2],
    ]);
  });

  it('scales: 千亿规模 and 1500亿级 are amounts in 亿元', () => {
    const { candidates } = extractCandidates(
      '十四五期末,力争实现千亿规模。到2025年，打造营收1500亿级国家级创新产业集群。',
      { minConfidence: 0 },
    );
    expect(candidates.map((c) => [c.year, c.value, c.unit])).toEqual([
      [2025, 1000, '亿元'],
      [2025, 1500, '亿元'],
    ]);
  });

  it('an area before its noun describes an existing site (observed in the base year)', () => {
    const { candidates } = extractCandidates(
      '截至2020年底，企业10家。到2023年，企业20家。\n\n将2万平米十字街区打造成为开放式创业社区。',
    );
    expect(candidates.at(-1)).toMatchObject({
      rule: 'area-noun',
      kind: 'observed',
      year: 2020,
      value: 2,
      unit: '万平方米',
      value_text: '2万平米',
    });
  });

  it('ranges are two rows: 8-10家 → 8 (>=) and 10 (<=)', () => {
    const { candidates } = extractCandidates('到2025年，成立 8-10 家研发机构。');
    expect(candidates.map((c) => [c.value, c.comparator])).toEqual([
      [8, '>='],
      [10, '<='],
    ]);
  });
});

describe('extractCandidates(text): other table layouts', () => {
  const values = (text: string) =>
    extractCandidates(text).candidates.map((c) => [c.indicator_zh, c.kind, c.year, c.value, c.unit, c.attribute]);

  it('one row per line, cells separated by runs of spaces, with a unit column', () => {
    const text = [
      '表1 主要指标',
      '指标      单位    2020年基数    2025年目标    属性',
      '经济发展',
      '国家高新技术企业数    家    1597    2500    预期性',
      '研发支出与地区生产总值之比    %    5.16    5.6以上    预期性',
      '',
      '说明：以上指标为五年规划期末值。',
    ].join('\n');
    expect(values(text)).toEqual([
      ['国家高新技术企业数', 'observed', 2020, 1597, '家', '预期性'],
      ['国家高新技术企业数', 'target', 2025, 2500, '家', '预期性'],
      ['研发支出与地区生产总值之比', 'observed', 2020, 5.16, '%', '预期性'],
      ['研发支出与地区生产总值之比', 'target', 2025, 5.6, '%', '预期性'],
    ]);
  });

  it('a pipe table (markdown) without an attribute column', () => {
    const text =
      '| 指标 | 2015年 | 2020年 |\n|---|---|---|\n| 科技型中小企业数(家) | 5576 | 10000 |\n\n截至2015年底，企业5576家。到2020年，企业达到10000家。';
    expect(values(text).slice(0, 2)).toEqual([
      ['科技型中小企业数', 'observed', 2015, 5576, '家', ''],
      ['科技型中小企业数', 'target', 2020, 10000, '家', ''],
    ]);
  });

  it('one cell per line without an attribute column', () => {
    const text = [
      '指标',
      '2020年',
      '2025年',
      '创新发展',
      '国家级研发机构数(家)',
      '13',
      '16',
      '科技型上市企业数(家)',
      '10',
      '20',
      '',
      '到2025年，全面完成规划目标。',
    ].join('\n');
    expect(values(text)).toEqual([
      ['国家级研发机构数', 'observed', 2020, 13, '家', ''],
      ['国家级研发机构数', 'target', 2025, 16, '家', ''],
      ['科技型上市企业数', 'observed', 2020, 10, '家', ''],
      ['科技型上市企业数', 'target', 2025, 20, '家', ''],
    ]);
  });
});

describe('extractCandidates(text): phrasings not in the seed documents', () => {
  // Written for this test in the style of a district plan; none of these sentences is in seeds/documents.
  const text = [
    '一、发展基础',
    '2022年全区地区生产总值达到800亿元，同比增长5.2%。城镇登记失业率控制在3.1%以内。',
    '二、发展目标',
    '到2025年末，规上工业总产值突破2000亿元，年均增长8%左右；研发经费投入强度达到3.5%；新增国家高新技术企业200家以上；五年累计完成固定资产投资1500亿元；每万人口高价值发明专利拥有量达到15件；城镇登记失业率控制在4.5%以内；人均预期寿命达到82岁。',
  ].join('\n');
  const { candidates, baseYear } = extractCandidates(text);
  const rows = candidates.map((c) => [
    c.kind,
    c.year,
    c.value,
    c.unit,
    c.comparator,
    c.measure,
    c.accumulation,
    c.period_start,
    c.period_end,
  ]);

  it('infers the base year from a sentence starting with a year', () => {
    expect(baseYear).toBe(2022);
  });

  it('reads 同比增长, 控制在…以内, 突破, 年均增长, 新增…以上, 五年累计, 每万人口…件, 岁', () => {
    expect(rows).toEqual([
      ['observed', 2022, 800, '亿元', '', 'amount', 'stock', null, null],
      ['observed', 2022, 5.2, '%', '', 'growth', '', null, null],
      ['observed', 2022, 3.1, '%', '<=', 'share', 'stock', null, null],
      ['target', 2025, 2000, '亿元', '>', 'amount', 'flow', null, null],
      ['target', 2025, 8, '%', '>=', 'growth', '', 2023, 2025],
      ['target', 2025, 3.5, '%', '>=', 'share', 'stock', null, null],
      ['target', 2025, 200, '家', '>=', 'count', 'cumulative', 2023, 2025],
      ['target', 2025, 1500, '亿元', '>=', 'amount', 'cumulative', 2021, 2025],
      ['target', 2025, 15, '件/万人', '>=', 'rate', 'stock', null, null],
      ['target', 2025, 4.5, '%', '<=', 'share', 'stock', null, null],
      ['target', 2025, 82, '岁', '>=', 'amount', 'stock', null, null],
    ]);
  });
});
