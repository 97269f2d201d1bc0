/**
 * The source files the reference panels are built from, pinned to a commit of a public GitHub repository.
 * `build-panels.ts` reads them from a local directory (`<dir>/<owner>/<repo>/<path>`) and never downloads;
 * each can be fetched again from `rawUrl(source)`.
 */

/** How a source file is laid out. */
export type SourceFormat =
  /** World Bank bulk CSV (`API_<code>_DS2_en_csv_v2_*.csv`): 4 preamble lines, one row per economy, one column per year. */
  | 'wdi'
  /** Our World in Data grapher CSV: `Entity, Code, Year, <value>`, one row per entity and year. */
  | 'owid';

/** One pinned source file and the panel type it feeds. */
export interface PanelSource {
  type: string;
  repo: string;
  commit: string;
  path: string;
  format: SourceFormat;
  /** Unit written in every row of this series, from the unit list of `@trajectory/core` (`%`, `岁`, `年`, `件`, `亿元`). */
  unit: string;
  title: string;
  licence: string;
  /** The source states the value per million people; the panel keeps it per 10,000 (the decimal point moved two places). */
  perMillionTo10k?: boolean;
}

const WB = 'CC BY 4.0 (World Bank)';
const FINGERPRINT = {
  repo: 'ilovecaffeine/country-data-fingerprint',
  commit: 'ae00134cbf7b2b572cf5d656c73f2a435a4cb943',
};
const wdiRaw = (name: string) => `data/raw/${name}/${name}.csv`;

/** Country panels (World Bank WDI and UNDP via Our World in Data). */
export const COUNTRY_SOURCES: readonly PanelSource[] = [
  {
    type: 'rd_intensity',
    repo: 'Zavvnr/Zavier-ISS-Presentation-Data',
    commit: '9a5363315fc6a11d498114dd639bc3ddbe6fd0d5',
    path: 'data/API_GB.XPD.RSDV.GD.ZS_DS2_en_csv_v2_232.csv',
    format: 'wdi',
    unit: '%',
    title: 'World Bank WDI GB.XPD.RSDV.GD.ZS: Research and development expenditure (% of GDP) (WDI update 2026-07-13)',
    licence: WB,
  },
  {
    type: 'services_share',
    ...FINGERPRINT,
    path: wdiRaw('API_NV.SRV.TOTL.ZS_DS2_en_csv_v2_35142'),
    format: 'wdi',
    unit: '%',
    title: 'World Bank WDI NV.SRV.TOTL.ZS: Services, value added (% of GDP) (WDI update 2026-07-13)',
    licence: WB,
  },
  {
    type: 'industry_share',
    ...FINGERPRINT,
    path: wdiRaw('API_NV.IND.TOTL.ZS_DS2_en_csv_v2_102950'),
    format: 'wdi',
    unit: '%',
    title:
      'World Bank WDI NV.IND.TOTL.ZS: Industry (including construction), value added (% of GDP) (WDI update 2026-07-13)',
    licence: WB,
  },
  {
    type: 'urbanisation',
    ...FINGERPRINT,
    path: wdiRaw('API_SP.URB.TOTL.IN.ZS_DS2_en_csv_v2_33901'),
    format: 'wdi',
    unit: '%',
    title: 'World Bank WDI SP.URB.TOTL.IN.ZS: Urban population (% of total population) (WDI update 2026-07-13)',
    licence: WB,
  },
  {
    type: 'life_expectancy',
    ...FINGERPRINT,
    path: wdiRaw('API_SP.DYN.LE00.IN_DS2_en_csv_v2_408'),
    format: 'wdi',
    unit: '岁',
    title: 'World Bank WDI SP.DYN.LE00.IN: Life expectancy at birth, total (years) (WDI update 2026-07-13)',
    licence: WB,
  },
  {
    type: 'schooling_years',
    ...FINGERPRINT,
    path: 'data/raw/years-of-schooling/average-years-of-schooling-among-adults.csv',
    format: 'owid',
    unit: '年',
    title:
      'UNDP, Human Development Report (2025),: Average years of schooling (adults 25+), with minor processing by Our World in Data',
    licence: 'CC BY 4.0 (Our World in Data; UNDP HDR)',
  },
  {
    type: 'gdp_growth',
    repo: 'Omelette719/UAS_VISDAT',
    commit: 'ae6b48176db95638ad28b2d69850dc77e8290914',
    path: 'data/API_NY.GDP.MKTP.KD.ZG_DS2_en_csv_v2.csv',
    format: 'wdi',
    unit: '%',
    title: 'World Bank WDI NY.GDP.MKTP.KD.ZG: GDP growth (annual %) (WDI update 2025-12-15)',
    licence: WB,
  },
  {
    type: 'patent_applications_per_10k',
    repo: 'janvoss/Zukunftsoekonomie',
    commit: 'b5506c21558c92742a100269ab9f1e34ea92cb14',
    path: 'patent-applications-per-million.csv',
    format: 'owid',
    perMillionTo10k: true,
    unit: '件/万人',
    title:
      'Our World in Data, Patent applications per million people (resident patent applications, World Bank WDI IP.PAT.RESD, divided by UN WPP population; dataset patents_wdi_unwpp), grapher CSV saved in janvoss/Zukunftsoekonomie; value = per million / 100',
    licence: 'CC BY 4.0 (Our World in Data; World Bank WDI)',
  },
];

