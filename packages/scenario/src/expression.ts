/**
 * Derived indicators as mathjs expressions, evaluated in a sandbox (mathjs "Security" page,
 * https://mathjs.org/docs/expressions/security.html): a private mathjs instance whose `import`, `createUnit`,
 * `evaluate`, `parse`, `simplify`, `derivative`, `compile`, `resolve`, `reviver`, ... throw; and, before anything
 * is compiled, an AST walk that admits only numbers, known symbols, arithmetic operators and a whitelist of
 * functions. No property access, no function definitions, no assignment, no strings, matrices or units.
 */
import { bracketDepth, LIMITS } from '@trajectory/core';
import { all, create, type MathNode } from 'mathjs';

const math = create(all!);
// keep private references before disabling them on the instance (the docs' `limitedEvaluate` pattern)
const parse = math.parse.bind(math);
const disabled = (name: string) => () => {
  throw new Error(`function ${name} is disabled in scenario expressions`);
};
math.import(
  Object.fromEntries(
    [
      'import',
      'createUnit',
      'evaluate',
      'parse',
      'simplify',
      'simplifyConstant',
      'simplifyCore',
      'derivative',
      'compile',
      'resolve',
      'reviver',
      'replacer',
      'rationalize',
      'leafCount',
      'symbolicEqual',
      'chain',
      'help',
      'parser',
      'map',
      'forEach',
      'filter',
      'apply',
    ].map((n) => [n, disabled(n)]),
  ),
  { override: true },
);

/** Functions a derived indicator may call. */
export const ALLOWED_FUNCTIONS: readonly string[] = [
  'min',
  'max',
  'abs',
  'sqrt',
  'log',
  'log10',
  'exp',
  'pow',
  'round',
  'floor',
  'ceil',
];
const ALLOWED_OPERATORS = new Set(['add', 'subtract', 'multiply', 'divide', 'unaryMinus', 'unaryPlus', 'pow']);
const FUNCTIONS = new Set(ALLOWED_FUNCTIONS);
/** Arguments each function takes (as mathjs accepts them for numbers): [min, max]. */
const ARITY: Record<string, [number, number]> = {
  min: [1, Number.POSITIVE_INFINITY],
  max: [1, Number.POSITIVE_INFINITY],
  abs: [1, 1],
  sqrt: [1, 1],
  log: [1, 2],
  log10: [1, 1],
  exp: [1, 1],
  pow: [2, 2],
  round: [1, 2],
  floor: [1, 1],
  ceil: [1, 1],
};

/** A compiled, checked expression. `symbols` are the variables it reads, sorted. */
export interface SafeExpression {
  source: string;
  symbols: string[];
  /** evaluates with the sandboxed mathjs instance */
  evaluate(scope: Map<string, number>): number;
  /**
   * The same expression as a tree of plain closures over `vars` (values in the order of `symbols`), for the
   * Monte Carlo inner loop: built only from the whitelisted node types, so it can do nothing `evaluate` cannot.
   * Real-valued: where mathjs would return a complex number (sqrt or log of a negative) it gives NaN.
   */
  fast(vars: Float64Array): number;
}

/**
 * Parses and checks `source`, allowing only `variables` as symbols. Throws an `Error` saying what is refused.
 * @example
 * const e = compileSafeExpression('rd / gdp * 100', ['rd', 'gdp']);
 * e.evaluate(new Map([['rd', 5], ['gdp', 100]])); // 5
 */
export function compileSafeExpression(source: string, variables: Iterable<string>): SafeExpression {
  // a Set is used as given: loading n chained expressions stays linear
  const known = variables instanceof Set ? (variables as Set<string>) : new Set(variables);
  // mathjs parses recursively: refuse deep nesting before it can overflow the stack
  if (bracketDepth(source, LIMITS.expressionDepth) > LIMITS.expressionDepth)
    throw new Error(`expression nested deeper than the limit of ${LIMITS.expressionDepth} levels`);
  if (source.length > LIMITS.expressionChars)
    throw new Error(`expression of ${source.length} characters: the limit is ${LIMITS.expressionChars}`);
  let node: MathNode;
  try {
    node = parse(source);
  } catch (error) {
    if (error instanceof RangeError)
      throw new Error(`expression nested deeper than the limit of ${LIMITS.expressionDepth} levels`);
    throw new Error(`cannot parse expression '${source}': ${(error as Error).message}`);
  }
  const size = treeSize(node);
  if (size.nodes > LIMITS.expressionNodes)
    throw new Error(`expression of more than ${LIMITS.expressionNodes} terms: that is the limit`);
  if (size.depth > LIMITS.expressionDepth)
    throw new Error(`expression nested deeper than the limit of ${LIMITS.expressionDepth} levels`);
  const symbols = new Set<string>();
  check(node, known, symbols);
  const code = node.compile();
  const sorted = [...symbols].sort();
  const fast = toClosure(node, new Map(sorted.map((name, i) => [name, i])));
  return {
    source,
    symbols: sorted,
    fast,
    evaluate(scope) {
      const v = code.evaluate(scope) as unknown;
      if (typeof v !== 'number') throw new Error(`expression '${source}' did not give a number`);
      return v;
    },
  };
}

