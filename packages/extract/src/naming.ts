/**
 * Turning the words around a number into an indicator name, and guessing what kind of quantity it is.
 * "力争到2023年，国家高新技术企业增加到" → "国家高新技术企业"; "12.99件/万人" → measure `rate`.
 */
import type { Accumulation, Comparator, MeasureType } from '@trajectory/core';

const LEAD =
  /^(?:[\s“”"‘’（）()、，,：:—-]|其中|同时|并且|并|力争|争取|确保|全年|共有|现有|拥有|包括|主要|已经|已|以及|及|和|与|均|分别|通过|此外|目前|当前|底|末)+/;
const TRAIL =
  /(?:达到了?|达|为|是|形成|建设|设立|组建|增加到|增加至|增长到|增长至|提升至|提升到|提高到|提高至|上升至|上升到|超过|突破|高达|共计|共有|拥有|累计达到|累计达|保持在|控制在|不低于|不少于|不超过|约|近|逾|超|已有|有|仅为|仅|位居|聚集|集聚|引进|培育|培养出?|培养发展|新建|建成|打造|成立|吸引|承担|入选|获得|登记|认定|实现|完成|落地|承接|引育|布局|[\s“”"‘’、，,：:—])+$/;
const ACQUIRE =
  /(?:聚集|集聚|引进|培育|培养出?|培养发展|新建|建成|打造|成立|吸引|新增|完成|实现|承接|落地|引育|布局|拥有|共有|有|形成|建设|设立|组建)$/;
const LOCATIVE = /^(?:区内|全区|园区|开发区|本区|我区|区|全市|全省|全国|市内|新区|高新区|各类|一批)?$/;
const INDICATOR_WORD =
  /企业|专利|收入|投入|总量|总数|数量|比重|产值|人才|机构|额|率|数|规模|主体|面积|GDP|生产总值|空间|孵化器|项目|资金|增加值|平台|园区|公司|中心|基地|联盟|人员|人口|学位|学校|医院|投资|高校|院所|大学|占比|比例|指标|排名|集群|面积|空间|营收|产业/;

/**
 * Strip leading connectives and trailing verbs/comparators from the words before a number.
 *
 * @example cleanName('同时，国家高新技术企业增加到 ') // '国家高新技术企业'
 */
export function cleanName(raw: string): string {
  let s = raw
    .replace(/\s+/g, ' ')
    .replace(/(?<=[\u4e00-\u9fa5“”（）()])\s+|\s+(?=[\u4e00-\u9fa5“”（）()])/g, '')
    .trim();
  for (let i = 0; i < 3; i++) {
    const before = s;
    s = s.replace(LEAD, '').replace(TRAIL, '');
    if (s === before) break;
  }
  // unbalanced quotes/brackets left at the edges
  // quotation marks around terms (“雏鹰”企业, “海河英才”) are not part of the name
  return s
    .replace(/[“”"‘’]/g, '')
    .replace(/^[）)]+/, '')
    .replace(/[（(]+$/, '')
    .trim();
}

/**
 * Does the prefix end with an acquisition verb ("聚集", "引进", "新增"), so the noun comes after the number?
 *
 * @example endsWithAcquireVerb('区内聚集') // true
 */
export function endsWithAcquireVerb(raw: string): boolean {
  return ACQUIRE.test(raw.replace(/[\s“”"]+$/, '').replace(/(?:超过|不少于|约|近|逾|达)$/, ''));
}

/**
 * Is the unit an area (平米, 万平方米, 亩, 平方公里)?
 *
 * @example isAreaUnit('万平米') // true
 */
export function isAreaUnit(unit: string): boolean {
  return /平米|平方米|亩|平方公里|m²|㎡/.test(unit);
}

/**
 * Is the cleaned name only a place word (区内, 全区) that cannot name an indicator?
 *
 * @example isLocative('区内') // true
 */
export function isLocative(name: string): boolean {
  return name.length < 2 || LOCATIVE.test(name);
}

/**
 * Does the name contain a word typical of an indicator (企业, 专利, 收入, 比重, …)?
 *
 * @example looksLikeIndicator('技术合同成交额') // true
 */
export function looksLikeIndicator(name: string): boolean {
  return INDICATOR_WORD.test(name);
}

/**
 * Comparator from the words right before the value and the suffix after it.
 * 超过/突破/超/高于 → `>`; 不低于/不少于/至少 → `>=`; 不超过/控制在 → `<=`; "…以上" → `>=`; "…以内/以下" → `<=`.
 * Otherwise `>=` for targets (达到 is a floor, the seed dataset's convention) and '' for observations.
 *
 * @example comparatorOf('比重超过', '', '', 'target') // '>'
 */
export function comparatorOf(
  prefix: string,
  suffix: string,
  approx: string,
  kind: 'observed' | 'target',
): Comparator | '' {
  const p = prefix.replace(/\s+$/, '');
  if (suffix === '以上') return '>=';
  if (suffix === '以下' || suffix === '以内') return '<=';
  if (/(?:不低于|不少于|至少)$/.test(p)) return '>=';
  if (/(?:不超过|不高于|控制在)$/.test(p)) return '<=';
  if (/(?:超过|突破|超|高于|大于|逾)$/.test(p) || approx) return '>';
  // the seed dataset's convention: a plain target (达到, 增加到) is a floor; planned sizes use '='
  return kind === 'target' ? '>=' : '';
}

/**
 * Guess the measure type from the unit and the name.
 *
 * @example measureOf('每万人口发明专利拥有量', '件/万人') // 'rate'
 */
export function measureOf(name: string, unit: string): MeasureType | '' {
  if (/增长率|增速|增幅|年均增长/.test(name)) return 'growth';
  if (unit === '岁' || unit === '年') return 'amount'; // 人均期望寿命 is an age, not a per-capita rate
  if (/\/|每万|万人均|人均|万名/.test(unit + name)) return 'rate';
  if (unit === '%' || unit === '‰') return /比重|占|比例|率|之比|强度/.test(name) ? 'share' : 'share';
  if (/元|平方米|平米|亩|平方公里|m²|㎡/.test(unit)) return 'amount';
  if (/家|件|个|项|人|名|所|份|座|台|套|户/.test(unit)) return 'count';
  return '';
}

/**
 * Guess stock / flow / cumulative from the words (累计, 新增, 全年, 五年共) and the unit.
 *
 * @example accumulationOf('累计引进院士', '累计引进院士', '名', true) // 'cumulative'
 */
export function accumulationOf(context: string, name: string, unit: string, hasPeriod: boolean): Accumulation | '' {
  if (/累计|五年共|共计|总计/.test(context) || (hasPeriod && /新增|引进|承担|完成/.test(context))) return 'cumulative';
  // a share, a rate or an area is a level at a date, whatever it is a share of
  if (unit === '%' || unit === '‰' || unit.includes('/') || /平方米|平米|亩|平方公里/.test(unit)) return 'stock';
  if (/新增|全年|年度|当年|\/年|每年/.test(context + unit)) return 'flow';
  if (/收入|产值|增加值|销售额|成交额|交易额|投入|投资|进出口|登记额/.test(name)) return 'flow';
  return 'stock';
}

const CANONICAL_UNITS: Record<string, string> = {
  平米: '平方米',
  万平米: '万平方米',
  'm²': '平方米',
  '㎡': '平方米',
  亿规模: '亿元',
  亿级: '亿元',
};

/**
 * The unit symbol of the dataset's fixed list for a unit as written: 平米 → 平方米, 万平米 → 万平方米, m² → 平方米;
 * a per-year suffix ("30家/年") is dropped, the value being a yearly flow. The value itself is never rescaled.
 *
 * @example canonicalUnit('2万平米') // never called with numbers; canonicalUnit('万平米') === '万平方米'
 */
export function canonicalUnit(unit: string): { unit: string; perYear: boolean } {
  const perYear = unit.endsWith('/年');
  const base = perYear ? unit.slice(0, -2) : unit;
  return { unit: CANONICAL_UNITS[base] ?? base, perYear };
}

/**
 * A count per ten thousand people written as a plain count ("每万人拥有发明专利80.35件", "万名从业人员…23.5件",
 * "万人均有效发明专利数(件)") is a rate: its unit becomes 件/万人 (or 个/万人).
 *
 * @example perTenThousandUnit('每万人口发明专利拥有量', '件') // '件/万人'
 */
export function perTenThousandUnit(name: string, unit: string): string {
  return (unit === '件' || unit === '个') && /每万(?:人|名)|^(?:平均)?万(?:人|名)|万人均/.test(name)
    ? `${unit}/万人`
    : unit;
}
