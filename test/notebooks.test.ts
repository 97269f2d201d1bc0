import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { executeNotebook, listNotebooks, notebookProblems } from '../scripts/notebooks.ts';

const notebooks = listNotebooks();

describe('notebooks', () => {
  it('there are notebooks to run', () => {
    expect(notebooks.length).toBeGreaterThan(0);
  });

  for (const nb of notebooks) {
    it(`${basename(nb)} is saved with outputs and no errors`, () => {
      // what a reader sees on the code host: outputs, a chart among them, and no error
      const saved = readFileSync(nb, 'utf8');
      expect(saved).toMatch(/"outputs": \[\s*\{/);
      expect(saved).toContain('image/svg+xml');
      expect(notebookProblems(nb)).toEqual([]);
    });

    it(`${basename(nb)} executes on this checkout without a cell error`, { timeout: 300_000 }, () => {
      const out = join(mkdtempSync(join(tmpdir(), 'trajectory-nb-')), basename(nb));
      executeNotebook(nb, out);
      expect(notebookProblems(out)).toEqual([]);
    });
  }
});