/** WDI country metadata: economies with a non-empty `Region` are countries; the rest are aggregates. */
export const WDI_COUNTRY_LIST: Omit<PanelSource, 'type' | 'format' | 'unit' | 'title' | 'licence'> = {
  repo: 'Omelette719/UAS_VISDAT',
  commit: 'ae6b48176db95638ad28b2d69850dc77e8290914',
  path: 'data/Metadata_Country_API_NY.GDP.MKTP.KD.ZG_DS2_en_csv_v2.csv',
};

/**
 * The GitHub page of a pinned file (what `source_url` records). Non-ASCII path characters stay as written (an IRI,
 * which browsers and GitHub accept); only characters that would break a URL are escaped. Percent-encoding the
 * Chinese paths would triple the size of the province rows.
 */
export function blobUrl(s: Pick<PanelSource, 'repo' | 'commit' | 'path'>): string {
  return `https://github.com/${s.repo}/blob/${s.commit}/${s.path.replace(/[\s%#?]/g, encodeURIComponent)}`;
}

/** The raw download address of a pinned file. */
export function rawUrl(s: Pick<PanelSource, 'repo' | 'commit' | 'path'>): string {
  return `https://raw.githubusercontent.com/${s.repo}/${s.commit}/${s.path.split('/').map(encodeURIComponent).join('/')}`;
}

/** Chinese provinces: the name used in the sources (without 省/市/自治区 suffixes) and the pinyin key of `region`. */
export const PROVINCES: Readonly<Record<string, string>> = {
  北京: 'beijing',
  天津: 'tianjin',
  河北: 'hebei',
  山西: 'shanxi',
  内蒙古: 'neimenggu',
  辽宁: 'liaoning',
  吉林: 'jilin',
  黑龙江: 'heilongjiang',
  上海: 'shanghai',
  江苏: 'jiangsu',
  浙江: 'zhejiang',
  安徽: 'anhui',
  福建: 'fujian',
  江西: 'jiangxi',
  山东: 'shandong',
  河南: 'henan',
  湖北: 'hubei',
  湖南: 'hunan',
  广东: 'guangdong',
  广西: 'guangxi',
  海南: 'hainan',
  重庆: 'chongqing',
  四川: 'sichuan',
  贵州: 'guizhou',
  云南: 'yunnan',
  西藏: 'xizang',
  陕西: 'shaanxi',
  甘肃: 'gansu',
  青海: 'qinghai',
  宁夏: 'ningxia',
  新疆: 'xinjiang',
};

