/**
 * Text pieces every report page shares: both languages of a label (the page's 中文 / English switch shows one),
 * numbers and percentages as the pages print them, region names, comparators.
 */
import { REGIONS } from '@trajectory/datasets';
import { regionName } from '../adapters/assessment.ts';
import { escapeHtml } from './html.ts';

/**
 * Both languages of a label (trusted HTML): CSS shows the `zh` span by default, the `en` one after the switch.
 * @example bi('摘要', 'Summary'); // '<span class="zh">摘要</span><span class="en">Summary</span>'
 */
export function bi(zh: string, en: string): string {
  return `<span class="zh">${zh}</span><span class="en">${en}</span>`;
}

/**
 * A number with at most `digits` decimals and thousands separators; `–` when missing or not finite.
 * @example num(12345.678, 1); // '12,345.7'
 */
export function num(v: number | null | undefined, digits = 4): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '–';
  return numberFormat(digits).format(v);
}

// one formatter per precision: toLocaleString builds a new one on every call, which dominates a large page
const formats = new Map<number, Intl.NumberFormat>();
function numberFormat(digits: number): Intl.NumberFormat {
  let f = formats.get(digits);
  if (!f) formats.set(digits, (f = new Intl.NumberFormat('en-US', { maximumFractionDigits: digits })));
  return f;
}

/**
 * How many indicators (propose) or targets (review) a page lists; the rest are in the CSV and the workbook beside
 * it, so a 20,000-indicator file gives a page a browser opens, not one of tens of megabytes.
 */
export const PAGE_LIMIT = 1000;

/**
 * The note under a list cut at `shown` of `total` rows (trusted HTML), or '' when nothing was cut.
 * @example cutNote(1000, 20000, 'proposals'); // '<p class="small muted">…19,000 more…proposals.csv…</p>'
 */
export function cutNote(shown: number, total: number, name: string): string {
  if (shown >= total) return '';
  const more = num(total - shown, 0);
  return `<p class="small muted">${bi(
    `页面只列出前 ${num(shown, 0)} 项，另外 ${more} 项见同一文件夹的 ${escapeHtml(name)}.csv 和 ${escapeHtml(name)}.xlsx。`,
    `The page lists the first ${num(shown, 0)}; the ${more} more are in ${escapeHtml(name)}.csv and ${escapeHtml(name)}.xlsx in the same folder.`,
  )}</p>`;
}

/**
 * A fraction as a percentage with `digits` decimals; `–` when missing or not finite.
 * @example pct(0.1234); // '12.3%'
 */
export function pct(v: number | null | undefined, digits = 1): string {
  return v === null || v === undefined || !Number.isFinite(v) ? '–' : `${(v * 100).toFixed(digits)}%`;
}

/** Comparators as printed (≥ rather than >=). */
export const COMPARATOR: Readonly<Record<string, string>> = { '>=': '≥', '>': '>', '=': '=', '<=': '≤', '<': '<' };

/**
 * The English name of a region key (core's REGIONS), else the key.
 * @example regionEn('nankai'); // 'Nankai District'
 */
export function regionEn(key: string): string {
  return REGIONS.get(key)?.en ?? key;
}

/**
 * A region's name in both languages (escaped; trusted HTML out).
 * @example regionBi('nankai'); // '<span class="zh">南开区</span><span class="en">Nankai District</span>'
 */
export function regionBi(key: string): string {
  return bi(escapeHtml(regionName(key)), escapeHtml(regionEn(key)));
}

/**
 * A yearly change as the proposal and review pages print it: a growth rate (`cagr`, a fraction) as a signed
 * percentage, an increment as a signed number in the unit (escaped).
 * @example annualChange(0.052, 'cagr', '%'); // '+5.2%'
 */
export function annualChange(v: number | null | undefined, basis: 'cagr' | 'increment', unit: string): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '–';
  const sign = v > 0 ? '+' : '';
  return basis === 'cagr' ? `${sign}${pct(v)}` : `${sign}${num(v, 3)} ${escapeHtml(unit)}`;
}

/**
 * CSS of the folded rows (`<details class="fold">`) and badges the proposal and review pages share; the page
 * shell (fonts, language switch, print) comes from `writeReport`.
 */
export const FOLD_CSS = `
.small{font-size:.82rem}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
td.n{white-space:nowrap}
td.ind{min-width:8em}td.nowrap{white-space:nowrap}
@media (max-width:600px){th,td{padding:.15rem .3rem}}
.scroll{overflow-x:auto}
.badge{display:inline-block;padding:0 .4rem;border-radius:3px;color:#fff;font-size:.8rem;white-space:nowrap;background:#999}
details.fold{border-bottom:1px solid #eee;font-size:.88rem}
details.fold>summary{cursor:pointer;padding:.2rem .3rem;list-style:none}
details.fold>summary::-webkit-details-marker{display:none}
details.fold>summary::before{content:'▸ ';color:#888}
details.fold[open]>summary::before{content:'▾ '}
details.fold[open]{background:#fcfcfc}
details.fold>.detail{padding:.2rem .3rem .6rem 1.2rem}
section.page h2{margin:1rem 0 .3rem}
@media print{details.fold>summary::before{content:''}}
`;
