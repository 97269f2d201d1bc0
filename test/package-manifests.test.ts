/**
 * Every package's manifest is publishable and its entries resolve: no `private`, a license, engines, `files`;
 * each code entry of `exports` offers `source` (the TypeScript, for the workspace), then `types`, then `import`
 * (the compiled `dist/`, for everyone else), and every target exists (dist/ is built by the tests' global setup).
 * Data entries (a JSON pattern) point at files the package ships.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from './support/build.ts';
import { workspacePackages } from './support/imports.ts';

const rootEngines = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).engines.node;

/** Problems of one package's manifest. */
function manifestProblems(dir: string): string[] {
  const path = join(root, 'packages', dir);
  const m = JSON.parse(readFileSync(join(path, 'package.json'), 'utf8'));
  const problems: string[] = [];
  const need = (ok: boolean, what: string) => {
    if (!ok) problems.push(`${m.name}: ${what}`);
  };
  need(m.private === undefined, 'is private');
  need(m.license === 'MIT', `license is ${m.license}, not MIT (the repository's LICENSE)`);
  need(m.engines?.node === rootEngines, `engines.node is ${m.engines?.node}, not ${rootEngines}`);
  need(m.type === 'module', 'is not "type": "module"');
  need(Array.isArray(m.files) && m.files.includes('dist'), '"files" does not ship dist');
  need(m.main === './dist/index.js' && m.types === './dist/index.d.ts', 'main/types do not point at dist/index');
  need(existsSync(join(path, 'README.md')), 'has no README.md');
  for (const [sub, entry] of Object.entries<unknown>(m.exports ?? {})) {
    if (typeof entry === 'string') {
      need(/\.json$/.test(sub), `exports["${sub}"] is a bare path (code entries need source/types/import)`);
      need(
        m.files.some((f: string) => entry.startsWith(`./${f}/`)),
        `exports["${sub}"] is not in "files"`,
      );
      continue;
    }
    const conditions = entry as Record<string, string>;
    need(
      JSON.stringify(Object.keys(conditions)) === '["source","types","import"]',
      `exports["${sub}"] conditions are ${Object.keys(conditions).join(', ')}, not source, types, import`,
    );
    need(/^\.\/src\/.*\.ts$/.test(conditions.source ?? ''), `exports["${sub}"].source is not src/*.ts`);
    for (const c of ['source', 'types', 'import'])
      need(!!conditions[c] && existsSync(join(path, conditions[c]!)), `exports["${sub}"].${c} does not exist`);
    need(
      conditions.types === conditions.import?.replace(/\.js$/, '.d.ts'),
      `exports["${sub}"].types is not import's .d.ts`,
    );
  }
  if (m.bin)
    for (const [name, file] of Object.entries<string>(m.bin)) {
      need(existsSync(join(path, file)), `bin ${name} (${file}) does not exist`);
      need(!readFileSync(join(path, file), 'utf8').includes('tsx'), `bin ${name} needs tsx`);
    }
  return problems;
}

describe('package manifests', () => {
  const dirs = workspacePackages().map((p) => p.dir);

  it('covers the publishable packages', () => {
    expect(dirs).toEqual(expect.arrayContaining(['core', 'datasets', 'fit', 'forecast', 'scenario', 'charts', 'cli']));
  });

  it.each(dirs)('%s is publishable and its exports resolve to src (source) and dist (types, import)', (dir) => {
    expect(manifestProblems(dir)).toEqual([]);
  });
});
