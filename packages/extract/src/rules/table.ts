/**
 * Rule `table-cell`: a plan's indicator table flattened to one cell per line, as web pages and PDF conversions
 * leave it:
 *
 * ```
 * 类别 / 指标 / 2020年基数 / 2025年目标 / 属性        (header cells, one per line)
 * 经济发展                                          (a category: a line followed by a row's name)
 * 全区市场主体数量(万家) / 4.58 / 9.2 / 预期性        (a row: name, one value per year column, attribute)
 * 主导产业集群营业收入规模 / (亿元) / 信创:458.43 / 新兴服务业:776.27 / … / 信创:1500 / … / 预期性
 * ```
 *
 * Rows end at an attribute cell (预期性/约束性); without an attribute column a row is its name and one cell per
 * year column (plus a unit cell when the header has 单位). Tables printed one row per line, with cells separated
 * by tabs, pipes or runs of spaces, are read the same way. Multi-valued cells are split by their labels ("信创:458.43",
 * "51.5(占本区)"): a label seen again starts the next year column. Values are read as written: "10以上" is 10
 * with comparator `>=`, "-" is missing, "完成新区下达任务" is a target without a number.
 */
import type { TargetAttribute } from '@trajectory/core';
import type { Candidate } from '../candidate.ts';
import { emptyCandidate } from '../candidate.ts';
import type { DocumentView } from '../document.ts';
import { accumulationOf, measureOf, perTenThousandUnit } from '../naming.ts';

interface Line {
  start: number;
  end: number;
  text: string;
}

interface YearColumn {
  year: number;
  kind: 'observed' | 'target';
}

const HEADER_YEAR = /^(\d{4})\s*年\s*(基数|基期|现状|实际|目标|预期|预计|规划)?(?:值)?$/;
const ATTRIBUTE = /^(预期性|约束性)$/;
const VALUE_CELL =
  /^(?:([^:：()（）]{1,16})[:：])?\s*([+-]?\d+(?:\.\d+)?)\s*(以上|以下|以内|左右)?\s*(?:[（(]([^）)]*)[）)])?$/;

/** Non-empty lines with their offsets. */
function lines(text: string): Line[] {
  const out: Line[] = [];
  let pos = 0;
  while (pos <= text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = text.length;
    let a = pos;
    let b = nl;
    while (a < b && /\s/.test(text[a]!)) a++;
    while (b > a && /\s/.test(text[b - 1]!)) b--;
    if (b > a) out.push({ start: a, end: b, text: text.slice(a, b) });
    pos = nl + 1;
  }
  return out;
}

/**
 * Candidates from every flattened indicator table in the document; the table's span is added to `doc.claimed`
 * so the sentence rules do not read its cells again.
 *
 * @example tableCandidates(documentView(['指标', '2020年基数', '2025年目标', '属性', '企业数(家)', '10', '20', '预期性'].join('\n'), 't.txt'))
 */
export function tableCandidates(doc: DocumentView): Candidate[] {
  const out: Candidate[] = [];
  const ls = lines(doc.norm);
  for (let i = 0; i < ls.length; i++) {
    const header = ls[i]!.text;
    if (HEADER_NAME.test(header)) {
      // one cell per line: 指标, then (单位), year columns, then optionally 属性 / 备注
      let j = i + 1;
      let unitColumn = false;
      if (j < ls.length && ls[j]!.text === '单位') {
        unitColumn = true;
        j++;
      }
      const columns: YearColumn[] = [];
      for (; j < ls.length; j++) {
        const column = yearColumn(ls[j]!.text, columns);
        if (!column) break;
        columns.push(column);
      }
      if (columns.length === 0) continue;
      let attributeColumn = false;
      while (j < ls.length && /^(属性|备注|单位|指标属性)$/.test(ls[j]!.text)) {
        attributeColumn ||= /属性/.test(ls[j]!.text);
        j++;
      }
      const end = attributeColumn
        ? parseRows(doc, ls, j, columns, unitColumn, out)
        : parseFixedRows(doc, ls, j, columns, unitColumn, out);
      if (end > i + 1) doc.claimed.push([ls[i]!.start, ls[end - 1]!.end]);
      i = Math.max(i, end - 1);
      continue;
    }
    // one row per line, cells separated by tabs, runs of spaces or pipes: "指标  2020年基数  2025年目标  属性"
    const headerCells = splitCells(ls[i]!);
    if (
      (headerCells.length >= 3 && HEADER_NAME.test(headerCells[0]!.text)) ||
      (headerCells.length >= 4 && HEADER_NAME.test(headerCells[1]!.text))
    ) {
      const end = parseLineRows(doc, ls, i, headerCells, out);
      if (end > i + 1) {
        doc.claimed.push([ls[i]!.start, ls[end - 1]!.end]);
        i = end - 1;
      }
    }
  }
  doc.claimed.sort((a, b) => a[0] - b[0]);
  return out;
}

const HEADER_NAME = /^(?:主要)?指标(?:名称)?$/;

