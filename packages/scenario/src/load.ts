/**
 * Scenario files (YAML or JSON) -> a validated `Scenario`. Three layers of checks, each reported as
 * `ScenarioError` with the file, the line (from the YAML parser's node ranges) and the field path:
 * YAML syntax, the JSON Schema (`scenario.schema.json`, with ajv), and meaning (known ids, baselines, years,
 * sandboxed expressions, cycles, calibratable pipelines).
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Indicator } from '@trajectory/core';
import { loadSeedIndicators } from '@trajectory/datasets/node';
import { Ajv, type ErrorObject } from 'ajv';
import { isMap, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { ScenarioError } from './errors.ts';
import { compileSafeExpression, topoOrder } from './expression.ts';
import { calibratePipeline } from './pipeline.ts';
import type {
  DerivedSpec,
  GoalSpec,
  IndicatorSpec,
  Intervention,
  Lever,
  PipelineSpec,
  Scenario,
  TargetSpec,
} from './types.ts';

/** The published JSON Schema of scenario files. */
export const scenarioSchema: Record<string, unknown> = JSON.parse(
  readFileSync(new URL('../scenario.schema.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

const ajv = new Ajv({ allErrors: true, strict: false });
const validate = ajv.compile(scenarioSchema);

/** Options of {@link loadScenario} and {@link parseScenario}. */
export interface LoadOptions {
  /** directory that relative paths (`data:`) resolve against; default: the file's directory */
  baseDir?: string;
  /** the seed dataset; default: `loadSeedIndicators()` from `@trajectory/datasets/node` */
  seedIndicators?: Indicator[];
  /** overrides of the file's `draws` and `seed` (e.g. from the command line), validated like the file's */
  draws?: number;
  seed?: number;
}

/**
 * Reads and validates a scenario file.
 * @example const scenario = loadScenario('examples/nankai-gazelle-doubling.yaml');
 */
export function loadScenario(path: string, options: LoadOptions = {}): Scenario {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ScenarioError(path, '(file)', `cannot read: ${(error as Error).message}`);
  }
  return parseScenario(text, path, { baseDir: dirname(resolve(path)), ...options });
}

type Path = (string | number)[];
type Raw = Record<string, unknown>;

/**
 * Parses scenario text (YAML or JSON); `file` names it in errors.
 * @example parseScenario('name: x\nbaseYear: 2020\nhorizon: 2025\nindicators: {a: {base: 1, growth: {mean: 0.1, sd: 0}}}', 'x.yaml')
 */
export function parseScenario(text: string, file: string, options: LoadOptions = {}): Scenario {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const line = e.linePos?.[0]?.line ?? lineCounter.linePos(e.pos[0]).line;
    throw new ScenarioError(file, '(yaml)', `malformed YAML: ${e.message.split('\n')[0]}`, line);
  }
  const fail = (path: Path, problem: string): never => {
    throw new ScenarioError(file, fieldName(path), problem, lineOf(doc, lineCounter, path));
  };
  const raw = doc.toJS() as unknown;
  if (!validate(raw)) {
    const errors = (validate.errors ?? []).slice().sort(byDepth);
    const e = errors[0]!;
    const path = pointerToPath(e.instancePath);
    if (e.keyword === 'additionalProperties')
      fail([...path, (e.params as { additionalProperty: string }).additionalProperty], 'unknown field');
    if (e.keyword === 'required')
      fail(path, `missing required field '${(e.params as { missingProperty: string }).missingProperty}'`);
    if (e.keyword === 'propertyNames')
      fail(
        path,
        `invalid id ${JSON.stringify((e.params as { propertyName: string }).propertyName)} (letters, digits and _ only, not starting with a digit)`,
      );
    if (e.keyword === 'enum')
      fail(
        path,
        `${e.message ?? 'invalid'}: ${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`,
      );
    fail(path, e.message ?? 'invalid');
  }
  return resolveScenario(raw as Raw, file, fail, options);
}

function resolveScenario(raw: Raw, file: string, fail: (p: Path, m: string) => never, options: LoadOptions): Scenario {
  const baseYear = raw.baseYear as number;
  const horizon = raw.horizon as number;
  if (horizon <= baseYear) fail(['horizon'], `horizon ${horizon} must be after baseYear ${baseYear}`);
  const draws = options.draws ?? (raw.draws as number | undefined) ?? 10000;
  if (!Number.isInteger(draws) || draws <= 0) fail(['draws'], `draws must be a positive integer, got ${draws}`);
  const seed = options.seed ?? (raw.seed as number | undefined) ?? 1;
  if (!Number.isInteger(seed) || seed < 0) fail(['seed'], `seed must be a non-negative integer, got ${seed}`);
  const inWindow = (path: Path, year: number, what: string, allowBase = false): void => {
    if (year > horizon || year < baseYear || (!allowBase && year === baseYear)) {
      fail(path, `${what} ${year} is outside the scenario years (${allowBase ? baseYear : baseYear + 1}..${horizon})`);
    }
  };

  // ---- observations from the seed dataset and the planner's CSV
  const rawIndicators = (raw.indicators ?? {}) as Record<string, Raw>;
  let seedById: Map<string, Indicator> | undefined;
  const seedIndicator = (id: string, path: Path): Indicator => {
    if (!seedById) {
      seedById = new Map((options.seedIndicators ?? loadSeedIndicators()).map((i) => [i.id, i]));
    }
    const found = seedById.get(id);
    if (!found) fail(path, `unknown indicator id '${id}' in the seed dataset`);
    return found!;
  };
  const csvRows = raw.data
    ? readCsv(raw.data as string, options.baseDir ?? '.', file, fail)
    : new Map<string, Map<number, number>>();
  for (const id of csvRows.keys()) {
    if (!(id in rawIndicators)) fail(['data'], `CSV names indicator '${id}', which the scenario does not declare`);
  }

  const indicators: IndicatorSpec[] = [];
  for (const [id, ri] of Object.entries(rawIndicators)) {
    const path: Path = ['indicators', id];
    const obs = new Map<number, number>();
    let name = (ri.name as string | undefined) ?? id;
    let unit = (ri.unit as string | undefined) ?? '';
    let bounds = ri.bounds as [number, number] | undefined;
    let source = ri.source as IndicatorSpec['source'];
    if (ri.seed) {
      const s = seedIndicator(ri.seed as string, [...path, 'seed']);
      for (const o of s.observations) obs.set(o.year, o.value);
      name = (ri.name as string | undefined) ?? s.nameZh;
      unit = (ri.unit as string | undefined) ?? s.unit;
      bounds ??= s.bounds;
      source ??= s.observations.at(-1)?.source;
    }
    for (const [y, v] of csvRows.get(id) ?? []) obs.set(y, v);
    for (const [y, v] of Object.entries((ri.history ?? {}) as Record<string, number>)) obs.set(Number(y), v);
    const history = [...obs.entries()]
      .filter(([y]) => y <= baseYear)
      .sort((a, b) => a[0] - b[0])
      .map(([year, value]) => ({ year, value }));
    const base = (ri.base as number | undefined) ?? obs.get(baseYear);
    if (base === undefined)
      fail(
        path,
        `missing baseline: no value for baseYear ${baseYear} (give base:, history: or a seed/CSV observation of ${baseYear})`,
      );
    const b: [number, number] = bounds ?? [0, Infinity];
    if (!(b[0] < b[1])) fail([...path, 'bounds'], `bounds [${b[0]}, ${b[1]}] must be increasing`);
    if (base! < b[0] || base! > b[1])
      fail([...path, 'base'], `base value ${base} lies outside bounds [${b[0]}, ${b[1]}]`);
    let model: IndicatorSpec['model'];
    if (ri.project) {
      if (history.at(-1)?.year !== baseYear)
        fail(
          [...path, 'project'],
          `project needs an observation of baseYear ${baseYear} (the projection starts after the last observation)`,
        );
      model = {
        kind: 'project',
        ...((ri.project as Raw).method ? { method: (ri.project as Raw).method as string } : {}),
      };
    } else if (ri.growth) {
      const g = ri.growth as Raw;
      const rates = annualRates(history);
      let mean = g.mean as number | undefined;
      if (mean === undefined) {
        if (rates.length === 0)
          fail(
            [...path, 'growth', 'mean'],
            'missing baseline: growth.mean is required when the history has fewer than 2 positive observations',
          );
        mean = cagr(history);
      }
      let sd = g.sd as number | undefined;
      if (sd === undefined) {
        if (rates.length < 2)
          fail([...path, 'growth', 'sd'], 'growth.sd is required when the history has fewer than 3 observations');
        sd = sampleSd(rates.map((r) => r.rate));
      }
      model = { kind: 'growth', mean, sd: sd!, mode: (g.mode as 'annual' | 'constant' | undefined) ?? 'annual' };
    } else {
      fail(path, 'missing baseline model: give growth: {mean, sd} (or project: {})');
    }
    indicators.push({ id, name, unit, base: base!, history, bounds: b, model: model!, ...(source ? { source } : {}) });
  }

  // ---- pipelines
  const ids = new Set(indicators.map((i) => i.id));
  const stageOf = new Map<string, { pipeline: string; index: number }>();
  const pipelines: PipelineSpec[] = [];
  for (const [id, rp] of Object.entries((raw.pipelines ?? {}) as Record<string, Raw>)) {
    const path: Path = ['pipelines', id];
    const stages = (rp.stages as Raw[]).map((s, i) => {
      const sid = s.id as string;
      if (ids.has(sid)) fail([...path, 'stages', i, 'id'], `id '${sid}' is already used`);
      ids.add(sid);
      stageOf.set(sid, { pipeline: id, index: i });
      let base = s.base as number | undefined;
      let name = s.name as string | undefined;
      let source = s.source as IndicatorSpec['source'];
      if (s.seed) {
        const found = seedIndicator(s.seed as string, [...path, 'stages', i, 'seed']);
        const obs = found.observations.filter((o) => o.year === baseYear);
        if (base === undefined && obs.length === 0)
          fail([...path, 'stages', i, 'seed'], `'${s.seed as string}' has no observation of baseYear ${baseYear}`);
        base ??= obs.at(-1)!.value;
        name ??= found.nameZh;
        source ??= obs.at(-1)?.source;
      }
      if (base === undefined) fail([...path, 'stages', i], 'missing baseline: give base: or seed:');
      if (base! < 0) fail([...path, 'stages', i, 'base'], `a stock cannot be negative, got ${base}`);
      return { id: sid, name: name ?? sid, base: base!, ...(source ? { source } : {}) };
    });
    const exit = rp.exit as number[];
    if (exit.length !== stages.length)
      fail([...path, 'exit'], `needs one exit rate per stage (${stages.length}), got ${exit.length}`);
    const graduation = (rp.graduation as number[] | 'calibrate' | undefined) ?? 'calibrate';
    if (Array.isArray(graduation) && graduation.length !== stages.length - 1) {
      fail(
        [...path, 'graduation'],
        `needs one graduation rate per stage but the last (${stages.length - 1}), got ${graduation.length}`,
      );
    }
    const spec: PipelineSpec = {
      id,
      name: (rp.name as string | undefined) ?? id,
      stages,
      entry: (rp.entry as number | 'calibrate' | undefined) ?? 'calibrate',
      graduation,
      exit,
      growth: (rp.growth as number | undefined) ?? 0,
      rateSd: (rp.rateSd as number | undefined) ?? 0.15,
      noise: (rp.noise as boolean | undefined) ?? true,
      assumptions: (rp.assumptions as string[] | undefined) ?? [],
    };
    try {
      calibratePipeline(spec);
    } catch (error) {
      fail(path, `cannot calibrate: ${(error as Error).message}`);
    }
    pipelines.push(spec);
  }

  // ---- derived indicators (sandboxed expressions, topological order)
  const rawDerived = (raw.derived ?? {}) as Record<string, string | Raw>;
  const derivedIds = Object.keys(rawDerived);
  for (const d of derivedIds) if (ids.has(d)) fail(['derived', d], `id '${d}' is already used`);
  const variables = [...ids, ...derivedIds, 't'];
  const derivedById = new Map<string, DerivedSpec>();
  const deps = new Map<string, string[]>();
  for (const [id, rd] of Object.entries(rawDerived)) {
    const obj = typeof rd === 'string' ? { expression: rd } : rd;
    const fieldPath: Path = typeof rd === 'string' ? ['derived', id] : ['derived', id, 'expression'];
    let symbols: string[] = [];
    try {
      symbols = compileSafeExpression(obj.expression as string, variables).symbols;
    } catch (error) {
      fail(fieldPath, (error as Error).message);
    }
    deps.set(id, symbols);
    derivedById.set(id, {
      id,
      name: (obj.name as string | undefined) ?? id,
      unit: (obj.unit as string | undefined) ?? '',
      expression: obj.expression as string,
      ...(obj.bounds ? { bounds: obj.bounds as [number, number] } : {}),
    });
  }
  let order: string[] = [];
  try {
    order = topoOrder(deps);
  } catch (error) {
    fail(['derived'], (error as Error).message);
  }
  const derived = order.map((id) => derivedById.get(id)!);
  for (const d of derivedIds) ids.add(d);
  const isPrimary = (id: string): boolean => indicators.some((i) => i.id === id) || stageOf.has(id);

  // ---- interventions
  const interventions: Intervention[] = [];
  ((raw.interventions ?? []) as Raw[]).forEach((ri, k) => {
    const path: Path = ['interventions', k];
    const need = <T>(field: string): T => {
      if (ri[field] === undefined)
        fail(path, `missing required field '${field}' for a ${ri.type as string} intervention`);
      return ri[field] as T;
    };
    const type = ri.type as Intervention['type'];
    let indicator = '';
    if (type !== 'rate') {
      indicator = need<string>('indicator');
      if (!isPrimary(indicator)) {
        fail(
          [...path, 'indicator'],
          derivedById.has(indicator)
            ? `'${indicator}' is derived; intervene on its inputs`
            : `unknown indicator id '${indicator}'`,
        );
      }
    }
    const label = ri.label as string | undefined;
    switch (type) {
      case 'multiply': {
        const year = need<number>('year');
        inWindow([...path, 'year'], year, 'year');
        const from = ri.from as number | undefined;
        if (from !== undefined && from >= year) fail([...path, 'from'], `from ${from} must be before year ${year}`);
        if (from !== undefined) inWindow([...path, 'from'], from, 'from', true);
        const factor = need<number>('factor');
        interventions.push({
          type,
          indicator,
          factor,
          year,
          ...(from !== undefined ? { from } : {}),
          label: label ?? `${indicator} x${factor} by ${year}`,
        });
        break;
      }
      case 'growth': {
        if (stageOf.has(indicator))
          fail([...path, 'indicator'], `'${indicator}' is a pipeline stage: use a 'rate' intervention`);
        const from = need<number>('from');
        inWindow([...path, 'from'], from, 'from');
        if (ri.set === undefined && ri.shift === undefined) fail(path, "a growth intervention needs 'set' or 'shift'");
        if (ri.set !== undefined && (ri.set as number) < -1)
          fail([...path, 'set'], 'a growth rate below -100% makes no sense');
        const until = ri.until as number | undefined;
        interventions.push({
          type,
          indicator,
          from,
          ...(until !== undefined ? { until } : {}),
          ...(ri.set !== undefined ? { set: ri.set as number } : {}),
          ...(ri.shift !== undefined ? { shift: ri.shift as number } : {}),
          ...(ri.sd !== undefined ? { sd: ri.sd as number } : {}),
          label:
            label ??
            `${indicator} growth ${ri.set !== undefined ? `= ${ri.set as number}` : `${(ri.shift as number) >= 0 ? '+' : ''}${ri.shift as number}`} from ${from}`,
        });
        break;
      }
      case 'step': {
        const start = need<number>('start');
        const height = need<number>('height');
        interventions.push({
          type,
          indicator,
          height,
          start,
          label: label ?? `${indicator} +STEP(${height}, ${start})`,
        });
        break;
      }
      case 'ramp': {
        const start = need<number>('start');
        const end = need<number>('end');
        if (end <= start) fail([...path, 'end'], `end ${end} must be after start ${start}`);
        const slope = need<number>('slope');
        interventions.push({
          type,
          indicator,
          slope,
          start,
          end,
          label: label ?? `${indicator} +RAMP(${slope}, ${start}, ${end})`,
        });
        break;
      }
      case 'pulse': {
        const start = need<number>('start');
        const amount = need<number>('amount');
        const width = (ri.width as number | undefined) ?? 1;
        interventions.push({
          type,
          indicator,
          amount,
          start,
          width,
          label: label ?? `${indicator} +${amount} x PULSE(${start}, ${width})`,
        });
        break;
      }
      case 'add': {
        const year = need<number>('year');
        inWindow([...path, 'year'], year, 'year');
        const amount = need<number>('amount');
        interventions.push({ type, indicator, amount, year, label: label ?? `${indicator} +${amount} in ${year}` });
        break;
      }
      case 'cap': {
        const max = need<number>('max');
        const from = ri.from as number | undefined;
        if (from !== undefined) inWindow([...path, 'from'], from, 'from');
        interventions.push({
          type,
          indicator,
          max,
          ...(from !== undefined ? { from } : {}),
          label: label ?? `${indicator} capped at ${max}`,
        });
        break;
      }
      case 'rate': {
        const pipeline = need<string>('pipeline');
        const p = pipelines.find((q) => q.id === pipeline);
        if (!p) fail([...path, 'pipeline'], `unknown pipeline '${pipeline}'`);
        const rate = need<'graduation' | 'exit' | 'entry'>('rate');
        const stage = ri.stage as string | undefined;
        if (rate !== 'entry') {
          if (stage === undefined) fail(path, `missing required field 'stage' for a ${rate} rate`);
          const idx = p!.stages.findIndex((s) => s.id === stage);
          if (idx < 0) fail([...path, 'stage'], `unknown stage '${stage}' of pipeline '${pipeline}'`);
          if (rate === 'graduation' && idx === p!.stages.length - 1)
            fail([...path, 'stage'], `'${stage}' is the last stage: it has no graduation`);
        }
        const from = need<number>('from');
        inWindow([...path, 'from'], from, 'from');
        if (ri.set === undefined && ri.multiply === undefined)
          fail(path, "a rate intervention needs 'set' or 'multiply'");
        if (ri.set !== undefined && ((ri.set as number) < 0 || (rate !== 'entry' && (ri.set as number) > 1))) {
          fail(
            [...path, 'set'],
            `a ${rate} rate must lie in [0, ${rate === 'entry' ? 'inf' : 1}], got ${ri.set as number}`,
          );
        }
        interventions.push({
          type,
          pipeline,
          rate,
          ...(stage !== undefined ? { stage } : {}),
          from,
          ...(ri.set !== undefined ? { set: ri.set as number } : {}),
          ...(ri.multiply !== undefined ? { multiply: ri.multiply as number } : {}),
          label:
            label ??
            `${pipeline} ${rate}${stage ? ` of ${stage}` : ''} ${ri.set !== undefined ? `= ${ri.set as number}` : `x${ri.multiply as number}`} from ${from}`,
        });
        break;
      }
    }
  });
  const labels = new Set<string>();
  interventions.forEach((iv, k) => {
    if (labels.has(iv.label)) fail(['interventions', k, 'label'], `duplicate label '${iv.label}'`);
    labels.add(iv.label);
  });

  // ---- targets
  const baseOf = (id: string): number | undefined =>
    indicators.find((i) => i.id === id)?.base ?? pipelines.flatMap((p) => p.stages).find((s) => s.id === id)?.base;
  const targets: TargetSpec[] = [];
  ((raw.targets ?? []) as Raw[]).forEach((rt, k) => {
    const path: Path = ['targets', k];
    const indicator = rt.indicator as string;
    if (!ids.has(indicator)) fail([...path, 'indicator'], `unknown indicator id '${indicator}'`);
    const year = rt.year as number;
    inWindow([...path, 'year'], year, 'target year');
    let value: number | null;
    if (rt.multiple !== undefined) {
      const b = baseOf(indicator);
      if (b === undefined) fail([...path, 'multiple'], `'${indicator}' has no base value to multiply`);
      value = (rt.multiple as number) * b!;
    } else if ('value' in rt) {
      value = rt.value as number | null;
    } else {
      fail(path, "missing 'value' (write value: null for a target the document left blank) or 'multiple'");
    }
    const comparator = (rt.comparator as TargetSpec['comparator'] | undefined) ?? '>=';
    const label = (rt.label as string | undefined) ?? `${indicator} ${comparator} ${value! ?? '?'} in ${year}`;
    if (targets.some((t) => t.label === label)) fail([...path, 'label'], `duplicate target label '${label}'`);
    targets.push({
      label,
      indicator,
      year,
      value: value!,
      comparator,
      ...(rt.source ? { source: rt.source as TargetSpec['source'] & object } : {}),
    });
  });

  // ---- goals
  const goals: GoalSpec[] = [];
  ((raw.goals ?? []) as Raw[]).forEach((rg, k) => {
    const path: Path = ['goals', k];
    const target = targets.find((t) => t.label === rg.target);
    if (!target)
      fail(
        [...path, 'target'],
        `no target labelled '${rg.target as string}' (labels: ${targets.map((t) => t.label).join('; ')})`,
      );
    if (target!.value === null) fail([...path, 'target'], `target '${target!.label}' has no value to seek`);
    const rl = rg.lever as Raw;
    const kind = rl.kind as Lever['kind'];
    let lever: Lever;
    if (kind === 'growth' || kind === 'inflow') {
      const id = rl.indicator as string | undefined;
      if (!id) fail([...path, 'lever'], `missing required field 'indicator' for a ${kind} lever`);
      if (!isPrimary(id!)) fail([...path, 'lever', 'indicator'], `unknown indicator id '${id}'`);
      if (kind === 'growth' && indicators.find((i) => i.id === id)?.model.kind === 'project')
        fail([...path, 'lever', 'indicator'], `'${id}' follows a projection: use an inflow lever`);
      if (kind === 'growth' && stageOf.has(id!))
        fail([...path, 'lever', 'indicator'], `'${id}' is a pipeline stage: use a graduation or entry lever`);
      lever = { kind, indicator: id! };
    } else {
      const pid = rl.pipeline as string | undefined;
      const p = pipelines.find((q) => q.id === pid);
      if (!p) fail([...path, 'lever', 'pipeline'], `unknown pipeline '${pid}'`);
      if (kind === 'graduation') {
        const idx = p!.stages.findIndex((s) => s.id === rl.stage);
        if (idx < 0 || idx === p!.stages.length - 1)
          fail(
            [...path, 'lever', 'stage'],
            `'${rl.stage as string}' is not a stage with graduation in pipeline '${pid}'`,
          );
        lever = { kind, pipeline: pid!, stage: rl.stage as string };
      } else {
        lever = { kind: 'entry', pipeline: pid! };
      }
    }
    const range = rg.range as [number, number] | undefined;
    if (range && !(range[0] < range[1]))
      fail([...path, 'range'], `range [${range[0]}, ${range[1]}] must be increasing`);
    if (kind === 'graduation' && range && (range[0] < 0 || range[1] > 1))
      fail([...path, 'range'], 'a graduation rate lies in [0, 1]');
    goals.push({
      target: target!.label,
      lever: lever!,
      probability: (rg.probability as number | undefined) ?? 0.8,
      ...(range ? { range } : {}),
      under: (rg.under as 'baseline' | 'scenario' | undefined) ?? 'baseline',
    });
  });

  return {
    file,
    name: raw.name as string,
    description: (raw.description as string | undefined) ?? '',
    ...(raw.region ? { region: raw.region as string } : {}),
    baseYear,
    horizon,
    draws,
    seed,
    proposalProbabilities: (raw.proposalProbabilities as number[] | undefined) ?? [0.5, 0.8],
    assumptions: (raw.assumptions as string[] | undefined) ?? [],
    indicators,
    pipelines,
    derived,
    interventions,
    targets,
    goals,
  };
}

/** Per-year growth rates between consecutive positive observations (gaps spread evenly). */
function annualRates(history: { year: number; value: number }[]): { year: number; rate: number }[] {
  const out: { year: number; rate: number }[] = [];
  for (let i = 1; i < history.length; i++) {
    const a = history[i - 1]!,
      b = history[i]!;
    if (a.value > 0 && b.value > 0)
      out.push({ year: b.year, rate: (b.value / a.value) ** (1 / (b.year - a.year)) - 1 });
  }
  return out;
}

function cagr(history: { year: number; value: number }[]): number {
  const pos = history.filter((h) => h.value > 0);
  const a = pos[0]!,
    b = pos.at(-1)!;
  return (b.value / a.value) ** (1 / (b.year - a.year)) - 1;
}

function sampleSd(xs: number[]): number {
  const m = xs.reduce((s, x) => s + x, 0) / xs.length;
  return Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1));
}