/** Province key of a source's region name (`天津市`, `天 津`, `内蒙古自治区`), or undefined for 全国 and unknown names. */
export function provinceKey(name: string): string | undefined {
  const bare = name.replace(/\s+/g, '');
  const hit = Object.keys(PROVINCES).find((zh) => bare.startsWith(zh));
  return hit === undefined ? undefined : PROVINCES[hit];
}

/** How a province source file is laid out. */
export type ProvinceFormat =
  /** Table transcribed from the R&D bulletin: `地区, RD经费, RD强度`, one row per region. */
  | 'rd-bulletin-xlsx'
  /** The R&D bulletin page itself (HTML); the regional annex table is read from its text. */
  | 'rd-bulletin-html'
  /** National Bureau of Statistics data export (GBK): 3 header lines, `地区, <year>年, …`, notes at the end. */
  | 'nbs-export-gbk'
  /** Long table transcribed from the S&T yearbook: `province, year, chn_block4, value, units, variables`. */
  | 'yearbook-long-xlsx'
  /** NBS province data reorganised in long form: `省份编码, 省份, 年份, <indicator>(<unit>), …`. */
  | 'nbs-long-csv';

/** One pinned province source file (one year, or all years for `nbs-export-gbk`). */
export interface ProvinceSource extends Omit<PanelSource, 'format'> {
  format: ProvinceFormat;
  /** The year the file reports (absent when the file has one column per year). */
  year?: number;
  /** Row filter of `yearbook-long-xlsx` files (`chn_block4`). */
  block?: string;
  /** Column of an `nbs-long-csv` file. */
  column?: string;
  /** The column is an index with the previous year = 100; the value kept is the index minus 100 (growth in %). */
  fromIndex?: boolean;
}

const NBS_PROVINCE = {
  repo: '3112944976/National-Visualization-Web-Application',
  commit: '582d20bfb0dae6bb730230820cf3bd07475f7396',
};
const TECHME = { repo: 'huhuaping/techme', commit: '9ad60a190dec4a56953da9c478d42cd44c80762a' };
/** Licence note of NBS figures: public statistical releases, no licence stated. */
const NBS_NOTE = 'NBS public release';
/** Title suffix of figures read from the transcription in huhuaping/techme rather than from the publication. */
const TRANSCRIBED = ' (transcription)';
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/**
 * Province panels. The 2018 bulletin table in the transcription repeats 2019's figures, so 2018–2020 are read from the bulletin pages. */
