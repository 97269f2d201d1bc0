/**
 * Benchmark: extraction stays linear in the length of one huge line (no newline, no 。), the shape that once made
 * it quadratic. Each row times the same text at 1 MB and at 256 kB (fastest of 5 interleaved runs) and compares
 * throughputs: ratio = MB/s at 1 MB / MB/s at 256 kB, so 1 is linear and 0.25 quadratic; the bar is 0.5. Timed
 * here, not in the unit tests, whose machine may be saturated by parallel test files.
 */
import { extractCandidates } from '../src/index.ts';
import type { Benchmark } from '../../../scripts/lib/peers.ts';

const LINES: Record<string, { unit: string; minConfidence?: number }> = {
  'extract, one dated line': { unit: '截至2020年底，国家级高新技术企业146家，专利1296件，技术合同成交额55亿元' },
  'extract, one undated line of every form': {
    unit:
      '国家奖9项，雏鹰、瞪羚分别达到1家、2家，企业10家，占全市5%，位居全市第五，仅为苏州的1/3、' +
      '二三产比例35.6:64.4,较2016年的46.8:53.2，实现企业倍增，雏鹰企业105, 瞪羚企业16家，达到 家以上，1500亿级产业集群，',
    minConfidence: 0,
  },
};

function repeatTo(unit: string, bytes: number): string {
  return unit.repeat(Math.ceil(bytes / Buffer.byteLength(unit)));
}

function seconds(text: string, minConfidence?: number): number {
  const t0 = performance.now();
  extractCandidates(text, minConfidence === undefined ? {} : { minConfidence });
  return (performance.now() - t0) / 1000;
}

/**
 * The linearity rows (see the module comment).
 * @example const rows = await benchmarks((line) => process.stderr.write(`${line}\n`));
 */
export async function benchmarks(log: (line: string) => void): Promise<Benchmark[]> {
  const rows: Benchmark[] = [];
  for (const [name, { unit, minConfidence }] of Object.entries(LINES)) {
    const small = repeatTo(unit, 256 * 1024);
    const big = repeatTo(unit, 1024 * 1024);
    let bestSmall = Infinity;
    let bestBig = Infinity;
    for (let i = 0; i < 5; i++) {
      bestSmall = Math.min(bestSmall, seconds(small, minConfidence));
      bestBig = Math.min(bestBig, seconds(big, minConfidence));
    }
    const mbps = (text: string, s: number) => Buffer.byteLength(text) / 1e6 / s;
    const value = mbps(big, bestBig);
    const peerValue = mbps(small, bestSmall);
    log(`${name}: 1 MB in ${bestBig.toFixed(2)} s, 256 kB in ${bestSmall.toFixed(2)} s`);
    rows.push({
      name,
      value,
      unit: 'MB/s',
      peer: 'same at 256 kB',
      peerValue,
      ratio: value / peerValue,
      notes: { bar: 'ratio >= 0.5 (linear 1, quadratic 0.25)' },
    });
  }
  return rows;
}
