import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeDocument } from '../src/decode.ts';
import { extractCandidates } from '../src/extract.ts';

// Text made of the pieces planning documents are built from, in any order: years, numbers, units, cue words,
// punctuation, line breaks, HTML debris, full-width digits.
const piece = fc.constantFrom(
  '到',
  '2025',
  '年',
  '截至',
  '2020',
  '年底',
  '，',
  ',',
  '。',
  '；',
  '\n',
  '\n\n',
  '、',
  '分别达到',
  '和',
  '家',
  '件',
  '亿元',
  '万人',
  '%',
  '以上',
  '占全市',
  '比',
  '增长',
  '增加',
  '翻番',
  '倍增',
  '十三五',
  '十四五',
  '期末',
  '末',
  '“',
  '”',
  '（',
  '）',
  '(',
  ')',
  '企业',
  '国家级高新技术',
  '专利',
  '雏鹰',
  '瞪羚',
  '146',
  '5.6',
  '-',
  '1/3',
  ':',
  '35.6',
  '千',
  '两',
  '十',
  '万',
  '亿级',
  '规模',
  '指标',
  '2020年基数',
  '2025年目标',
  '预期性',
  '约束性',
  '信创:',
  '<p>',
  '&nbsp;',
  '１２',
  '排名',
  '第五',
  '前十',
  '   ',
);
const documentText = fc.array(piece, { maxLength: 80 }).map((parts) => parts.join(''));

describe('extractCandidates(text): properties over arbitrary documents', () => {
  it('never throws, and every candidate quotes the text exactly with a value inside the quote', () => {
    fc.assert(
      fc.property(documentText, (text) => {
        const { candidates } = extractCandidates(text, { minConfidence: 0 });
        for (const c of candidates) {
          expect(text.includes(c.quote)).toBe(true);
          expect(c.offset).toBeGreaterThanOrEqual(0);
          expect(c.offset).toBeLessThan(text.length);
          expect(c.confidence).toBeGreaterThanOrEqual(0);
          expect(c.confidence).toBeLessThanOrEqual(1);
          if (c.value !== null) expect(Number.isFinite(c.value)).toBe(true);
          if (c.year !== null) expect(Number.isInteger(c.year)).toBe(true);
        }
      }),
      { numRuns: 300, seed: 20260801 },
    );
  });

  it('is deterministic: the same text gives the same candidates', () => {
    fc.assert(
      fc.property(documentText, (text) => {
        expect(extractCandidates(text)).toEqual(extractCandidates(text));
      }),
      { numRuns: 100, seed: 7 },
    );
  });

  it('decodeDocument either returns text or throws an Error naming the file, for arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        try {
          const { text } = decodeDocument(bytes, 'fuzz.bin');
          expect(typeof text).toBe('string');
        } catch (error) {
          expect(error).toBeInstanceOf(Error);
          expect((error as Error).message.startsWith('fuzz.bin: ')).toBe(true);
        }
      }),
      { numRuns: 300, seed: 11 },
    );
  });
});