/**
 * A year column header: "2020年基数" (observed), "2025年目标" (target); a bare "2020年" is observed when it is the
 * first year column (a plan table starts from its base) and a target when it comes later.
 */
function yearColumn(text: string, previous: YearColumn[] = []): YearColumn | null {
  const h = HEADER_YEAR.exec(text);
  if (!h) return null;
  const label = h[2] ?? '';
  const year = +h[1]!;
  const first = previous[0];
  const kind = /目标|预期|预计|规划/.test(label)
    ? 'target'
    : /基数|基期|现状|实际/.test(label)
      ? 'observed'
      : first
        ? year > first.year
          ? 'target'
          : 'observed'
        : 'observed';
  return { year, kind };
}

/** Cells of one physical line split at tabs, pipes or runs of two or more spaces, with their offsets. */
function splitCells(line: Line): Line[] {
  const out: Line[] = [];
  const re = /[^\t|｜ \u3000]+(?: [^\t|｜ \u3000]+)*/g;
  for (const m of line.text.matchAll(re))
    out.push({ start: line.start + m.index, end: line.start + m.index + m[0].length, text: m[0] });
  return out;
}

/** Rows of a one-row-per-line table, from the header line `i`; returns the index of the first line after it. */
function parseLineRows(doc: DocumentView, ls: Line[], i: number, headerCells: Line[], out: Candidate[]): number {
  const nameAt = headerCells.findIndex((c) => HEADER_NAME.test(c.text));
  const rest = headerCells.slice(nameAt + 1);
  const unitColumn = rest[0]?.text === '单位';
  const columns: YearColumn[] = [];
  for (const cell of rest.slice(unitColumn ? 1 : 0)) {
    const column = yearColumn(cell.text, columns);
    if (!column) break;
    columns.push(column);
  }
  if (columns.length === 0) return i + 1;
  const attributeColumn = rest.some((c) => /属性/.test(c.text));
  let category = '';
  let k = i + 1;
  for (; k < ls.length; k++) {
    const cells = splitCells(ls[k]!);
    if (cells.length === 1) {
      // a category line, or prose: the table is over
      if (cells[0]!.text.length > 12 || /[。；]/.test(cells[0]!.text)) break;
      category = cells[0]!.text;
      continue;
    }
    if (cells.every((c) => /^[-:—\s]+$/.test(c.text))) continue; // a markdown separator row
    // leading cells before the name (a category column, a row number) are dropped
    const row = cells.slice(
      Math.max(0, cells.length - (1 + (unitColumn ? 1 : 0) + columns.length + (attributeColumn ? 1 : 0))),
    );
    if (row.length < 2) break;
    const attribute =
      attributeColumn && ATTRIBUTE.test(row[row.length - 1]!.text) ? (row.pop()!.text as TargetAttribute) : null;
    emitRow(doc, row, columns, attribute, category, unitColumn, out);
  }
  return k;
}