function readCsv(
  rel: string,
  baseDir: string,
  file: string,
  fail: (p: Path, m: string) => never,
): Map<string, Map<number, number>> {
  const path = resolve(baseDir, rel);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return fail(['data'], `cannot read CSV ${rel}: ${(error as Error).message}`);
  }
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const head = (lines[0] ?? '').split(',').map((h) => h.trim());
  const col = (name: string): number => {
    const i = head.indexOf(name);
    if (i < 0)
      throw new ScenarioError(
        rel,
        'row 1',
        `CSV header must contain '${name}' (columns indicator,year,value), referenced from ${file}`,
      );
    return i;
  };
  const ci = col('indicator'),
    cy = col('year'),
    cv = col('value');
  const out = new Map<string, Map<number, number>>();
  lines.slice(1).forEach((line, k) => {
    const cells = line.split(',').map((c) => c.trim());
    const row = k + 2;
    const year = Number(cells[cy]);
    const value = Number(cells[cv]);
    if (!Number.isInteger(year))
      throw new ScenarioError(rel, `row ${row}, year`, `not a year: '${cells[cy] ?? ''}'`, row);
    if (!Number.isFinite(value) || cells[cv] === '')
      throw new ScenarioError(rel, `row ${row}, value`, `not a number: '${cells[cv] ?? ''}'`, row);
    const id = cells[ci] ?? '';
    if (!out.has(id)) out.set(id, new Map());
    out.get(id)!.set(year, value);
  });
  return out;
}

function byDepth(a: ErrorObject, b: ErrorObject): number {
  // the deepest path is the most specific; among equals prefer errors that are not oneOf/anyOf summaries
  const d = b.instancePath.split('/').length - a.instancePath.split('/').length;
  if (d !== 0) return d;
  const w = (e: ErrorObject) => (e.keyword === 'oneOf' || e.keyword === 'anyOf' || e.keyword === 'if' ? 1 : 0);
  return w(a) - w(b);
}

function pointerToPath(pointer: string): Path {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function fieldName(path: Path): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/** Line of the deepest existing node on `path` (keys of maps point at the key itself). */
function lineOf(doc: Document, lc: LineCounter, path: Path): number | undefined {
  let node: unknown = doc.contents;
  let offset: number | undefined = (node as { range?: number[] } | null)?.range?.[0];
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => String((p.key as { value?: unknown } | null)?.value) === String(seg));
      if (!pair) break;
      offset = (pair.key as { range?: number[] } | null)?.range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg];
      if (!item) break;
      node = item;
      offset = (item as { range?: number[] }).range?.[0] ?? offset;
    } else {
      break;
    }
  }
  return offset === undefined ? undefined : lc.linePos(offset).line;
}
