/**
 * Derived indicators as mathjs expressions, evaluated in a sandbox (mathjs "Security" page,
 * https://mathjs.org/docs/expressions/security.html): a private mathjs instance whose `import`, `createUnit`,
 * `evaluate`, `parse`, `simplify`, `derivative`, `compile`, `resolve`, `reviver`, ... throw; and, before anything
 * is compiled, an AST walk that admits only numbers, known symbols, arithmetic operators and a whitelist of
 * functions. No property access, no function definitions, no assignment, no strings, matrices or units.
 */
import { all, create, type MathNode } from 'mathjs';

const math = create(all!);
// keep private references before disabling them on the instance (the docs' `limitedEvaluate` pattern)
const parse = math.parse.bind(math);
const disabled = (name: string) => () => {
  throw new Error(`function ${name} is disabled in scenario expressions`);
};
math.import(
  Object.fromEntries(
    ['import', 'createUnit', 'evaluate', 'parse', 'simplify', 'simplifyConstant', 'simplifyCore', 'derivative',
      'compile', 'resolve', 'reviver', 'replacer', 'rationalize', 'leafCount', 'symbolicEqual', 'chain', 'help',
      'parser', 'map', 'forEach', 'filter', 'apply'].map((n) => [n, disabled(n)]),
  ),
  { override: true },
);

/** Functions a derived indicator may call. */
export const ALLOWED_FUNCTIONS: readonly string[] = ['min', 'max', 'abs', 'sqrt', 'log', 'log10', 'exp', 'pow',
  'round', 'floor', 'ceil'];
const ALLOWED_OPERATORS = new Set(['add', 'subtract', 'multiply', 'divide', 'unaryMinus', 'unaryPlus', 'pow']);
const FUNCTIONS = new Set(ALLOWED_FUNCTIONS);

/** A compiled, checked expression. `symbols` are the variables it reads, sorted. */
export interface SafeExpression {
  source: string;
  symbols: string[];
  evaluate(scope: Map<string, number>): number;
}

/**
 * Parses and checks `source`, allowing only `variables` as symbols. Throws an `Error` saying what is refused.
 * @example
 * const e = compileSafeExpression('rd / gdp * 100', ['rd', 'gdp']);
 * e.evaluate(new Map([['rd', 5], ['gdp', 100]])); // 5
 */
export function compileSafeExpression(source: string, variables: Iterable<string>): SafeExpression {
  const known = new Set(variables);
  let node: MathNode;
  try {
    node = parse(source);
  } catch (error) {
    throw new Error(`cannot parse expression '${source}': ${(error as Error).message}`);
  }
  const symbols = new Set<string>();
  check(node, known, symbols);
  const code = node.compile();
  return {
    source,
    symbols: [...symbols].sort(),
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
      if (typeof n.value !== 'number') throw new Error(`only numbers are allowed as constants, not ${JSON.stringify(n.value)}`);
      return;
    case 'SymbolNode': {
      const name = n.name as string;
      if (!known.has(name)) throw new Error(`unknown symbol '${name}' (known: ${[...known].sort().join(', ')})`);
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

/**
 * Orders derived definitions so each comes after those it reads; throws naming the cycle if there is one.
 * Ties keep declaration order, so the order is deterministic.
 * @example topoOrder(new Map([['a', ['b']], ['b', []]])) // ['b', 'a']
 */
export function topoOrder(deps: Map<string, string[]>): string[] {
  const order: string[] = [];
  const state = new Map<string, 1 | 2>(); // 1 visiting, 2 done
  const visit = (id: string, stack: string[]): void => {
    const s = state.get(id);
    if (s === 2) return;
    if (s === 1) {
      const cycle = [...stack.slice(stack.indexOf(id)), id];
      throw new Error(`cycle among derived indicators: ${cycle.join(' -> ')}`);
    }
    state.set(id, 1);
    for (const d of deps.get(id) ?? []) if (deps.has(d)) visit(d, [...stack, id]);
    state.set(id, 2);
    order.push(id);
  };
  for (const id of deps.keys()) visit(id, []);
  return order;
}
