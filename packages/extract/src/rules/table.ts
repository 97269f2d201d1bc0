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
 * Rows end at an attribute cell (预期性/约束性). Multi-valued cells are split by their labels ("信创:458.43",
 * "51.5(占本区)"): a label seen again starts the next year column. Values are read as written: "10以上" is 10
 * with comparator `>=`, "-" is missing, "完成新区下达任务" is a target without a number.
 */
import type { TargetAttribute } from '@trajectory/core';
import type { Candidate } from '../candidate.ts';
import { emptyCandidate } from '../candidate.ts';
import type { DocumentView } from '../document.ts';
import { accumulationOf, measureOf } from '../naming.ts';

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
const VALUE_CELL = /^(?:([^:：()（）]{1,16})[:：])?\s*([+-]?\d+(?:\.\d+)?)\s*(以上|以下|以内|左右)?\s*(?:[（(]([^）)]*)[）)])?$/;

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
 */
export function tableCandidates(doc: DocumentView): Candidate[] {
  const out: Candidate[] = [];
  const ls = lines(doc.norm);
  for (let i = 0; i < ls.length; i++) {
    if (ls[i]!.text !== '指标') continue;
    // header: 指标, then year columns, then optionally 属性 / 备注
    const columns: YearColumn[] = [];
    let j = i + 1;
    for (; j < ls.length; j++) {
      const h = HEADER_YEAR.exec(ls[j]!.text);
      if (!h) break;
      const label = h[2] ?? '';
      const year = +h[1]!;
      const kind = /目标|预期|预计|规划/.test(label) ? 'target' : /基数|基期|现状|实际/.test(label) ? 'observed' : doc.baseYear !== null && year > doc.baseYear ? 'target' : 'observed';
      columns.push({ year, kind });
    }
    if (columns.length === 0) continue;
    while (j < ls.length && /^(属性|备注|单位)$/.test(ls[j]!.text)) j++;
    const end = parseRows(doc, ls, j, columns, out);
    doc.claimed.push([ls[i]!.start, ls[end - 1]!.end]);
    i = end - 1;
  }
  doc.claimed.sort((a, b) => a[0] - b[0]);
  return out;
}

/** Parse rows from line `j`; returns the index of the first line after the table. */
function parseRows(doc: DocumentView, ls: Line[], j: number, columns: YearColumn[], out: Candidate[]): number {
  let rowStart = j;
  let category = '';
  for (let k = j; k < ls.length; k++) {
    const t = ls[k]!.text;
    if (!ATTRIBUTE.test(t)) {
      // a long prose line means the table is over
      if (t.length > 80 && /[。；]/.test(t)) return rowStart === k ? k : k;
      if (k - rowStart > 20) return rowStart; // no attribute cell in sight: not a row
      continue;
    }
    const cells = ls.slice(rowStart, k);
    // a category line precedes the name when the row's first two cells are both names
    let nameAt = 0;
    if (cells.length >= 2 && !isValueCell(cells[0]!.text) && !isValueCell(cells[1]!.text) && !/^[（(]/.test(cells[1]!.text) && cells[0]!.text.length <= 8) {
      category = cells[0]!.text;
      nameAt = 1;
    }
    emitRow(doc, cells.slice(nameAt), columns, ls[k]!.text as TargetAttribute, category, out);
    rowStart = k + 1;
  }
  return ls.length;
}

function isValueCell(t: string): boolean {
  return VALUE_CELL.test(t) || t === '-' || t === '—';
}

function emitRow(doc: DocumentView, cells: Line[], columns: YearColumn[], attribute: TargetAttribute, category: string, out: Candidate[]): void {
  if (cells.length === 0) return;
  // name: the first cell plus continuation cells that start with a bracket ("(亿元)", "(含幼儿园…)(个)")
  let v = 1;
  // match on the normalised cells, but name the indicator with the original characters
  const original = (line: Line) => doc.text.slice(line.start, line.end);
  let name = original(cells[0]!);
  while (v < cells.length && /^[（(]/.test(cells[v]!.text) && !VALUE_CELL.test(cells[v]!.text)) name += original(cells[v++]!);
  const unit = unitOf(name);
  const indicator = name.replace(/[（(][^（()）]*[）)]?\s*$/, '').replace(/%$/, '').trim() || name;
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
  if (paren && /^(?:%|亿元|万元|元|家|件|个|项|人|万人|万家|年|岁|万元\/人|亿美元)$/.test(paren[1]!.trim())) return paren[1]!.trim();
  if (/%\s*$|[（(]%/.test(name)) return '%';
  return '';
}

function cellCandidate(doc: DocumentView, cell: Line, column: YearColumn, indicator: string, unit: string, attribute: TargetAttribute, nameStart: number): Candidate | null {
  const m = VALUE_CELL.exec(cell.text);
  const c = emptyCandidate();
  c.indicator_zh = indicator;
  c.kind = column.kind;
  c.year = column.year;
  c.unit = unit;
  c.attribute = attribute;
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
    c.comparator = m[3] === '以上' ? '>=' : m[3] === '以下' || m[3] === '以内' ? '<=' : column.kind === 'target' ? '=' : '';
  } else if (column.kind === 'target' && cell.text !== '-' && cell.text !== '—') {
    // a target stated in words ("完成新区下达任务"): kept without a number
    c.value = null;
    c.comparator = '=';
  } else {
    return null;
  }
  c.measure = measureOf(indicator, unit);
  c.accumulation = accumulationOf(indicator, indicator, unit, false);
  if (c.accumulation === 'cumulative' && column.kind === 'target' && doc.baseYear !== null) {
    c.period_start = doc.baseYear + 1;
    c.period_end = column.year;
  }
  return c;
}
