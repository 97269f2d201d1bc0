/**
 * What the workspace's TypeScript files import, as the TypeScript compiler reads it (static imports and exports,
 * `import type`, dynamic `import()`), and what each package declares. Used by the import-boundary and
 * architecture tests.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { root } from './build.ts';

/** A workspace package: its directory name, manifest fields and where its files are. */
export interface WorkspacePackage {
  dir: string;
  name: string;
  path: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
  exports: Record<string, unknown>;
}

/** One import of one file. */
export interface ImportRef {
  file: string;
  specifier: string;
}

const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'));

export const rootManifest = readJson(join(root, 'package.json')) as {
  devDependencies?: Record<string, string>;
  dependencies?: Record<string, string>;
};

export function workspacePackages(): WorkspacePackage[] {
  const base = join(root, 'packages');
  return readdirSync(base)
    .filter((d) => existsSync(join(base, d, 'package.json')))
    .map((dir) => {
      const m = readJson(join(base, dir, 'package.json'));
      return {
        dir,
        name: m.name,
        path: join(base, dir),
        dependencies: m.dependencies ?? {},
        devDependencies: m.devDependencies ?? {},
        peerDependencies: m.peerDependencies ?? {},
        exports: typeof m.exports === 'string' || !m.exports ? { '.': m.exports } : m.exports,
      };
    });
}

/** TypeScript files under `dir` (recursively), skipping node_modules and build output. */
export function tsFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.name === 'node_modules' || e.name === 'dist') return [];
    const p = join(dir, e.name);
    if (e.isDirectory()) return tsFiles(p);
    return /\.(ts|mts)$/.test(e.name) && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

/** Every module specifier `file` imports or re-exports (static, type-only and dynamic with a literal). */
export function importsOf(file: string): ImportRef[] {
  const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return info.importedFiles.map((f) => ({ file, specifier: f.fileName }));
}

const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

export function isBuiltin(specifier: string): boolean {
  return specifier.startsWith('node:') || builtins.has(specifier);
}

export function isRelative(specifier: string): boolean {
  return specifier.startsWith('./') || specifier.startsWith('../');
}

/** `@scope/name/sub` → `@scope/name`; `name/sub` → `name`. */
export function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/** The subpath of a bare specifier within its package: `@a/b/c.json` → `./c.json`, `@a/b` → `.`. */
export function subpath(specifier: string): string {
  const rest = specifier.slice(packageName(specifier).length);
  return rest ? `.${rest}` : '.';
}

/** Whether `sub` is one of the subpaths a package's `exports` map offers (with `*` patterns). */
export function isExported(pkg: WorkspacePackage, sub: string): boolean {
  return Object.keys(pkg.exports).some((key) => {
    if (!key.includes('*')) return key === sub;
    const [pre, post] = key.split('*') as [string, string];
    return sub.startsWith(pre) && sub.endsWith(post) && sub.length >= pre.length + post.length;
  });
}

/** Absolute path a relative specifier points at (without resolving extensions). */
export function target(ref: ImportRef): string {
  return resolve(dirname(ref.file), ref.specifier);
}

/** Path relative to the repository root, with forward slashes (for messages). */
export function rel(path: string): string {
  return relative(root, path).split(sep).join('/');
}

/**
 * The workspace packages (`@trajectory/*`) the files import, each with whether every import of it is type-only
 * (`import type`, `export type`, or only `type`-marked names).
 */
export function workspaceImports(files: string[]): Map<string, { typeOnly: boolean }> {
  const out = new Map<string, { typeOnly: boolean }>();
  const note = (specifier: string, typeOnly: boolean) => {
    if (!specifier.startsWith('@trajectory/')) return;
    const name = packageName(specifier);
    out.set(name, { typeOnly: (out.get(name)?.typeOnly ?? true) && typeOnly });
  };
  for (const file of files) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
        const clause = node.importClause;
        const named = clause?.namedBindings;
        const allTypeNames =
          !!named && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly);
        note(node.moduleSpecifier.text, !!clause && (clause.isTypeOnly || (!clause.name && allTypeNames)));
      } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
        const named = node.exportClause;
        const allTypeNames =
          !!named && ts.isNamedExports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly);
        note(node.moduleSpecifier.text, node.isTypeOnly || allTypeNames);
      } else if (
        ts.isCallExpression(node) &&
        node.expression.kind === ts.SyntaxKind.ImportKeyword &&
        node.arguments[0] &&
        ts.isStringLiteral(node.arguments[0])
      ) {
        note(node.arguments[0].text, false);
      } else if (
        ts.isImportTypeNode(node) &&
        ts.isLiteralTypeNode(node.argument) &&
        ts.isStringLiteral(node.argument.literal)
      ) {
        note(node.argument.literal.text, true);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return out;
}
