/**
 * Order statistics without a full sort: `selectRanks` moves the values of the requested ranks to their sorted
 * positions (multi-way quickselect, expected linear time), so that a quantile function reading only those positions
 * (simple-statistics' `quantileSorted`) returns what it returns on the fully sorted array. Summaries need seven
 * quantiles per year of 10,000 paths; sorting each year's values was most of an assessment's time.
 */

/** Below this many values a sub-range is insertion-sorted. */
const SMALL = 24;

/**
 * Rearranges `a` in place so that `a[k]` is the k-th smallest value for every k in `ranks` (the rest in no
 * particular order). Values must be free of NaN and of zeros (whose sign a typed-array sort orders, -0 before 0):
 * callers sort such arrays instead (see {@link selectable}).
 * @example
 * const a = Float64Array.of(5, 1, 4, 2, 3);
 * selectRanks(a, [2]); // a[2] === 3
 */
export function selectRanks(a: Float64Array, ranks: readonly number[]): void {
  const r = [...new Set(ranks)].filter((k) => k >= 0 && k < a.length).sort((x, y) => x - y);
  if (r.length > 0) select(a, 0, a.length - 1, r, 0, r.length - 1);
}

/**
 * Whether {@link selectRanks} orders `a` exactly as a sort would: no NaN and no zero.
 * @example selectable(Float64Array.of(1, 2)); // true
 */
export function selectable(a: ArrayLike<number>): boolean {
  for (let i = 0; i < a.length; i++) {
    const v = a[i]!;
    if (v !== v || v === 0) return false;
  }
  return true;
}

/**
 * The positions `quantileSorted(x, p)` of simple-statistics reads for each p in (0, 1) on n values (type 7:
 * index (n − 1)·p, interpolated between its floor and ceiling).
 * @example quantileRanks(5, [0.5, 0.1]); // [2, 0, 1]
 */
export function quantileRanks(n: number, probs: readonly number[]): number[] {
  const out: number[] = [];
  for (const p of probs) {
    const idx = (n - 1) * p;
    if (p <= 0) out.push(0);
    else if (p >= 1) out.push(n - 1);
    else if (idx % 1 !== 0) out.push(Math.floor(idx), Math.ceil(idx));
    else out.push(idx);
  }
  return out;
}

function select(a: Float64Array, lo: number, hi: number, ranks: number[], rl: number, rh: number): void {
  while (rl <= rh) {
    if (hi - lo < SMALL) {
      insertionSort(a, lo, hi);
      return;
    }
    // median of three as pivot; Hoare's partition leaves a[lo..j] <= pivot <= a[j+1..hi] with lo <= j < hi
    const mid = (lo + hi) >>> 1;
    if (a[mid]! < a[lo]!) swap(a, lo, mid);
    if (a[hi]! < a[lo]!) swap(a, lo, hi);
    if (a[hi]! < a[mid]!) swap(a, mid, hi);
    const pivot = a[mid]!;
    let i = lo - 1;
    let j = hi + 1;
    for (;;) {
      do i++;
      while (a[i]! < pivot);
      do j--;
      while (a[j]! > pivot);
      if (i >= j) break;
      swap(a, i, j);
    }
    let k = rl;
    while (k <= rh && ranks[k]! <= j) k++;
    // ranks[rl..k-1] lie in [lo, j], ranks[k..rh] in [j+1, hi]: recurse into one side, loop on the other
    if (k - rl < rh - k + 1) {
      if (k > rl) select(a, lo, j, ranks, rl, k - 1);
      lo = j + 1;
      rl = k;
    } else {
      if (k <= rh) select(a, j + 1, hi, ranks, k, rh);
      hi = j;
      rh = k - 1;
    }
  }
}

function insertionSort(a: Float64Array, lo: number, hi: number): void {
  for (let i = lo + 1; i <= hi; i++) {
    const v = a[i]!;
    let j = i - 1;
    while (j >= lo && a[j]! > v) {
      a[j + 1] = a[j]!;
      j--;
    }
    a[j + 1] = v;
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
}
