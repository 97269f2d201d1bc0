/**
 * Issue 15, property-based checks over generated scenarios, series and expressions within the documented limits:
 * every command stays within its budget (refused exactly when the estimate is over it), exit code 0 implies no NaN
 * or null number in the output, and an interrupted `--out` leaves the old output set or the new one, never a mix.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LIMITS, simulationBytes } from '@trajectory/core';
import { expressionFamily, fitCurve } from '@trajectory/fit';
import { project } from '@trajectory/forecast';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCommand as run } from '@trajectory/cli';
import { capture, put, tempDir } from './helpers.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
afterEach(() => vi.restoreAllMocks());

/** Numbers a planner (or an attacker) might write, finite or not. */
const anyNumber = fc.oneof(
  fc.double({ min: -2, max: 2, noNaN: true }),
  fc.double({ min: 0, max: 1e6, noNaN: true }),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1e308, -1e308, 0, -5),
);
const yamlNumber = (v: number): string =>
  Number.isNaN(v)
    ? '.nan'
    : v === Number.POSITIVE_INFINITY
      ? '.inf'
      : v === Number.NEGATIVE_INFINITY
        ? '-.inf'
        : String(v);

/** A derived expression over a and b, within the expression limits. */
const expression: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom('a', 'b', '1', '2', '0', '0.5'),
    fc.tuple(tie('e'), fc.constantFrom('+', '-', '*', '/', '^'), tie('e')).map(([x, op, y]) => `(${x} ${op} ${y})`),
    fc
      .tuple(fc.constantFrom('sqrt', 'log', 'exp', 'abs', 'log10', 'round', 'floor'), tie('e'))
      .map(([f, x]) => `${f}(${x})`),
    fc.tuple(fc.constantFrom('min', 'max', 'pow', 'log'), tie('e'), tie('e')).map(([f, x, y]) => `${f}(${x}, ${y})`),
  ),
})).e;

const scenarioText = fc
  .record({
    baseYear: fc.integer({ min: 1990, max: 2030 }),
    years: fc.integer({ min: 1, max: 12 }),
    draws: fc.integer({ min: 1, max: 300 }),
    base: anyNumber,
    mean: anyNumber,
    sd: anyNumber,
    target: anyNumber,
    factor: fc.option(anyNumber, { nil: undefined }),
    derived: fc.option(expression, { nil: undefined }),
  })
  .map((g) => {
    const horizon = g.baseYear + g.years;
    return [
      'name: generated',
      `baseYear: ${g.baseYear}`,
      `horizon: ${horizon}`,
      `draws: ${g.draws}`,
      'seed: 3',
      'indicators:',
      `  a: { base: ${yamlNumber(g.base)}, growth: { mean: ${yamlNumber(g.mean)}, sd: ${yamlNumber(g.sd)} } }`,
      '  b: { base: 10, growth: { mean: 0.02, sd: 0.01 } }',
      ...(g.derived ? ['derived:', `  d: "${g.derived}"`] : []),
      ...(g.factor !== undefined
        ? ['interventions:', `  - { type: multiply, indicator: a, factor: ${yamlNumber(g.factor)}, year: ${horizon} }`]
        : []),
      'targets:',
      `  - { indicator: a, year: ${horizon}, value: ${yamlNumber(g.target)} }`,
      '',
    ].join('\n');
  });

/** Paths of NaN, ±Infinity or null numbers-to-be in parsed JSON (`null` is what JSON makes of them). */
function badNumbers(v: unknown, path = ''): string[] {
  if (v === null) return [path];
  if (typeof v === 'number') return Number.isFinite(v) ? [] : [path];
  if (Array.isArray(v)) return v.flatMap((x, i) => badNumbers(x, `${path}[${i}]`));
  if (typeof v === 'object') return Object.entries(v as object).flatMap(([k, x]) => badNumbers(x, `${path}.${k}`));
  return [];
}

describe('properties of `trajectory run` over generated scenarios', () => {
  it('exit code 0 implies no NaN or null number in the JSON; any other outcome is a reported error', async () => {
    const dir = tempDir();
    let succeeded = 0;
    await fc.assert(
      fc.asyncProperty(scenarioText, async (text) => {
        const file = put(dir, 's.yaml', text);
        vi.restoreAllMocks();
        const c = capture();
        const code = await run([file, '--json']);
        if (code === 0) {
          succeeded++;
          expect(badNumbers(JSON.parse(c.out())), text).toEqual([]);
        } else {
          expect([1, 2]).toContain(code);
          expect(c.err()).toMatch(/^trajectory run: /m);
        }
      }),
      { numRuns: 60, seed: 15 },
    );
    expect(succeeded).toBeGreaterThan(5); // the property is not vacuous: many generated scenarios run
  });

  it('the memory budget refuses a run exactly when its estimate is over the budget', async () => {
    const dir = tempDir();
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 2000 }),
        fc.integer({ min: 2, max: 40 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 4096 }),
        async (draws, years, series, budgetKiB) => {
          const ids = Array.from({ length: series }, (_, i) => `x${i}`);
          const text = [
            'name: budget',
            'baseYear: 2000',
            `horizon: ${2000 + years - 1}`,
            `draws: ${draws}`,
            'indicators:',
            ...ids.map((id) => `  ${id}: { base: 1, growth: { mean: 0.01, sd: 0.01 } }`),
            '',
          ].join('\n');
          const file = put(dir, 'b.yaml', text);
          vi.restoreAllMocks();
          const c = capture();
          const code = await run([file, '--json', '--memory-budget', `${budgetKiB}K`]);
          const over = simulationBytes(draws, years, series) > budgetKiB * 1024;
          expect(code).toBe(over ? 1 : 0);
          if (over) expect(c.err()).toContain('over the budget');
        },
      ),
      { numRuns: 25, seed: 15 },
    );
  });
});

