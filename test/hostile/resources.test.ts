/**
 * Issue 15, resource exhaustion: every reproduction ends quickly with an error that names the limit, instead of
 * allocating gigabytes, reading an endless file or running for minutes.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { assessCommand as assess, columnWidths, extractCommand as extract, runCommand as run } from '@trajectory/cli';
import { LIMITS } from '@trajectory/core';
import { stripHtml } from '@trajectory/extract';
import { expressionFamily } from '@trajectory/fit';
import { parseScenario, ScenarioError, topoOrder } from '@trajectory/scenario';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { capture, put, SCENARIO, tempDir } from './helpers.ts';

afterEach(() => vi.restoreAllMocks());

describe('draws × years × indicators is bounded before anything is allocated', () => {
  it('a schema-valid 1900..2200 scenario with 1e7 draws on two indicators is refused, saying what it needs', async () => {
    const dir = tempDir();
    const file = put(
      dir,
      's.yaml',
      SCENARIO.replace('baseYear: 2020', 'baseYear: 1900')
        .replace('horizon: 2025', 'horizon: 2200')
        .replace('draws: 200', 'draws: 10000000'),
    );
    const c = capture();
    expect(await run([file])).toBe(1);
    expect(c.err()).toMatch(/s\.yaml:4: draws: 10000000 draws × 301 years × 2 series would need about 89\.\d GiB/);
    expect(c.err()).toContain('--memory-budget');
  });

  it('--memory-budget lowers the budget; a bad size is a usage error', async () => {
    const file = put(tempDir(), 's.yaml', SCENARIO);
    const c = capture();
    expect(await run([file, '--memory-budget', '1K'])).toBe(1);
    expect(c.err()).toMatch(/over the budget of 1\.0 KiB/);
    expect(await run([file, '--memory-budget', 'lots'])).toBe(2);
  });

  it('--draws respects the schema maximum of 1e7', async () => {
    const file = put(tempDir(), 's.yaml', SCENARIO);
    const c = capture();
    // a flag value out of range is a usage error (exit 2), before the file is read
    expect(await run([file, '--draws', '100000000'])).toBe(2);
    expect(c.err()).toContain(`(at most ${LIMITS.draws})`);
  });

  it('assess --paths 100000000 is refused; so is a small --memory-budget', async () => {
    const c = capture();
    expect(await assess(['--paths', '100000000'])).toBe(2);
    expect(c.err()).toContain(`--paths must be an integer in 1..${LIMITS.draws}`);
    expect(await assess(['--paths', '1000', '--memory-budget', '1K'])).toBe(1);
    expect(c.err()).toMatch(/would need about .* over the budget of 1\.0 KiB/);
  });
});

describe('endless and special files are refused where a file is expected', () => {
  it('trajectory run /dev/zero', async () => {
    const c = capture();
    expect(await run(['/dev/zero'])).toBe(1);
    expect(c.err()).toContain('/dev/zero is a character device, not a regular file');
  });

  it('trajectory extract /dev/zero', async () => {
    const c = capture();
    expect(await extract(['/dev/zero'])).toBe(1);
    expect(c.err()).toContain('/dev/zero is a character device, not a regular file');
  });

  it('a scenario with data: /dev/zero', async () => {
    const file = put(tempDir(), 's.yaml', `${SCENARIO}data: /dev/zero\n`);
    const c = capture();
    expect(await run([file])).toBe(1);
    expect(c.err()).toMatch(/s\.yaml:11: data: cannot read CSV \/dev\/zero: .*not a regular file/);
  });

  it('a FIFO with no writer does not block', async () => {
    const dir = tempDir();
    const fifo = join(dir, 'plan.txt');
    execFileSync('mkfifo', [fifo]);
    const c = capture();
    expect(await extract([fifo])).toBe(1);
    expect(c.err()).toContain('is a FIFO (named pipe), not a regular file');
  });

  it('files over the stated cap are refused; the cap is adjustable', async () => {
    const dir = tempDir();
    const doc = put(dir, 'plan.txt', '到2025年，高新技术企业达到500家。\n'.repeat(200));
    const c = capture();
    expect(await extract([doc, '--max-file-bytes', '1K'])).toBe(1);
    expect(c.err()).toContain('larger than the input limit of 1024 bytes (raise it with --max-file-bytes)');
    expect(await extract([doc, '--max-file-bytes', '1M'])).toBe(0);
    const big = put(dir, 's.yaml', `${SCENARIO}description: "${'x'.repeat(4000)}"\n`);
    expect(await run([big, '--max-file-bytes', '2K'])).toBe(1);
    expect(c.err()).toContain('larger than the input limit of 2048 bytes');
  });
});

/** Characters `String.prototype.indexOf` examines while `fn` runs (the HTML stripper's scanning work). */
function scannedBy(fn: () => void): number {
  const original = String.prototype.indexOf;
  let scanned = 0;
  // a plain replacement, not a spy: it is called once per '<' and a spy's bookkeeping would dominate
  String.prototype.indexOf = function (this: string, search: string, from?: number): number {
    const start = Math.max(0, from ?? 0);
    const i = original.call(this, search, start);
    scanned += (i < 0 ? this.length : i) - start + 1;
    return i;
  };
  try {
    fn();
  } finally {
    String.prototype.indexOf = original;
  }
  return scanned;
}

