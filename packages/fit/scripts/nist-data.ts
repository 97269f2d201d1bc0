/**
 * Loads the NIST StRD problems from `<repo>/../shared/data/nist-strd` (index.json + the data rows of each .dat file).
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ddFromDecimal } from './double-double.ts';

export interface NistProblem {
  name: string;
  kind: 'nonlinear' | 'linear';
  numParameters: number;
  parameterNames: string[];
  start1?: number[];
  start2?: number[];
  certifiedValues: number[];
  certifiedStdDevs: number[];
  residualSumOfSquares: number;
  /** Response values (log y for Nelson). */
  y: number[];
  /** Predictor rows (one array per observation). */
  x: number[][];
  /** Rounding errors of y as read (exact decimal − double), for double-double residuals (NaN-free; 0 for Nelson). */
  yLo: number[];
  /** Rounding errors of the predictors as read. */
  xLo: number[][];
}

/** Directory of the NIST data: `../shared/data/nist-strd` next to the repository, else /work/shared. */
export function nistDirectory(): string {
  const local = fileURLToPath(new URL('../../../../shared/data/nist-strd/', import.meta.url));
  return existsSync(`${local}index.json`) ? local : '/work/shared/data/nist-strd/';
}

interface IndexEntry extends Omit<NistProblem, 'x' | 'y'> {
  file: string;
  dataLines: [number, number];
}

/** All 38 problems (27 nonlinear, then 11 linear) with their data. */
export function loadNist(dir = nistDirectory()): NistProblem[] {
  const index = JSON.parse(readFileSync(`${dir}index.json`, 'utf8')) as { problems: IndexEntry[] };
  return index.problems.map((p) => {
    const lines = readFileSync(`${dir}${p.file}`, 'utf8').split(/\r?\n/);
    const y: number[] = [];
    const x: number[][] = [];
    const yLo: number[] = [];
    const xLo: number[][] = [];
    for (let k = p.dataLines[0]; k <= p.dataLines[1]; k++) {
      const tokens = lines[k - 1]!.trim().split(/\s+/);
      const v = tokens.map(Number);
      y.push(p.name === 'Nelson' ? Math.log(v[0]!) : v[0]!);
      yLo.push(p.name === 'Nelson' ? 0 : ddFromDecimal(tokens[0]!)[1]);
      x.push(v.slice(1));
      xLo.push(tokens.slice(1).map((tk) => ddFromDecimal(tk)[1]));
    }
    const { file: _f, dataLines: _d, ...rest } = p;
    return { ...rest, y, x, yLo, xLo };
  });
}

/** Log relative error −log10(|est − cert| / |cert|), clipped to [0, digits]; exact → digits. */
export function lre(estimate: number, certified: number, digits: number): number {
  if (!Number.isFinite(estimate)) return 0;
  const err = certified === 0 ? Math.abs(estimate) : Math.abs(estimate - certified) / Math.abs(certified);
  if (err === 0) return digits;
  return Math.max(0, Math.min(digits, -Math.log10(err)));
}
