/**
 * Time expressions that give a value its year and kind: "截至2020年底" (observed 2020), "到2025年" (target 2025),
 * "“十三五”末" (2020), "十四五期间" (period 2021–2025), "2011-2015年" (period), "五年内" (relative to the plan's
 * base year). Each cue applies from where it stands to the end of its paragraph or until the next cue.
 */

/** A time cue found in a sentence (offsets relative to the sentence text). */
export interface TimeCue {
  start: number;
  end: number;
  year: number;
  /** explicit kind from the wording (到 → target, 截至 → observed); null when only the year is known */
  kind: 'observed' | 'target' | null;
  period: [number, number] | null;
  /** how sure the year is: 1 for an explicit year, 0.8 for a five-year-plan name, 0.5 for "三年内" */
  strength: number;
  text: string;
  /** the cue follows 比 ("比2015年增加"): it names a comparison base, not the value's own time */
  comparison: boolean;
}

/**
 * The years of the k-th five-year plan (第k个五年规划): the 6th ran 1981–1985 and every plan since covers five
 * calendar years, so plan k covers 1981 + 5(k−6) … 1985 + 5(k−6). 十三五 → [2016, 2020].
 *
 * @example fiveYearPlanPeriod(14) // [2021, 2025]
 */
export function fiveYearPlanPeriod(k: number): [number, number] {
  const start = 1981 + 5 * (k - 6);
  return [start, start + 4];
}

const PLAN_ORDINAL: Record<string, number> = { 一: 11, 二: 12, 三: 13, 四: 14, 五: 15, 六: 16 };
const SMALL: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

// One alternation, scanned once left to right (linear): each branch is anchored on a literal.
const CUE = new RegExp(
  [
    // 1,2: explicit target "到2025年(底)"
    String.raw`(?<!截)(?:到|至|力争到|争取到|预计到|计划到|力争在|目标到|预计|计划于|将于)\s*(\d{4})\s*年(?:底|末)?`,
    // 3: observed "截至2020年底"
    String.raw`截(?:至|止)(?:到)?\s*(\d{4})\s*年(?:底|末)?`,
    // 4,5: a year range "2011-2015年"
    String.raw`(\d{4})\s*[-—–~～至到]\s*(\d{4})\s*年`,
    // 6: a bare year "2020年底"/"2020年，"/"2015 全年" (kind from comparison with the plan's base year)
    String.raw`(\d{4})\s*(?:年(?:底|末|度|全年)?|全年)`,
    // 7,8: a five-year plan "“十三五”末", "十四五期间"
    String.raw`[“"]?十([一二三四五六])五[”"]?\s*(期间|时期|期末|末|初|开局|以来)?`,
    // 9: "三年内", "五年内", "用三年时间"
    String.raw`([一二两三四五六七八九十]|\d)\s*年(?:内|时间|之内)`,
  ].join('|'),
  'g',
);

/**
 * Find the time cues of one sentence.
 *
 * @param baseYear the plan's base year (the last observed year), used for "三年内" and for cues without an explicit kind
 * @example timeCues('到2025年，人才总量达到18万人', 2020)[0] // { year: 2025, kind: 'target', ... }
 */
