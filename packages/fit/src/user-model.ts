import { bracketDepth, LIMITS } from '@trajectory/core';
import { derivative, parse, type EvalFunction, type MathNode } from 'mathjs';
import type { FamilyBounds, GrowthFamily } from './family.ts';

/** Specification of a user-defined family given as a TypeScript function. */
export interface UserFamilySpec {
  name: string;
  /** Parameter names in θ order. */
  params: string[];
  /** Model value at τ = t − origin. */
  f(theta: ArrayLike<number>, t: number): number;
  /** Optional analytic gradient; central finite differences otherwise. */
  jacobian?(theta: ArrayLike<number>, t: number, out: Float64Array): void;
  /** Start values (θ order), or a function of the data. @default all 1 */
  start?: number[] | ((t: ArrayLike<number>, y: ArrayLike<number>) => number[]);
  describe?: string;
  bounds?: FamilyBounds;
  /** @default params.length */
  minPoints?: number;
}

const CBRT_EPS = 6.055454452393343e-6;

/**
 * Builds a {@link GrowthFamily} from a TypeScript function with named parameters. A missing gradient is computed by
 * central differences (step ε^(1/3)·max(|θⱼ|, 1)). Exceptions or NaN from `f` are not caught here: the solver turns
 * them into a `non-finite` status.
 *
 * @example
 * const hyperbolic = defineFamily({ name: 'hyperbolic', params: ['a', 'b'], f: (th, t) => th[0]! / (1 + th[1]! * t), start: [10, 0.1] });
 * fitCurve(series, hyperbolic);
 */
export function defineFamily(spec: UserFamilySpec): GrowthFamily {
  const p = spec.params.length;
  if (typeof spec.name !== 'string' || spec.name === '') throw new TypeError('defineFamily requires a non-empty name');
  if (p < 1 || new Set(spec.params).size !== p)
    throw new TypeError(`defineFamily(${spec.name}) requires distinct parameter names`);
  if (typeof spec.f !== 'function') throw new TypeError(`defineFamily(${spec.name}) requires a function f(theta, t)`);
  const f = spec.f;
  const work = new Float64Array(p);
  const jacobian =
    spec.jacobian ??
    ((theta: ArrayLike<number>, t: number, out: Float64Array): void => {
      for (let j = 0; j < p; j++) work[j] = theta[j]!;
      for (let j = 0; j < p; j++) {
        const x = work[j]!;
        const h = CBRT_EPS * Math.max(Math.abs(x), 1);
        work[j] = x + h;
        const fp = f(work, t);
        work[j] = x - h;
        const fm = f(work, t);
        work[j] = x;
        out[j] = (fp - fm) / (2 * h);
      }
    });
  const start = spec.start;
  return {
    name: spec.name,
    params: spec.params.slice(),
    describe: spec.describe ?? `user-defined model ${spec.name}(${spec.params.join(', ')})`,
    f,
    jacobian,
    init: (t, y) => {
      const s = typeof start === 'function' ? start(t, y) : (start ?? new Array<number>(p).fill(1));
      if (s.length !== p || !s.every(Number.isFinite))
        throw new RangeError(`fit(${spec.name}) requires ${p} finite start values`);
      return s.slice();
    },
    bounds: spec.bounds,
    minPoints: spec.minPoints ?? p,
  };
}

/** Functions allowed in expressions: elementary functions only (no assignment, no access to the mathjs scope). */
const ALLOWED_FUNCTIONS = new Set([
  'exp',
  'log',
  'log10',
  'log2',
  'log1p',
  'expm1',
  'sqrt',
  'cbrt',
  'abs',
  'pow',
  'sin',
  'cos',
  'tan',
  'asin',
  'acos',
  'atan',
  'atan2',
  'sinh',
  'cosh',
  'tanh',
  'min',
  'max',
  'sign',
]);
const ALLOWED_OPERATORS = new Set(['add', 'subtract', 'multiply', 'divide', 'pow', 'unaryMinus', 'unaryPlus']);
const CONSTANTS = new Set(['pi', 'e']);

/** Options of {@link expressionFamily}. */
export interface ExpressionFamilyOptions {
  /** Parameter names (every other symbol must be the time variable or pi/e). */
  params: string[];
  /** @default 'custom' */
  name?: string;
  /** Time variable in the expression. @default 't' */
  variable?: string;
  /** Start values in `params` order. @default all 1 */
  start?: number[];
  bounds?: { lower?: number[]; upper?: number[] };
}

function check(node: MathNode, symbols: Set<string>, expr: string): void {
  node.traverse((child: MathNode, _path: string, parent: MathNode | null) => {
    switch (child.type) {
      case 'ConstantNode': {
        const v = (child as unknown as { value: unknown }).value;
        if (typeof v !== 'number')
          throw new TypeError(`expressionFamily: only numeric constants are allowed in "${expr}"`);
        break;
      }
      case 'ParenthesisNode':
        break;
      case 'SymbolNode': {
        const nm = (child as unknown as { name: string }).name;
        const isCallee = parent?.type === 'FunctionNode' && (parent as unknown as { fn: MathNode }).fn === child;
        if (isCallee) {
          if (!ALLOWED_FUNCTIONS.has(nm))
            throw new TypeError(`expressionFamily: function "${nm}" is not allowed in "${expr}"`);
        } else if (!symbols.has(nm) && !CONSTANTS.has(nm)) {
          throw new TypeError(
            `expressionFamily: unknown symbol "${nm}" in "${expr}" (parameters and the time variable only)`,
          );
        }
        break;
      }
      case 'OperatorNode': {
        const fn = (child as unknown as { fn: string }).fn;
        if (!ALLOWED_OPERATORS.has(fn))
          throw new TypeError(`expressionFamily: operator "${fn}" is not allowed in "${expr}"`);
        break;
      }
      case 'FunctionNode': {
        const fnNode = (child as unknown as { fn: MathNode }).fn;
        if (fnNode.type !== 'SymbolNode')
          throw new TypeError(`expressionFamily: only named functions are allowed in "${expr}"`);
        break;
      }
      default:
        throw new TypeError(
          `expressionFamily: ${child.type} is not allowed in "${expr}" (arithmetic and elementary functions only)`,
        );
    }
  });
}

