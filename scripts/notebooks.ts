/**
 * `pnpm run notebooks [name...]`: executes the TypeScript notebooks in `notebooks/` with Jupyter (nbconvert + the
 * tslab kernel) and saves them with their outputs, so they read well on a code host. The tests execute them too
 * (test/notebooks.test.ts) into a temporary folder, failing on any cell error.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const notebooksDir = resolve(dirname(fileURLToPath(import.meta.url)), '../notebooks');
const binDir = resolve(notebooksDir, '../node_modules/.bin');

export function listNotebooks(): string[] {
  return readdirSync(notebooksDir)
    .filter((f) => f.endsWith('.ipynb'))
    .sort()
    .map((f) => join(notebooksDir, f));
}

/** Executes `notebook` and writes the executed copy to `outPath`; throws with nbconvert's message if a cell fails. */
export function executeNotebook(notebook: string, outPath: string, timeoutSeconds = 300): void {
  execFileSync(
    '/usr/bin/jupyter',
    [
      'nbconvert',
      '--to',
      'notebook',
      '--execute',
      `--ExecutePreprocessor.timeout=${timeoutSeconds}`,
      '--output',
      basename(outPath),
      '--output-dir',
      dirname(outPath),
      notebook,
    ],
    {
      cwd: notebooksDir,
      env: {
        ...process.env,
        PATH: `${binDir}:${process.env.PATH ?? ''}`,
        // the kernel requires the workspace packages (CommonJS): through their TypeScript sources, as the tests do
        NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --conditions=source`.trim(),
      },
      stdio: 'pipe',
    },
  );
}

/** The error and stderr outputs of an executed notebook (tslab reports type errors on stderr). */
export function notebookProblems(path: string): string[] {
  const nb = JSON.parse(readFileSync(path, 'utf8')) as {
    cells: {
      cell_type: string;
      outputs?: { output_type: string; name?: string; text?: string[] | string; ename?: string; evalue?: string }[];
    }[];
  };
  const problems: string[] = [];
  nb.cells.forEach((cell, i) => {
    for (const out of cell.outputs ?? []) {
      if (out.output_type === 'error') problems.push(`cell ${i + 1}: ${out.ename}: ${out.evalue}`);
      if (out.output_type === 'stream' && out.name === 'stderr') {
        problems.push(`cell ${i + 1}: stderr: ${[out.text ?? ''].flat().join('')}`);
      }
    }
  });
  return problems;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const only = process.argv.slice(2).filter((a) => a !== '--');
  for (const nb of listNotebooks().filter((p) => only.length === 0 || only.some((o) => p.includes(o)))) {
    process.stderr.write(`executing ${basename(nb)}\n`);
    executeNotebook(nb, nb);
    const problems = notebookProblems(nb);
    if (problems.length) throw new Error(`${basename(nb)}:\n${problems.join('\n')}`);
  }
}