describe('HTML stripping is linear on unclosed openers of every kind', () => {
  const openers = ['<script>', '<style>', '<noscript>', '<!--', '<SCRIPT type="x">', '<p', '<a href=', '&#'];
  for (const opener of openers) {
    it(`1 MB of '${opener}'`, () => {
      const text = (n: number) => `<p>x</p>${opener.repeat(Math.ceil(n / opener.length))}`;
      const one = text(1 << 20);
      const two = text(2 << 20);
      let out = '';
      const w1 = scannedBy(() => {
        out = stripHtml(one);
      });
      const w2 = scannedBy(() => stripHtml(two));
      expect(out.startsWith('\nx\n')).toBe(true);
      // linear: the work is a small multiple of the length, and doubling the input at most doubles it (+ slack)
      expect(w1).toBeLessThan(4 * one.length);
      expect(w2 / Math.max(w1, 1)).toBeLessThan(2.2);
    });
  }

  it('closed blocks are still removed (script, style, comment), unclosed ones leave the text', () => {
    expect(stripHtml('a<script>x</script >b<!-- c -->d<style>p{}</STYLE>e')).toBe('a\nbd\ne');
    expect(stripHtml('<script>never closed <p>text')).toBe('never closed \ntext');
  });
});

describe("fit's expressionFamily bounds the expression and the derivative work", () => {
  // exp(-…) rather than exp(…) nested 20 times for the gradient check: the latter overflows at any useful point
  const reproductions = [
    Array(15).fill('(a*t+b)').join('*'),
    `${'a^'.repeat(20)}t`,
    `${'exp(-'.repeat(20)}a*t${')'.repeat(20)}`,
  ];
  it('nested exp( × 20 builds at once', () => {
    const fam = expressionFamily(`${'exp('.repeat(20)}a*t${')'.repeat(20)}`, { params: ['a'] });
    expect(fam.f([0], 0)).toBeGreaterThan(1);
  });
  for (const e of reproductions) {
    it(`${e.slice(0, 24)}… builds, and its gradient agrees with central differences`, () => {
      const fam = expressionFamily(e, { params: ['a', 'b'].filter((p) => e.includes(p)) });
      const theta = fam.params.map(() => 0.1);
      const t = 0.5;
      const g = new Float64Array(theta.length);
      fam.jacobian(theta, t, g);
      for (let j = 0; j < theta.length; j++) {
        const h = 1e-6;
        const up = theta.slice();
        const dn = theta.slice();
        up[j]! += h;
        dn[j]! -= h;
        const fd = (fam.f(up, t) - fam.f(dn, t)) / (2 * h);
        expect(g[j]!).toBeCloseTo(fd, 4);
      }
    });
  }

  it('100k nested parentheses and over-long expressions are refused, naming the limit', () => {
    expect(() => expressionFamily(`${'('.repeat(100000)}a*t${')'.repeat(100000)}`, { params: ['a'] })).toThrow(
      `nested deeper than the limit of ${LIMITS.expressionDepth}`,
    );
    expect(() => expressionFamily(Array(3000).fill('a*t').join('+'), { params: ['a'] })).toThrow(
      `over the limit of ${LIMITS.expressionChars}`,
    );
  });
});

describe('linear work on long inputs', () => {
  it('10,000 chained derived expressions load (the dependency order is linear and not recursive)', () => {
    const lines = [SCENARIO.replace('draws: 200', 'draws: 5'), 'derived:'];
    for (let i = 0; i < 10_000; i++) lines.push(`  d${i}: ${i === 0 ? 'a' : `d${i - 1}`} + 1`);
    const s = parseScenario(lines.join('\n'), 'chain.yaml');
    expect(s.derived).toHaveLength(10_000);
    expect(s.derived[0]!.id).toBe('d0');
    expect(s.derived.at(-1)!.id).toBe('d9999');
    // a 200k chain: a recursive order would overflow the stack
    const deps = new Map<string, string[]>();
    for (let i = 0; i < 200_000; i++) deps.set(`d${i}`, i ? [`d${i - 1}`] : []);
    const order = topoOrder(deps);
    expect(order[0]).toBe('d0');
    expect(order.at(-1)).toBe('d199999');
  });

  it('column widths of a 500k-row table (a spread into Math.max overflows the stack)', () => {
    const rows = Array.from({ length: 500_000 }, (_, i) => [String(i), 'x']);
    expect(columnWidths(rows)).toEqual([6, 1]);
  });
});

describe('deep nesting gives a located error that states the depth limit', () => {
  it('deep YAML', () => {
    const text = `${SCENARIO}description: ${'['.repeat(100000)}${']'.repeat(100000)}\n`;
    expect(() => parseScenario(text, 'deep.yaml')).toThrow(
      new ScenarioError(
        'deep.yaml',
        '(yaml)',
        `nesting deeper than the limit of ${LIMITS.documentDepth} levels (brackets or indentation)`,
        11,
      ),
    );
    const blocks = `${SCENARIO}assumptions:\n${Array.from({ length: 200 }, (_, i) => `${' '.repeat(2 * i + 2)}-`).join('\n')} x\n`;
    expect(() => parseScenario(blocks, 'deep.yaml')).toThrow(/deep\.yaml: \(yaml\): nesting deeper than the limit/);
  });

  it('100k nested parentheses in a derived expression', () => {
    const text = `${SCENARIO}derived:\n  d: "${'('.repeat(100000)}a${')'.repeat(100000)}"\n`;
    expect(() => parseScenario(text, 'deep.yaml')).toThrow(/^deep\.yaml:12: .*nest.*deeper than the limit of 64/);
  });
});

it('the suite cleans up nothing it did not create', () => {
  expect(existsSync('/dev/zero')).toBe(true);
});
