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
  /** Unit written in every row of this series. */
  unit: string;
  title: string;
  licence: string;
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
    unit: 'years',
    title: 'World Bank WDI SP.DYN.LE00.IN: Life expectancy at birth, total (years) (WDI update 2026-07-13)',
    licence: WB,
  },
  {
    type: 'schooling_years',
    ...FINGERPRINT,
    path: 'data/raw/years-of-schooling/average-years-of-schooling-among-adults.csv',
    format: 'owid',
    unit: 'years',
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
    type: 'gdp',
    repo: 'TomSadeh/World-Health-Expenditure',
    commit: '97db2bcd348853bcc53c6c4ca52d8cb0465bcdd3',
    path: 'data/API_NY.GDP.MKTP.CN_DS2_en_csv_v2_26332.csv',
    format: 'wdi',
    unit: 'LCU (current prices)',
    title: 'World Bank WDI NY.GDP.MKTP.CN: GDP (current LCU) (WDI update 2025-03-24)',
    licence: WB,
  },
];

/** WDI country metadata: economies with a non-empty `Region` are countries; the rest are aggregates. */
export const WDI_COUNTRY_LIST: Omit<PanelSource, 'type' | 'format' | 'unit' | 'title' | 'licence'> = {
  repo: 'Omelette719/UAS_VISDAT',
  commit: 'ae6b48176db95638ad28b2d69850dc77e8290914',
  path: 'data/Metadata_Country_API_NY.GDP.MKTP.KD.ZG_DS2_en_csv_v2.csv',
};

/** The GitHub page of a pinned file (what `source_url` records). */
export function blobUrl(s: Pick<PanelSource, 'repo' | 'commit' | 'path'>): string {
  return `https://github.com/${s.repo}/blob/${s.commit}/${s.path.split('/').map(encodeURIComponent).join('/')}`;
}

/** The raw download address of a pinned file. */
export function rawUrl(s: Pick<PanelSource, 'repo' | 'commit' | 'path'>): string {
  return `https://raw.githubusercontent.com/${s.repo}/${s.commit}/${s.path.split('/').map(encodeURIComponent).join('/')}`;
}