function check(node: MathNode, known: Set<string>, symbols: Set<string>): void {
  const n = node as MathNode & Record<string, unknown>;
  switch (node.type) {
    case 'ConstantNode':
      if (typeof n.value !== 'number')
        throw new Error(`only numbers are allowed as constants, not ${JSON.stringify(n.value)}`);
      return;
    case 'SymbolNode': {
      const name = n.name as string;
      if (!known.has(name)) {
        const list = [...known].sort();
        throw new Error(
          `unknown symbol '${name}' (known: ${list.slice(0, 30).join(', ')}${list.length > 30 ? `, … ${list.length - 30} more` : ''})`,
        );
      }
      symbols.add(name);
      return;
    }
    case 'ParenthesisNode':
      check(n.content as MathNode, known, symbols);
      return;
    case 'OperatorNode':
      if (!ALLOWED_OPERATORS.has(n.fn as string)) throw new Error(`operator '${n.op as string}' is not allowed`);
      for (const a of n.args as MathNode[]) check(a, known, symbols);
      return;
    case 'FunctionNode': {
      const fn = n.fn as MathNode & { name?: string };
      if (fn.type !== 'SymbolNode' || !fn.name || !FUNCTIONS.has(fn.name)) {
        const name = fn.type === 'SymbolNode' ? fn.name : fn.type;
        throw new Error(`function '${name}' is not allowed (allowed: ${ALLOWED_FUNCTIONS.join(', ')})`);
      }
      const args = n.args as MathNode[];
      const [lo, hi] = ARITY[fn.name]!;
      if (args.length < lo || args.length > hi)
        throw new Error(
          `${fn.name}() takes ${lo === hi ? lo : hi === Number.POSITIVE_INFINITY ? `at least ${lo}` : `${lo} or ${hi}`} argument${lo === 1 && hi !== 2 ? '' : 's'}, got ${args.length}`,
        );
      if (fn.name === 'round' && args[1]?.type === 'ConstantNode') {
        const digits = (args[1] as MathNode & { value: unknown }).value;
        if (!(typeof digits === 'number' && Number.isInteger(digits) && digits >= 0 && digits <= 15))
          throw new Error(`round(): the number of decimals must be an integer in 0..15, got ${String(digits)}`);
      }
      for (const a of n.args as MathNode[]) check(a, known, symbols);
      return;
    }
    case 'AccessorNode':
    case 'IndexNode':
      throw new Error('property or index access is not allowed');
    case 'AssignmentNode':
    case 'FunctionAssignmentNode':
      throw new Error('assignments and function definitions are not allowed');
    default:
      throw new Error(`${node.type} is not allowed`);
  }
}

/** Node count and depth of a parsed tree, iteratively. */
function treeSize(root: MathNode): { nodes: number; depth: number } {
  let nodes = 0;
  let depth = 0;
  const stack: [MathNode, number][] = [[root, 1]];
  while (stack.length) {
    const [node, d] = stack.pop()!;
    nodes++;
    if (d > depth) depth = d;
    if (nodes > LIMITS.expressionNodes) break;
    const n = node as MathNode & { args?: MathNode[]; content?: MathNode };
    if (n.content) stack.push([n.content, d + 1]);
    for (const a of n.args ?? []) stack.push([a, d + 1]);
  }
  return { nodes, depth };
}

type Fn = (v: Float64Array) => number;

const UNARY: Record<string, (x: number) => number> = {
  abs: Math.abs,
  sqrt: Math.sqrt,
  exp: Math.exp,
  log10: Math.log10,
  // mathjs first snaps values nearly equal to an integer (relTol 1e-12, absTol 1e-15) to it
  floor: (x) => (nearlyInteger(x) ? Math.round(x) : Math.floor(x)),
  ceil: (x) => (nearlyInteger(x) ? Math.round(x) : Math.ceil(x)),
};

function nearlyInteger(x: number): boolean {
  const r = Math.round(x);
  return Math.abs(x - r) <= Math.max(1e-12 * Math.max(Math.abs(x), Math.abs(r)), 1e-15);
}

