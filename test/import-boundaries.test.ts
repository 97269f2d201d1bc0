/**
 * Import boundaries, from what the TypeScript files actually import:
 * - a package's `src/` imports only its `dependencies` (and Node built-ins); its tests, scripts and benchmarks also
 *   their `devDependencies` and the root's dev tools;
 * - another workspace package is reached only through a subpath its `exports` offers, never by a relative path
 *   into its directory (`../../other/src/...`); the repository's own tests and scripts never reach into
 *   `packages/` by path at all;
 * - no package declares a dependency it never imports (the one deliberate exception is listed with its reason).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from './support/build.ts';
import {
  importsOf,
  isBuiltin,
  isExported,
  isRelative,
  packageName,
  rel,
  rootManifest,
  subpath,
  target,
  tsFiles,
  type WorkspacePackage,
  workspacePackages,
} from './support/imports.ts';

/** Dependencies declared on purpose without an import, per package, with the reason. */
const FLECHETTE = 'pins arquero’s @uwdata/flechette to 2.6 for npm users (2.7 needs a package the registry lacks)';
const DECLARED_WITHOUT_IMPORT: Record<string, Record<string, string>> = {
  '@trajectory/core': { '@uwdata/flechette': FLECHETTE },
  '@trajectory/datasets': { '@uwdata/flechette': FLECHETTE },
  '@trajectory/extract': { '@uwdata/flechette': FLECHETTE },
  '@trajectory/charts': { 'vega-embed': 'its browser build is copied into the HTML report (src/report/assets.ts)' },
};

const packages = workspacePackages();
const byName = new Map(packages.map((p) => [p.name, p]));
const rootDev = new Set([
  ...Object.keys(rootManifest.devDependencies ?? {}),
  ...Object.keys(rootManifest.dependencies ?? {}),
]);
const packagesDir = join(root, 'packages');

const inside = (path: string, dir: string) => path === dir || path.startsWith(`${dir}/`);

/** Problems with one bare specifier imported by `file`, given the package names it may use. */
function bareProblems(file: string, specifier: string, allowed: Set<string>, what: string): string[] {
  if (isBuiltin(specifier)) return [];
  const name = packageName(specifier);
  const problems: string[] = [];
  if (!allowed.has(name)) problems.push(`${rel(file)} imports '${specifier}', which is not among ${what}`);
  const ws = byName.get(name);
  if (ws && !isExported(ws, subpath(specifier)))
    problems.push(`${rel(file)} imports '${specifier}', a subpath ${name} does not export`);
  return problems;
}

function packageProblems(pkg: WorkspacePackage): string[] {
  const deps = new Set([...Object.keys(pkg.dependencies), ...Object.keys(pkg.peerDependencies), pkg.name]);
  const devAllowed = new Set([...deps, ...Object.keys(pkg.devDependencies), ...rootDev]);
  const src = join(pkg.path, 'src');
  const runtime = tsFiles(src);
  const dev = tsFiles(pkg.path).filter((f) => !inside(f, src));
  const problems: string[] = [];
  const usedAtRuntime = new Set<string>();
  const usedInDev = new Set<string>();
  for (const [files, allowed, used, what] of [
    [runtime, deps, usedAtRuntime, `${pkg.name}'s dependencies`],
    [dev, devAllowed, usedInDev, `${pkg.name}'s dependencies or devDependencies or the root's`],
  ] as const) {
    for (const ref of files.flatMap(importsOf)) {
      if (isRelative(ref.specifier)) {
        const to = target(ref);
        // sources stay in their package; tests and scripts may also use the repository's shared test/script
        // helpers, but never another package's files
        const ok = files === runtime ? inside(to, pkg.path) : inside(to, pkg.path) || !inside(to, packagesDir);
        if (!ok) problems.push(`${rel(ref.file)} imports '${ref.specifier}' by path, outside ${rel(pkg.path)}`);
        continue;
      }
      if (!isBuiltin(ref.specifier)) used.add(packageName(ref.specifier));
      problems.push(...bareProblems(ref.file, ref.specifier, allowed, what));
    }
  }
  for (const name of Object.keys(pkg.dependencies))
    if (!usedAtRuntime.has(name) && !(name in (DECLARED_WITHOUT_IMPORT[pkg.name] ?? {})))
      problems.push(`${pkg.name} declares the dependency ${name} but its src/ never imports it`);
  for (const name of Object.keys(pkg.devDependencies)) {
    const typed = name.startsWith('@types/') ? name.slice('@types/'.length) : undefined;
    const used = usedInDev.has(name) || usedAtRuntime.has(name) || (typed !== undefined && usedAtRuntime.has(typed));
    if (!used) problems.push(`${pkg.name} declares the devDependency ${name} but nothing in it imports it`);
  }
  return problems;
}

describe('import boundaries', () => {
  it('finds the packages and their imports (the check sees something)', () => {
    expect(packages.map((p) => p.dir)).toEqual(expect.arrayContaining(['core', 'fit', 'forecast', 'cli']));
    const forecast = byName.get('@trajectory/forecast')!;
    const specifiers = tsFiles(join(forecast.path, 'src'))
      .flatMap(importsOf)
      .map((r) => r.specifier);
    expect(specifiers).toContain('@trajectory/core');
  });

  it.each(packages.map((p) => [p.name, p] as const))(
    '%s imports only what it declares, and uses all it declares',
    (_, pkg) => {
      expect(packageProblems(pkg)).toEqual([]);
    },
  );

  it("the repository's tests, scripts and examples use packages only through their public entries", () => {
    const files = ['test', 'scripts', 'examples'].flatMap((d) => tsFiles(join(root, d)));
    files.push(join(root, 'vitest.config.ts'));
    const problems = files.flatMap(importsOf).flatMap((ref) => {
      if (isRelative(ref.specifier))
        return inside(target(ref), packagesDir) ? [`${rel(ref.file)} imports '${ref.specifier}' by path`] : [];
      return bareProblems(ref.file, ref.specifier, rootDev, "the root's devDependencies");
    });
    expect(problems).toEqual([]);
  });

  it('reports what it should: a path into another package, an undeclared and an unused dependency', () => {
    const pkg = byName.get('@trajectory/fit')!;
    const fake: WorkspacePackage = { ...pkg, dependencies: { ...pkg.dependencies, 'left-pad': '1' } };
    expect(packageProblems(fake)).toContain(
      `${pkg.name} declares the dependency left-pad but its src/ never imports it`,
    );
    const file = join(root, 'x.ts');
    expect(bareProblems(file, 'vega/sub', new Set(), 'nothing')).toEqual([
      "x.ts imports 'vega/sub', which is not among nothing",
    ]);
    expect(bareProblems(file, '@trajectory/core/src/index.ts', new Set(['@trajectory/core']), 'x')).toEqual([
      "x.ts imports '@trajectory/core/src/index.ts', a subpath @trajectory/core does not export",
    ]);
    expect(bareProblems(file, 'node:fs', new Set(), 'nothing')).toEqual([]);
  });
});