export const PROVINCE_SOURCES: readonly ProvinceSource[] = [
  ...range(2011, 2017).map(
    (year): ProvinceSource => ({
      type: 'rd_intensity',
      ...TECHME,
      path: `data-raw/public-site/nbs-RD-bulletin/02-xls/raw-${year}.xlsx`,
      format: 'rd-bulletin-xlsx',
      year,
      unit: '%',
      title: `NBS, MOST and MOF, ${year}年全国科技经费投入统计公报, regional table (R&D经费投入强度)${TRANSCRIBED}`,
      licence: `${NBS_NOTE}; transcription MIT`,
    }),
  ),
  ...range(2018, 2020).map(
    (year): ProvinceSource => ({
      type: 'rd_intensity',
      ...TECHME,
      path: `data-raw/public-site/nbs-RD-bulletin/01-html/${year}.html`,
      format: 'rd-bulletin-html',
      year,
      unit: '%',
      title: `NBS, MOST and MOF, ${year}年全国科技经费投入统计公报, 附表 ${year}年各地区研究与试验发展(R&D)经费情况`,
      licence: `${NBS_NOTE}; page copy MIT`,
    }),
  ),
  ...range(2010, 2020).map(
    (year): ProvinceSource => ({
      type: 'invention_patents_valid',
      ...TECHME,
      path: `data-raw/data-tidy/tech-yearbook/part08-output/01-patent/03-valid/${year}.xlsx`,
      format: 'yearbook-long-xlsx',
      year,
      block: '发明',
      unit: '件',
      title: `China Statistical Yearbook on Science and Technology, 国内有效专利数 by region, 发明 (valid domestic invention patents at year end ${year})${TRANSCRIBED}`,
      licence: `${NBS_NOTE}; transcription MIT`,
    }),
  ),
  ...[...range(2010, 2016), ...range(2018, 2020)].map(
    (year): ProvinceSource => ({
      type: 'hightech_industry_firms',
      ...TECHME,
      path: `data-raw/data-tidy/tech-yearbook/part05-industry/01-operation/${year}.xlsx`,
      format: 'yearbook-long-xlsx',
      year,
      block: '企业数',
      unit: '个',
      title: `China Statistical Yearbook on Science and Technology, 高技术产业生产经营情况 by region, 企业数 (high-technology manufacturing enterprises, ${year})${TRANSCRIBED}`,
      licence: `${NBS_NOTE}; transcription MIT`,
    }),
  ),
  {
    type: 'tech_contract_turnover',
    ...NBS_PROVINCE,
    path: '源数据/国家统计局分省年度数据/科技/技术市场成交额.csv',
    format: 'nbs-long-csv',
    column: '技术市场成交额(亿元)',
    unit: '亿元',
    title: 'NBS 分省年度数据, 科技, 技术市场成交额(亿元) (turnover of technology contracts by region), 2000–2019',
    licence: NBS_NOTE,
  },
  {
    type: 'invention_patents_granted',
    ...NBS_PROVINCE,
    path: '源数据/国家统计局分省年度数据/科技/国内三种专利申请受理数和授权数.csv',
    format: 'nbs-long-csv',
    column: '国内发明专利申请授权量(项)',
    unit: '件',
    title:
      'NBS 分省年度数据, 科技, 国内发明专利申请授权量(项) (domestic invention patents granted in the year, by region), 2000–2019',
    licence: NBS_NOTE,
  },
  {
    type: 'population',
    ...NBS_PROVINCE,
    path: '源数据/国家统计局分省年度数据/人口/总人口.csv',
    format: 'nbs-long-csv',
    column: '年末常住人口(万人)',
    unit: '万人',
    title: 'NBS 分省年度数据, 人口, 年末常住人口(万人) (resident population at year end), 2000–2019',
    licence: NBS_NOTE,
  },
  {
    type: 'urban_population',
    ...NBS_PROVINCE,
    path: '源数据/国家统计局分省年度数据/人口/总人口.csv',
    format: 'nbs-long-csv',
    column: '城镇人口(万人)',
    unit: '万人',
    title: 'NBS 分省年度数据, 人口, 城镇人口(万人) (urban resident population at year end), 2000–2019',
    licence: NBS_NOTE,
  },
  {
    type: 'gdp',
    ...NBS_PROVINCE,
    path: '源数据/国家统计局分省年度数据/国民经济核算/地区生产总值.csv',
    format: 'nbs-long-csv',
    column: '地区生产总值(亿元)',
    unit: '亿元',
    title:
      'NBS 分省年度数据, 国民经济核算, 地区生产总值(亿元), 2000–2019 (one vintage, after the 2018 economic census revision)',
    licence: NBS_NOTE,
  },
  {
    type: 'gdp_growth',
    ...NBS_PROVINCE,
    path: '源数据/国家统计局分省年度数据/国民经济核算/地区生产总值指数.csv',
    format: 'nbs-long-csv',
    column: '地区生产总值指数(上年=100)',
    fromIndex: true,
    unit: '%',
    title: 'NBS 分省年度数据, 国民经济核算, 地区生产总值指数(上年=100), 2000–2019; value = index − 100',
    licence: NBS_NOTE,
  },
];
