/**
 * ARCHITECTURE.md's package graph is the code's: the table under "## Package graph" lists, per package, the
 * workspace packages its `src/` imports (marked "(types)" when only types), and it must equal what the sources
 * import, what each package.json declares, and have no cycle.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from './support/build.ts';
import { tsFiles, workspaceImports, workspacePackages } from './support/imports.ts';

const SCOPE = '@trajectory/';

/** package → its entries in the table (`fit (types)` kept as written). */
function documentedGraph(markdown: string): Map<string, string[]> {
  const section = markdown.split(/^## Package graph$/m)[1]?.split(/^## /m)[0];
  if (!section) throw new Error('ARCHITECTURE.md has no "## Package graph" section');
  const graph = new Map<string, string[]>();
  for (const line of section.split('\n')) {
    const cells = /^\|\s*`([a-z-]+)`\s*\|(.*)\|\s*$/.exec(line);
    if (!cells) continue;
    const deps = cells[2]!.trim() === '—' ? [] : cells[2]!.split(',').map((d) => d.trim().replace(/`/g, ''));
    graph.set(cells[1]!, deps.sort());
  }
  return graph;
}

/** The same, from the sources. */
function actualGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const pkg of workspacePackages()) {
    const imports = workspaceImports(tsFiles(join(pkg.path, 'src')));
    imports.delete(pkg.name);
    const deps = [...imports].map(([name, { typeOnly }]) => `${name.slice(SCOPE.length)}${typeOnly ? ' (types)' : ''}`);
    graph.set(pkg.name.slice(SCOPE.length), deps.sort());
  }
  return graph;
}

/** A cycle in the graph, or undefined. */
function findCycle(graph: Map<string, string[]>): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const visit = (node: string, path: string[]): string[] | undefined => {
    if (state.get(node) === 'done') return undefined;
    if (state.get(node) === 'open') return [...path.slice(path.indexOf(node)), node];
    state.set(node, 'open');
    for (const dep of graph.get(node) ?? []) {
      const cycle = visit(dep.replace(' (types)', ''), [...path, node]);
      if (cycle) return cycle;
    }
    state.set(node, 'done');
    return undefined;
  };
  for (const node of graph.keys()) {
    const cycle = visit(node, []);
    if (cycle) return cycle;
  }
  return undefined;
}

describe("ARCHITECTURE.md's package graph", () => {
  const documented = documentedGraph(readFileSync(join(root, 'ARCHITECTURE.md'), 'utf8'));

  it('lists every package with the workspace packages its sources import', () => {
    const sorted = (g: Map<string, string[]>) => Object.fromEntries([...g].sort(([a], [b]) => a.localeCompare(b)));
    expect(sorted(documented)).toEqual(sorted(actualGraph()));
  });

  it("matches each package.json's workspace dependencies", () => {
    for (const pkg of workspacePackages()) {
      const declared = Object.keys(pkg.dependencies)
        .filter((d) => d.startsWith(SCOPE))
        .map((d) => d.slice(SCOPE.length))
        .sort();
      const listed = (documented.get(pkg.name.slice(SCOPE.length)) ?? []).map((d) => d.replace(' (types)', ''));
      expect(listed, pkg.name).toEqual(declared);
    }
  });

  it('has no cycle', () => {
    expect(findCycle(documented)).toBeUndefined();
  });

  it('parses the table and finds cycles (the check can fail)', () => {
    const table =
      '## Package graph\n\n| package | x |\n| --- | --- |\n| `a` | `b` |\n| `b` | `a` (types) |\n| `c` | — |\n';
    const g = documentedGraph(table);
    expect([...g]).toEqual([
      ['a', ['b']],
      ['b', ['a (types)']],
      ['c', []],
    ]);
    expect(findCycle(g)).toEqual(['a', 'b', 'a']);
  });
});