/** Node count (stopping past `cap`) and depth of a parsed tree, iteratively. */
function treeSize(root: MathNode, cap: number): { nodes: number; depth: number } {
  let nodes = 0;
  let depth = 0;
  const stack: [MathNode, number][] = [[root, 1]];
  while (stack.length && nodes <= cap) {
    const [n, d] = stack.pop()!;
    nodes++;
    if (d > depth) depth = d;
    const x = n as MathNode & { args?: MathNode[]; content?: MathNode; fn?: MathNode | string };
    if (x.content) stack.push([x.content, d + 1]);
    for (const a of x.args ?? []) stack.push([a, d + 1]);
  }
  return { nodes, depth };
}

/**
 * Builds a {@link GrowthFamily} from a mathjs expression with named parameters, e.g.
 * `"K / (1 + exp(-r * (t - t0)))"`. The expression is parsed and checked before anything is compiled: only numbers,
 * the parameters, the time variable, pi/e, arithmetic operators and elementary functions are accepted, so an
 * untrusted expression cannot assign, call arbitrary functions or reach the mathjs scope. The gradient is derived
 * symbolically (mathjs `derivative`, unsimplified) and compiled, or taken by central differences where mathjs cannot
 * differentiate or the derivative has more than `LIMITS.derivativeNodes` nodes. Expressions over `LIMITS`
 * (characters, nodes, nesting depth; see @trajectory/core) are refused with a `RangeError` before parsing ends.
 *
 * @example
 * const fam = expressionFamily('a * t^b + c', { params: ['a', 'b', 'c'], start: [1, 1, 0] });
 */
export function expressionFamily(expression: string, options: ExpressionFamilyOptions): GrowthFamily {
  const params = options.params;
  const variable = options.variable ?? 't';
  const name = options.name ?? 'custom';
  if (typeof expression !== 'string' || expression.trim() === '')
    throw new TypeError('expressionFamily requires a non-empty expression');
  if (params.length < 1 || new Set([...params, variable]).size !== params.length + 1) {
    throw new TypeError('expressionFamily requires distinct parameter names different from the time variable');
  }
  // untrusted input: bound the size and nesting before the recursive parser and the derivative see it
  if (bracketDepth(expression, LIMITS.expressionDepth) > LIMITS.expressionDepth)
    throw new RangeError(`expressionFamily: expression nested deeper than the limit of ${LIMITS.expressionDepth}`);
  if (expression.length > LIMITS.expressionChars)
    throw new RangeError(
      `expressionFamily: expression of ${expression.length} characters, over the limit of ${LIMITS.expressionChars}`,
    );
  let node: MathNode;
  try {
    node = parse(expression);
  } catch (error) {
    throw new TypeError(
      `expressionFamily: cannot parse "${expression}": ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const size = treeSize(node, LIMITS.expressionNodes);
  if (size.nodes > LIMITS.expressionNodes || size.depth > LIMITS.expressionDepth)
    throw new RangeError(
      `expressionFamily: expression over the limits of ${LIMITS.expressionNodes} nodes and depth ${LIMITS.expressionDepth}`,
    );
  check(node, new Set([...params, variable]), expression);
  const compiled: EvalFunction = node.compile();
  // Symbolic gradient where mathjs can differentiate (not e.g. min/max/sign); central differences otherwise.
  // No simplification: mathjs simplify can take minutes on products and towers of a dozen factors, while the plain
  // derivative is polynomial in the (bounded) size; a derivative over LIMITS.derivativeNodes falls back too.
  let gradients: EvalFunction[] | null;
  try {
    const trees = params.map((prm) => derivative(node, prm, { simplify: false }));
    gradients = trees.every((d) => treeSize(d, LIMITS.derivativeNodes).nodes <= LIMITS.derivativeNodes)
      ? trees.map((d) => d.compile())
      : null;
  } catch {
    gradients = null;
  }
  const scope: Record<string, number> = {};
  const fill = (theta: ArrayLike<number>, t: number): Record<string, number> => {
    for (let j = 0; j < params.length; j++) scope[params[j]!] = theta[j]!;
    scope[variable] = t;
    return scope;
  };
  const toNumber = (v: unknown): number => (typeof v === 'number' ? v : NaN); // complex results (e.g. sqrt(-1)) → NaN
  return defineFamily({
    name,
    params,
    describe: `y = ${expression}`,
    f: (theta, t) => toNumber(compiled.evaluate(fill(theta, t))),
    jacobian: gradients
      ? (theta, t, out) => {
          const s = fill(theta, t);
          for (let j = 0; j < params.length; j++) out[j] = toNumber(gradients[j]!.evaluate(s));
        }
      : undefined,
    start: options.start,
    bounds: options.bounds,
  });
}