export function timeCues(sentence: string, baseYear: number | null): TimeCue[] {
  const out: TimeCue[] = [];
  CUE.lastIndex = 0;
  let lastAbsolute: number | null = null; // the latest explicit year, for "通过五年时间" (kept as we go: linear)
  for (let m = CUE.exec(sentence); m; m = CUE.exec(sentence)) {
    if (out.length) {
      const prev = out[out.length - 1]!;
      if (!prev.comparison && prev.period === null && prev.strength > 0) lastAbsolute = prev.year;
    }
    const start = m.index;
    const end = start + m[0].length;
    const text = m[0];
    const comparison = /(?:比|较|与|同)\s*$/.test(sentence.slice(Math.max(0, start - 3), start));
    if (m[1]) out.push({ start, end, year: +m[1], kind: 'target', period: null, strength: 1, text, comparison });
    else if (m[2]) out.push({ start, end, year: +m[2], kind: 'observed', period: null, strength: 1, text, comparison });
    else if (m[3] && m[4]) {
      const a = +m[3];
      const b = +m[4];
      if (b > a && b - a <= 20)
        out.push({ start, end, year: b, kind: null, period: [a, b], strength: 1, text, comparison });
    } else if (m[5]) {
      const y = +m[5];
      // skip dates inside identifiers (文号〔2020〕, "2019年12月3日" is still a year cue but a weak one)
      // "2020年，" / "2020年底" set the time of what follows; "2019年国家科技进步一等奖" only qualifies a noun
      const sets = /[底末全]/.test(text.slice(-1)) || /^\s*[，,]/.test(sentence.slice(end, end + 2));
      if (y >= 1949 && y <= 2100)
        out.push({ start, end, year: y, kind: null, period: null, strength: sets ? 1 : 0.5, text, comparison });
    } else if (m[6]) {
      const k = PLAN_ORDINAL[m[6]]!;
      const [a, b] = fiveYearPlanPeriod(k);
      const which = m[7] ?? '';
      if (which === '初' || which === '开局')
        out.push({ start, end, year: a, kind: null, period: null, strength: 0.8, text, comparison });
      else if (which === '末' || which === '期末')
        out.push({ start, end, year: b, kind: null, period: null, strength: 0.8, text, comparison });
      else if (which === '期间' || which === '时期' || which === '以来')
        out.push({ start, end, year: b, kind: null, period: [a, b], strength: 0.8, text, comparison });
      // a bare "十四五" (as in a title) says nothing about a value's year
    } else if (m[8] !== undefined) {
      const n = /\d/.test(m[8]) ? +m[8] : SMALL[m[8]]!;
      // "通过五年时间" counts from the year the sentence is about ("2016年，…通过五年时间" → 2021), else from the base year
      const from = lastAbsolute ?? baseYear;
      if (from !== null)
        out.push({ start, end, year: from + n, kind: 'target', period: null, strength: 0.8, text, comparison });
    }
  }
  return out;
}

/**
 * The plan's base year: the latest year stated as observed ("截至2020年底", "2020年，") that precedes the
 * earliest explicit target year ("到2023年"); falls back to the year before the earliest target, or to the
 * five-year plan named in the first lines (十四五 → 2020).
 *
 * @example inferBaseYear('截至2020年底，企业146家。到2025年，企业达到200家。') // 2020
 */
export function inferBaseYear(text: string): number | null {
  const targets: number[] = [];
  const strong: number[] = []; // 截至Y年底, Y年基数
  const weak: number[] = []; // "Y年，" "Y年底，"
  for (const m of text.matchAll(/(?<!截)(?:到|至|力争到|争取到|预计到)\s*(\d{4})\s*年/g)) targets.push(+m[1]!);
  for (const m of text.matchAll(/截(?:至|止)\s*(\d{4})\s*年|(\d{4})\s*年\s*基数/g)) strong.push(+(m[1] ?? m[2])!);
  for (const m of text.matchAll(/(\d{4})\s*年(?:底|末)?\s*[，,]|(?:^|[。；\n])[ \t]*(\d{4})\s*年(?![\d月度])/g))
    weak.push(+(m[1] ?? m[2])!);
  // reduce, not Math.min(...xs): a long document can hold more years than the engine allows as arguments
  const firstTarget = targets.length ? targets.reduce((a, b) => Math.min(a, b)) : null;
  for (const years of [strong, weak]) {
    const before = years.filter((y) => firstTarget === null || y < firstTarget);
    if (before.length) return before.reduce((a, b) => Math.max(a, b));
  }
  if (firstTarget !== null) return firstTarget - 1;
  const plan = /十([一二三四五六])五/.exec(text.slice(0, 2000));
  if (plan) return fiveYearPlanPeriod(PLAN_ORDINAL[plan[1]!]!)[0] - 1;
  return null;
}

/**
 * The plan's main target year: the year most often introduced by 到/力争到 ("到2025年"), ties going to the later
 * year; `null` if the text states no target year.
 *
 * @example inferTargetYear('到2023年，…。到2025年，…。到2025年，…') // 2025
 */
export function inferTargetYear(text: string): number | null {
  const counts = new Map<number, number>();
  for (const m of text.matchAll(/(?<!截)(?:到|至|力争到|争取到|预计到)\s*(\d{4})\s*年/g))
    counts.set(+m[1]!, (counts.get(+m[1]!) ?? 0) + 1);
  let best: number | null = null;
  for (const [year, n] of counts)
    if (best === null || n > counts.get(best)! || (n === counts.get(best)! && year > best)) best = year;
  return best;
}
