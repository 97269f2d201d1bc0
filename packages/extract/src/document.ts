/**
 * The document as the rules see it: the original text (quotes are cut from it), a same-length normalised copy
 * (full-width digits and punctuation mapped to ASCII, so one regex serves both), the plan's base year, and the
 * ranges already claimed by a stronger rule (a table) so weaker rules skip them.
 */
import { toHalfWidth } from '@trajectory/core';
import { inferBaseYear, inferTargetYear } from './time-context.ts';

/** See the module doc. */
export interface DocumentView {
  file: string;
  text: string;
  /** same length as `text` */
  norm: string;
  baseYear: number | null;
  /** the plan's main target year (most frequent "到YYYY年") */
  targetYear: number | null;
  /** sorted, non-overlapping `[start, end)` ranges claimed by the table rule */
  claimed: Array<[number, number]>;
}

/**
 * Build the view of a decoded document.
 *
 * @example documentView('截至2020年底，企业１２家。', 'plan.txt').norm // '截至2020年底,企业12家。'
 */
export function documentView(text: string, file: string): DocumentView {
  const norm = toHalfWidth(text);
  return { file, text, norm, baseYear: inferBaseYear(norm), targetYear: inferTargetYear(norm), claimed: [] };
}

/**
 * Is `offset` inside a claimed range? (binary search)
 *
 * @example isClaimed({ ...view, claimed: [[10, 20]] }, 15) // true
 */
export function isClaimed(doc: DocumentView, offset: number): boolean {
  let lo = 0;
  let hi = doc.claimed.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [a, b] = doc.claimed[mid]!;
    if (offset < a) hi = mid - 1;
    else if (offset >= b) lo = mid + 1;
    else return true;
  }
  return false;
}

/**
 * Trim whitespace from both ends of `[start, end)` and return the exact substring of the original text.
 *
 * @example quoteOf(documentView(' 企业10家 ', 'a.txt'), 0, 7).quote // '企业10家'
 */
export function quoteOf(doc: DocumentView, start: number, end: number): { start: number; end: number; quote: string } {
  while (start < end && /\s/.test(doc.text[start]!)) start++;
  while (end > start && /\s/.test(doc.text[end - 1]!)) end--;
  return { start, end, quote: doc.text.slice(start, end) };
}
