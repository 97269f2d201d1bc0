/**
 * Clause boundaries inside a sentence: the name of an indicator is the text between the previous boundary and
 * the number. Scans are bounded (`MAX_SCAN` characters) so a sentence without punctuation (a 1 MB line) costs
 * O(MAX_SCAN) per mention, not O(length).
 */

// A newline inside a paragraph is a soft wrap (see segment.ts), not a clause boundary.
const BOUNDARY = /[，,；;：:、。！？!?]/;
/** How far to look for a boundary before giving up (characters). */
export const MAX_SCAN = 60;

/**
 * Start of the clause containing `pos` (after the previous boundary), not before `floor`.
 *
 * @example clauseStart('截至2020年底，企业146家', 12) // 9
 */
export function clauseStart(text: string, pos: number, floor = 0, boundary = BOUNDARY): number {
  const limit = Math.max(floor, pos - MAX_SCAN);
  for (let i = pos - 1; i >= limit; i--) if (boundary.test(text[i]!)) return i + 1;
  return limit;
}

/**
 * End of the clause containing `pos` (at the next boundary), not after `ceil`.
 *
 * @example clauseEnd('企业146家，专利9件', 0) // 6
 */
export function clauseEnd(text: string, pos: number, ceil = text.length, boundary = BOUNDARY): number {
  const limit = Math.min(ceil, pos + MAX_SCAN);
  for (let i = pos; i < limit; i++) if (boundary.test(text[i]!)) return i;
  return limit;
}

/** Boundaries that end a clause but not a list item (、 separates items of one enumeration). */
export const MAJOR_BOUNDARY = /[，,；;：:。！？!?]/;