/** Rows of a one-cell-per-line table ending at an attribute cell; returns the index of the first line after it. */
function parseRows(
  doc: DocumentView,
  ls: Line[],
  j: number,
  columns: YearColumn[],
  unitColumn: boolean,
  out: Candidate[],
): number {
  let rowStart = j;
  let category = '';
  for (let k = j; k < ls.length; k++) {
    const t = ls[k]!.text;
    if (!ATTRIBUTE.test(t)) {
      // a long prose line, or no attribute cell in sight, means the table is over
      if ((t.length > 80 && /[。；]/.test(t)) || k - rowStart > 20) return rowStart;
      continue;
    }
    const cells = ls.slice(rowStart, k);
    // a category line precedes the name when the row's first two cells are both names
    let nameAt = 0;
    if (
      cells.length >= 2 &&
      !isValueCell(cells[0]!.text) &&
      !isValueCell(cells[1]!.text) &&
      !/^[（(]/.test(cells[1]!.text) &&
      cells[0]!.text.length <= 8
    ) {
      category = cells[0]!.text;
      nameAt = 1;
    }
    emitRow(doc, cells.slice(nameAt), columns, t as TargetAttribute, category, unitColumn, out);
    rowStart = k + 1;
  }
  return ls.length;
}

/**
 * Rows of a one-cell-per-line table without an attribute column: a name (with bracketed continuation lines),
 * an optional unit cell, then one cell per year column. A category line is a short name followed by a name.
 */
function parseFixedRows(
  doc: DocumentView,
  ls: Line[],
  j: number,
  columns: YearColumn[],
  unitColumn: boolean,
  out: Candidate[],
): number {
  let k = j;
  let category = '';
  while (k < ls.length) {
    const t = ls[k]!.text;
    if ((t.length > 40 && /[。；]/.test(t)) || isValueCell(t)) break;
    let n = k + 1;
    while (n < ls.length && /^[（(]/.test(ls[n]!.text) && !VALUE_CELL.test(ls[n]!.text)) n++;
    const width = (unitColumn ? 1 : 0) + columns.length;
    const values = ls.slice(n, n + width);
    if (values.length < width) break;
    if (!isValueCell(values[unitColumn ? 1 : 0]!.text)) {
      // not a row: a category heading if short, else the end of the table
      if (t.length > 8) break;
      category = t;
      k++;
      continue;
    }
    emitRow(doc, ls.slice(k, n + width), columns, null, category, unitColumn, out);
    k = n + width;
  }
  return k;
}

function isValueCell(t: string): boolean {
  return VALUE_CELL.test(t) || t === '-' || t === '—';
}

function emitRow(
  doc: DocumentView,
  cells: Line[],
  columns: YearColumn[],
  attribute: TargetAttribute | null,
  category: string,
  unitColumn: boolean,
  out: Candidate[],
): void {
  if (cells.length === 0) return;
  // name: the first cell plus continuation cells that start with a bracket ("(亿元)", "(含幼儿园…)(个)")
  let v = 1;
  // match on the normalised cells, but name the indicator with the original characters
  const original = (line: Line) => doc.text.slice(line.start, line.end);
  let name = original(cells[0]!);
  while (v < cells.length && /^[（(]/.test(cells[v]!.text) && !VALUE_CELL.test(cells[v]!.text))
    name += original(cells[v++]!);
  let unit = unitOf(name);
  if (unitColumn && v < cells.length) unit = original(cells[v++]!).replace(/^[（(]|[）)]$/g, '');
  const indicator =
    name
      .replace(/[（(][^（()）]*[）)]?\s*$/, '')
      .replace(/%$/, '')
      .trim() || name;
  const valueCells = cells.slice(v);
  // split value cells into year columns: a repeated label starts the next column
  const blocks: Line[][] = [];
  let current: Line[] = [];
  let seen = new Set<string>();
  for (const cell of valueCells) {
    const label = labelOf(cell.text);
    if (label === null || seen.has(label)) {
      if (current.length) blocks.push(current);
      current = [];
      seen = new Set();
    }
    current.push(cell);
    if (label !== null) seen.add(label);
    if (label === null) {
      blocks.push(current);
      current = [];
    }
  }
  if (current.length) blocks.push(current);
  const exact = blocks.length === columns.length;
  const nameStart = cells[0]!.start;
  blocks.forEach((block, b) => {
    const column = columns[Math.min(b, columns.length - 1)]!;
    for (const cell of block) {
      const c = cellCandidate(doc, cell, column, indicator, unit, attribute, nameStart);
      if (!c) continue;
      c.confidence = exact ? 0.9 : 0.6;
      if (category) c.scope = c.scope || '';
      out.push(c);
    }
  });
}

/** The label of a multi-valued cell: "信创:458.43" → 信创, "51.5(占本区)" → 占本区; null for a plain value. */
function labelOf(t: string): string | null {
  const m = VALUE_CELL.exec(t);
  if (m?.[1]) return m[1].trim();
  if (m?.[4] && /^占/.test(m[4])) return m[4];
  const text = /^([^:：]{1,16})[:：]/.exec(t);
  return text ? text[1]!.trim() : null;
}

function unitOf(name: string): string {
  const paren = /[（(]([^（()）]*)[）)]?\s*$/.exec(name);
  if (paren && /^(?:%|亿元|万元|元|家|件|个|项|人|万人|万家|年|岁|万元\/人|亿美元)$/.test(paren[1]!.trim()))
    return paren[1]!.trim();
  if (/%\s*$|[（(]%/.test(name)) return '%';
  return '';
}

function cellCandidate(
  doc: DocumentView,
  cell: Line,
  column: YearColumn,
  indicator: string,
  unit: string,
  attribute: TargetAttribute | null,
  nameStart: number,
): Candidate | null {
  const m = VALUE_CELL.exec(cell.text);
  const c = emptyCandidate();
  c.indicator_zh = indicator;
  c.kind = column.kind;
  c.year = column.year;
  c.unit = perTenThousandUnit(indicator, unit);
  c.attribute = attribute ?? '';
  c.rule = 'table-cell';
  c.offset = cell.start;
  c.value_text = doc.text.slice(cell.start, cell.end);
  const span = cell.end - nameStart <= 400 ? doc.text.slice(nameStart, cell.end) : c.value_text;
  c.quote = span;
  if (m) {
    c.value = Number(m[2]);
    const label = m[1]?.trim() ?? (m[4] && /^占/.test(m[4]) ? m[4] : '');
    if (label) {
      c.indicator_zh = `${indicator}（${label.replace(/^占/, '')}）`;
      c.scope = label.replace(/^占/, '');
    }
    c.comparator = m[3] === '以下' || m[3] === '以内' ? '<=' : column.kind === 'target' ? '>=' : '';
  } else if (column.kind === 'target' && cell.text !== '-' && cell.text !== '—') {
    // a target stated in words ("完成新区下达任务"): kept without a number
    c.value = null;
    c.comparator = '=';
  } else {
    return null;
  }
  c.measure = measureOf(indicator, c.unit);
  c.accumulation = accumulationOf(indicator, indicator, c.unit, false);
  if (c.accumulation === 'cumulative' && column.kind === 'target' && doc.baseYear !== null) {
    c.period_start = doc.baseYear + 1;
    c.period_end = column.year;
  }
  return c;
}
