/**
 * Region keys used by the `region` column of the seed dataset and of `history.csv`, with Chinese and English names.
 * The four planning regions come first; the others are parent regions whose history sits beside theirs (Tianjin,
 * Binhai New Area, China) and benchmarks a document cites (Beijing's Haidian, ...).
 */

/** A region of the dataset. */
export interface RegionInfo {
  key: string;
  zh: string;
  en: string;
  /** `plan`: a region whose own plan is in the seeds; `benchmark`: cited for comparison or a parent region */
  role: 'plan' | 'benchmark';
}

const list: RegionInfo[] = [
  { key: 'nankai', zh: '南开区', en: 'Nankai District', role: 'plan' },
  { key: 'hexi', zh: '河西区', en: 'Hexi District', role: 'plan' },
  { key: 'teda', zh: '天津经济技术开发区', en: 'Tianjin Economic-Technological Development Area (TEDA)', role: 'plan' },
  {
    key: 'binhai',
    zh: '天津滨海高新技术产业开发区',
    en: 'Tianjin Binhai Hi-tech Industrial Development Zone',
    role: 'plan',
  },
  { key: 'tianjin', zh: '天津市', en: 'Tianjin (whole city)', role: 'benchmark' },
  { key: 'binhai_new_area', zh: '天津市滨海新区', en: 'Binhai New Area, Tianjin', role: 'benchmark' },
  { key: 'haidian', zh: '北京市海淀区', en: 'Haidian District, Beijing', role: 'benchmark' },
  { key: 'zhangjiang', zh: '上海张江高科技园区', en: 'Shanghai Zhangjiang Hi-tech Park', role: 'benchmark' },
  { key: 'suzhou_sip', zh: '苏州工业园区', en: 'Suzhou Industrial Park', role: 'benchmark' },
  { key: 'chengdu_hitech', zh: '成都高新区', en: 'Chengdu Hi-tech Zone', role: 'benchmark' },
  { key: 'china', zh: '全国', en: 'China (national)', role: 'benchmark' },
];

/**
 * The known regions, keyed by `key`, in display order (plan regions first).
 *
 * @example
 * REGIONS.get('hexi')?.zh // '河西区'
 */
export const REGIONS: ReadonlyMap<string, RegionInfo> = new Map(list.map((r) => [r.key, r]));
