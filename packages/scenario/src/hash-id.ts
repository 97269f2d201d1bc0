/**
 * FNV-1a 32-bit hash of an id: the stream number of its random numbers, so an indicator's draws do not depend on
 * which other indicators a scenario declares or in what order.
 * @see http://www.isthe.com/chongo/tech/comp/fnv/
 * @example hashId('gazelle') // a fixed 32-bit unsigned integer
 */
export function hashId(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
