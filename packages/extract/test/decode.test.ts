import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeDocument } from '../src/decode.ts';
import { extractCandidates } from '../src/extract.ts';
import { stripHtml } from '../src/html.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));

describe('decodeDocument(bytes, file)', () => {
  it('decodes UTF-8 without warnings', () => {
    const { text, encoding, warnings } = decodeDocument(fixture('utf8-sample.txt'), 'utf8-sample.txt');
    expect(encoding).toBe('utf-8');
    expect(warnings).toEqual([]);
    expect(text).toContain('国家级高新技术企业146家');
  });

  it('detects GBK (generated once with `iconv -f utf-8 -t gbk`), decodes it and says so', () => {
    const bytes = fixture('gbk-sample.txt');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const { text, encoding, warnings } = decodeDocument(bytes, 'gbk-sample.txt');
    expect(encoding).toBe('gb18030');
    expect(warnings).toEqual(['gbk-sample.txt: not UTF-8; decoded as GBK/GB18030']);
    expect(text).toBe(readFileSync(new URL('./fixtures/utf8-sample.txt', import.meta.url), 'utf8'));
    const values = extractCandidates(text).candidates.map((c) => [c.kind, c.year, c.value, c.unit]);
    expect(values).toEqual([
      ['observed', 2020, 146, '家'],
      ['target', 2025, 18, '万人'],
    ]);
  });

  it('keeps UTF-8 with a few damaged bytes, replacing them and saying where', () => {
    const good = new TextEncoder().encode('截至2020年底，国家级高新技术企业146家。'.repeat(10));
    const bytes = good.slice();
    bytes[40] = 0xff; // damage the lead byte of 企 (19 bytes of 截至2020年底，, then 7 characters of 3 bytes)
    const { text, encoding, warnings } = decodeDocument(bytes, 'damaged.txt');
    expect(encoding).toBe('utf-8');
    expect(warnings).toEqual([
      'damaged.txt: 1 invalid UTF-8 byte sequence(s) replaced by U+FFFD (first near offset 40)',
    ]);
    expect(text).toContain('\uFFFD');
    expect(extractCandidates(text).candidates.filter((c) => c.value === 146).length).toBeGreaterThanOrEqual(9);
  });

  it('strips a UTF-8 byte-order mark', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('企业10家')]);
    expect(decodeDocument(bytes, 'bom.txt').text).toBe('企业10家');
  });

  it('rejects an empty file with a message naming it', () => {
    expect(() => decodeDocument(new Uint8Array(), 'empty.txt')).toThrow('empty.txt: empty file');
  });

  it('rejects whitespace-only and markup-only files', () => {
    expect(() => decodeDocument(new TextEncoder().encode(' \n\t\n'), 'blank.txt')).toThrow('blank.txt: no text');
    expect(() => decodeDocument(new TextEncoder().encode('<html><body></body></html>'), 'tags.html')).toThrow(
      'tags.html: no text',
    );
  });

  it('rejects binary data (a PNG header) with the offset of the first NUL byte', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]);
    expect(() => decodeDocument(png, 'chart.png')).toThrow(
      'chart.png: binary data (NUL byte at offset 8), not a text document',
    );
  });

  it('rejects bytes that are neither UTF-8 nor GB18030', () => {
    // 0x80 alone is invalid in UTF-8 and is not a GB18030 lead byte
    const bytes = new Uint8Array([0x41, 0x42, 0x80, 0x80, 0xff, 0xff]);
    expect(() => decodeDocument(bytes, 'bad.txt')).toThrow(
      /^bad\.txt: not valid UTF-8 or GB18030 text \(invalid byte sequence near offset 2\)$/,
    );
  });

  it('removes HTML debris (tags, entities, script and style blocks) and warns', () => {
    const html =
      '<html><head><style>p{color:red}</style><script>var x = "到2099年达到999家";</script></head>' +
      '<body><p>截至2020年底，国家级高新技术企业&nbsp;146家&#65292;雏鹰企业78家。</p><!-- 到2030年100家 --></body></html>';
    const { text, warnings } = decodeDocument(new TextEncoder().encode(html), 'page.html');
    expect(warnings).toEqual(['page.html: HTML markup removed']);
    expect(text).not.toMatch(/[<>]|&nbsp;|999|2030/);
    const values = extractCandidates(text).candidates.map((c) => [c.year, c.value, c.indicator_zh]);
    expect(values).toEqual([
      [2020, 146, '国家级高新技术企业'],
      [2020, 78, '雏鹰企业'],
    ]);
  });
});

describe('stripHtml(text)', () => {
  it('decodes named, decimal and hexadecimal entities', () => {
    expect(stripHtml('A&amp;B &lt;1&gt; &#20013;&#x56FD; &ldquo;x&rdquo;')).toBe('A&B <1> 中国 “x”');
  });
  it('keeps unknown entities as they are', () => {
    expect(stripHtml('&unknownthing; &#xZZ;')).toBe('&unknownthing; &#xZZ;');
  });
});
