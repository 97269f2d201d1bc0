import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// Every function a package exports carries an @example in its TSDoc (the API reference shows it), so the reference
// never lists a function without showing how it is called.
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const entries = [
  ...['core', 'datasets', 'fit', 'forecast', 'scenario', 'charts', 'extract'].map((p) => `${p}/src/index.ts`),
  'core/src/node.ts',
  'datasets/src/node.ts',
  'charts/src/render.ts',
].map((e) => join(root, 'packages', e));

function exportedFunctionsWithoutExample(): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(
    join(root, 'tsconfig.json'),
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} },
  )!;
  const program = ts.createProgram(entries, config.options);
  const checker = program.getTypeChecker();
  const missing: string[] = [];
  for (const [i, entry] of entries.entries()) {
    const moduleSymbol = checker.getSymbolAtLocation(program.getSourceFile(entry)!)!;
    for (const exported of checker.getExportsOfModule(moduleSymbol)) {
      const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      for (const decl of symbol.declarations ?? []) {
        const isFunction =
          ts.isFunctionDeclaration(decl) ||
          (ts.isVariableDeclaration(decl) &&
            !!decl.initializer &&
            (ts.isArrowFunction(decl.initializer) || ts.isFunctionExpression(decl.initializer)));
        if (!isFunction || !decl.getSourceFile().fileName.startsWith(join(root, 'packages'))) continue;
        const node = ts.isVariableDeclaration(decl) ? decl.parent.parent : decl;
        const hasExample = ts.getJSDocTags(node).some((t) => t.tagName.text === 'example');
        if (!hasExample) missing.push(`${entries[i]!.slice(root.length)}: ${exported.name}`);
        break;
      }
    }
  }
  return [...new Set(missing)].sort();
}

describe('API reference examples', () => {
  it('every exported function has an @example', { timeout: 120_000 }, () => {
    expect(exportedFunctionsWithoutExample()).toEqual([]);
  });
});