describe('properties of the numeric APIs over generated series and expressions', () => {
  it('expressionFamily: expressions within the limits build at once, and a fit with NaN is never converged', () => {
    fc.assert(
      fc.property(
        // the scenario's functions that fit does not offer (round, floor) become ones it does (abs, sign)
        expression.map((e) =>
          e
            .replace(/\bb\b/g, 't')
            .replace(/\bround\(/g, 'abs(')
            .replace(/\bfloor\(/g, 'sign('),
        ),
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 4, maxLength: 8 }),
        (e, y) => {
          fc.pre(/\ba\b/.test(e));
          expect(e.length).toBeLessThanOrEqual(LIMITS.expressionChars);
          const fam = expressionFamily(e, { params: ['a'] });
          const fit = fitCurve({ t: y.map((_, i) => i), y }, fam, { maxIterations: 50 });
          if (![...fit.theta, fit.rss].every(Number.isFinite)) expect(fit.status).not.toBe('converged');
        },
      ),
      { numRuns: 60, seed: 15 },
    );
  });

  it('project(): a finite median or a RangeError that says why, for any finite series', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(fc.double({ min: 1e-3, max: 1e6, noNaN: true }), fc.constantFrom(1e-300, 1e300, Number.MAX_VALUE)),
          {
            minLength: 2,
            maxLength: 10,
          },
        ),
        (values) => {
          const years = values.map((_, i) => 2010 + i);
          let median: number[];
          try {
            median = project({ years, values }, { horizon: 2, nPaths: 50, seed: 1 }).median;
          } catch (error) {
            expect(error).toBeInstanceOf(RangeError);
            expect((error as Error).message).toMatch(/project\(series\)/);
            return;
          }
          expect(median.every(Number.isFinite)).toBe(true);
        },
      ),
      { numRuns: 40, seed: 15 },
    );
  });
});

/** Everything under `dir` as relative path -> content. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string, rel: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name), `${rel}${e.name}/`);
      else out[`${rel}${e.name}`] = readFileSync(join(d, e.name), 'utf8');
    }
  };
  walk(dir, '');
  return out;
}

describe('an interrupted --out leaves the old output set or the new one, never a mix', () => {
  it('kill `trajectory run --out` at random moments (SIGTERM and SIGKILL)', { timeout: 300_000 }, async () => {
    const dir = tempDir();
    const text = [
      'name: interrupted',
      'baseYear: 2020',
      'horizon: 2030',
      'draws: 3000',
      'indicators:',
      ...Array.from({ length: 6 }, (_, i) => `  x${i}: { base: ${10 + i}, growth: { mean: 0.03, sd: 0.02 } }`),
      '',
    ].join('\n');
    const file = put(dir, 's.yaml', text);
    capture();
    const reference = join(dir, 'reference');
    expect(await run([file, '--seed', '1', '--out', reference])).toBe(0);
    const oldSet = snapshot(reference);
    expect(await run([file, '--seed', '2', '--out', reference])).toBe(0);
    const newSet = snapshot(reference);
    expect(newSet).not.toEqual(oldSet);
    vi.restoreAllMocks();

    const samples = fc.sample(fc.tuple(fc.integer({ min: 0, max: 4000 }), fc.constantFrom('SIGTERM', 'SIGKILL')), {
      numRuns: 4,
      seed: 15,
    }) as [number, NodeJS.Signals][];
    for (const [k, [delay, signal]] of samples.entries()) {
      const out = join(dir, `out${k}`);
      const prime = capture();
      expect(await run([file, '--seed', '1', '--out', out])).toBe(0);
      expect(prime.out()).toContain('wrote');
      vi.restoreAllMocks();
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', 'packages/cli/src/main.ts', 'run', file, '--seed', '2', '--out', out],
        {
          cwd: root,
          stdio: 'ignore',
        },
      );
      const exited = new Promise<void>((ok) => child.once('exit', () => ok()));
      await Promise.race([new Promise((ok) => setTimeout(ok, delay)), exited]);
      child.kill(signal);
      await exited;
      if (existsSync(out)) {
        const now = snapshot(out);
        expect([oldSet, newSet], `killed after ${delay} ms with ${signal}`).toContainEqual(now);
      } else {
        // SIGKILL between the two renames of the swap: the complete old set waits beside it, and the next write
        // puts it back (writeDirAtomic tidies up after dead processes)
        expect(signal).toBe('SIGKILL');
        const aside = readdirSync(dir).find((n) => n.startsWith(`.out${k}.`) && n.endsWith('.old'));
        expect(aside).toBeDefined();
        expect(snapshot(join(dir, aside!))).toEqual(oldSet);
      }
    }
  });
});