/** Closure tree of a checked AST (only the node types `check` admits reach here). */
function toClosure(node: MathNode, index: Map<string, number>): Fn {
  const n = node as MathNode & Record<string, unknown>;
  switch (node.type) {
    case 'ConstantNode': {
      const c = n.value as number;
      return () => c;
    }
    case 'SymbolNode': {
      const i = index.get(n.name as string)!;
      return (v) => v[i]!;
    }
    case 'ParenthesisNode':
      return toClosure(n.content as MathNode, index);
    case 'OperatorNode': {
      const args = (n.args as MathNode[]).map((a) => toClosure(a, index));
      const [a, b] = args as [Fn, Fn];
      switch (n.fn as string) {
        case 'add':
          return (v) => a(v) + b(v);
        case 'subtract':
          return (v) => a(v) - b(v);
        case 'multiply':
          return (v) => a(v) * b(v);
        case 'divide':
          return (v) => a(v) / b(v);
        case 'pow':
          return (v) => realPow(a(v), b(v));
        case 'unaryMinus':
          return (v) => -a(v);
        case 'unaryPlus':
          return a;
      }
      break;
    }
    case 'FunctionNode': {
      const name = (n.fn as { name: string }).name;
      const args = (n.args as MathNode[]).map((a) => toClosure(a, index));
      const [a, b] = args as [Fn, Fn | undefined];
      if (args.length === 1 && UNARY[name]) {
        const f = UNARY[name]!;
        return name === 'sqrt'
          ? (v) => {
              const x = a(v);
              return x < 0 ? NaN : Math.sqrt(x);
            }
          : (v) => f(a(v));
      }
      if (name === 'log') {
        return b ? (v) => realLog(a(v)) / realLog(b(v)) : (v) => realLog(a(v));
      }
      if (name === 'pow' && b) return (v) => realPow(a(v), b(v));
      if (name === 'round') {
        // mathjs rounds half away from zero, to n decimals (an integer in 0..15; anything else is NaN here)
        return b
          ? (v) => {
              const d = b(v);
              return Number.isInteger(d) && d >= 0 && d <= 15 ? roundHalfAway(a(v), d) : NaN;
            }
          : (v) => roundHalfAway(a(v), 0);
      }
      if (name === 'min' || name === 'max') {
        const pick = name === 'min' ? Math.min : Math.max;
        return (v) => {
          let r = args[0]!(v);
          for (let k = 1; k < args.length; k++) r = pick(r, args[k]!(v));
          return r;
        };
      }
      break;
    }
  }
  // the loader reports the same arity errors mathjs would raise when it evaluates
  throw new Error(`unsupported use of '${node.toString()}'`);
}

function realLog(x: number): number {
  return x < 0 ? NaN : Math.log(x);
}

function realPow(x: number, y: number): number {
  return x < 0 && !Number.isInteger(y) ? NaN : x ** y;
}

function roundHalfAway(x: number, digits: number): number {
  const f = 10 ** digits;
  const r = Math.round(Math.abs(x) * f) / f;
  return x < 0 ? -r : r;
}

/**
 * Orders derived definitions so each comes after those it reads; throws naming the cycle if there is one.
 * Ties keep declaration order, so the order is deterministic.
 * @example topoOrder(new Map([['a', ['b']], ['b', []]])) // ['b', 'a']
 */
export function topoOrder(deps: Map<string, string[]>): string[] {
  const order: string[] = [];
  const state = new Map<string, 1 | 2>(); // 1 visiting, 2 done
  // iterative depth-first search with one shared stack: linear time, and no recursion limit on long chains
  for (const root of deps.keys()) {
    if (state.has(root)) continue;
    const stack: { id: string; next: number }[] = [{ id: root, next: 0 }];
    state.set(root, 1);
    while (stack.length) {
      const top = stack.at(-1)!;
      const ds = deps.get(top.id) ?? [];
      if (top.next < ds.length) {
        const d = ds[top.next++]!;
        if (!deps.has(d)) continue;
        const s = state.get(d);
        if (s === 2) continue;
        if (s === 1) {
          const ids = stack.map((f) => f.id);
          const cycle = [...ids.slice(ids.indexOf(d)), d];
          throw new Error(`cycle among derived indicators: ${cycle.join(' -> ')}`);
        }
        state.set(d, 1);
        stack.push({ id: d, next: 0 });
      } else {
        state.set(top.id, 2);
        order.push(top.id);
        stack.pop();
      }
    }
  }
  return order;
}
