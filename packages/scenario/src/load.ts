/**
 * Scenario files (YAML or JSON) -> a validated `Scenario`. Three layers of checks, each reported as
 * `ScenarioError` with the file, the line (from the YAML parser's node ranges) and the field path:
 * YAML syntax, the JSON Schema (`scenario.schema.json`, with ajv), and meaning (known ids, baselines, years,
 * sandboxed expressions, cycles, calibratable pipelines).
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import {
  bracketDepth,
  checkSimulationBudget,
  InputLimitError,
  LIMITS,
  scanCsvRecords,
  type Indicator,
} from '@trajectory/core';
import { readTextFileBounded } from '@trajectory/core/node';
import { loadSeedIndicators } from '@trajectory/datasets/node';
import { DEFAULTS, projectionMethods } from '@trajectory/forecast';
import { Ajv, type ErrorObject } from 'ajv';
import { isMap, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { type AssessInputs, assessedHistory, assessInputs } from './assessed.ts';
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
  /** bytes the simulated paths may take (estimate: draws × years × series × 8 × 2); @default LIMITS.memoryBytes */
  memoryBudget?: number;
  /** largest scenario or `data:` CSV file read, in bytes; @default LIMITS.fileBytes */
  maxFileBytes?: number;
}

/** Largest magnitude of a level (base, history, amount, target value, ...) a scenario may hold. */
const MAX_LEVEL = 1e15;
/** Largest magnitude of an annual rate or its standard deviation (10 = 1000 % a year). */
const MAX_RATE = 10;
/** Largest multiplication factor of an intervention. */
const MAX_FACTOR = 1e6;

/**
 * Reads and validates a scenario file.
 * @example const scenario = loadScenario('examples/nankai-gazelle-doubling.yaml');
 */
export function loadScenario(path: string, options: LoadOptions = {}): Scenario {
  let text: string;
  try {
    text = readTextFileBounded(path, options.maxFileBytes !== undefined ? { maxBytes: options.maxFileBytes } : {});
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
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
  const lineCounter = new LineCounter();
  // the YAML parser and the JSON Schema validator recurse: refuse deep nesting before they overflow the stack
  const depthError = (line?: number): never => {
    throw new ScenarioError(
      file,
      '(yaml)',
      `nesting deeper than the limit of ${LIMITS.documentDepth} levels (brackets or indentation)`,
      line,
    );
  };
  if (bracketDepth(text, LIMITS.documentDepth) > LIMITS.documentDepth) depthError(deepestBracketLine(text));
  let doc: Document;
  try {
    doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  } catch (error) {
    if (error instanceof RangeError) depthError();
    throw error;
  }
  if (doc.errors.length === 0 && nodeDepth(doc.contents) > LIMITS.documentDepth) depthError();
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const line = e.linePos?.[0]?.line ?? lineCounter.linePos(e.pos[0]).line;
    throw new ScenarioError(file, '(yaml)', `malformed YAML: ${e.message.split('\n')[0]}`, line);
  }
  const fail = (path: Path, problem: string): never => {
    throw new ScenarioError(file, fieldName(path), problem, lineOf(doc, lineCounter, path));
  };
  const raw = doc.toJS() as unknown;
  checkNumbers(raw, [], fail);
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
  const draws = options.draws ?? (raw.draws as number | undefined) ?? DEFAULTS.paths;
  if (!Number.isInteger(draws) || draws <= 0 || draws > LIMITS.draws)
    fail(['draws'], `draws must be a positive integer, got ${draws} (at most ${LIMITS.draws})`);
  const seed = options.seed ?? (raw.seed as number | undefined) ?? DEFAULTS.seed;
  if (!Number.isInteger(seed) || seed < 0 || seed > LIMITS.seed)
    fail(['seed'], `seed must be an integer in 0..${LIMITS.seed} (32 bits), got ${seed}`);
  // bound the work before anything is allocated: every indicator, stage and derived series is a draws × years array
  const seriesCount =
    Object.keys((raw.indicators ?? {}) as Raw).length +
    Object.keys((raw.derived ?? {}) as Raw).length +
    Object.values((raw.pipelines ?? {}) as Record<string, Raw>).reduce(
      (n, p) => n + ((p.stages as unknown[] | undefined)?.length ?? 0),
      0,
    );
  try {
    checkSimulationBudget(draws, horizon - baseYear + 1, seriesCount, options.memoryBudget ?? LIMITS.memoryBytes);
  } catch (error) {
    if (error instanceof InputLimitError) fail(['draws'], error.message);
    throw error;
  }
  const rate = (path: Path, v: number | undefined, lo = -1, hi = MAX_RATE): void => {
    if (v !== undefined && !(v >= lo && v <= hi)) fail(path, `${v} is out of range: a rate must lie in [${lo}, ${hi}]`);
  };
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
    ? readCsv(raw.data as string, options.baseDir ?? '.', file, fail, options.maxFileBytes)
    : new Map<string, Map<number, CsvValue>>();
  for (const id of csvRows.keys()) {
    if (!(id in rawIndicators)) fail(['data'], `CSV names indicator '${id}', which the scenario does not declare`);
  }

  const indicators: IndicatorSpec[] = [];
  let inputs: AssessInputs | undefined;
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
    const csvObs = csvRows.get(id) ?? new Map<number, CsvValue>();
    for (const [y, v] of csvObs) obs.set(y, v.value);
    for (const [y, v] of Object.entries((ri.history ?? {}) as Record<string, number>)) {
      const year = Number(y);
      if (!/^\d{4}$/.test(y) || year < MIN_YEAR || year > MAX_YEAR)
        fail([...path, 'history', y], `'${y}' is not a year in ${MIN_YEAR}..${MAX_YEAR}`);
      if (csvObs.has(year))
        fail([...path, 'history', y], `year ${year} is also in the data CSV (row ${csvObs.get(year)!.row})`);
      obs.set(year, v);
    }
    const projected = ri.growth === 'projected';
    if (projected && !ri.seed)
      fail([...path, 'growth'], 'growth: projected needs seed: (the seed indicator whose assess projection it takes)');
    // growth: projected takes the history assess projects from (the seed with history.csv, up to the base year)
    const history = projected
      ? assessedHistory((inputs ??= assessInputs(baseYear, options.seedIndicators)).indicators.get(ri.seed as string)!)
      : [...obs.entries()]
          .filter(([y]) => y <= baseYear)
          .sort((a, b) => a[0] - b[0])
          .map(([year, value]) => ({ year, value }));
    if (projected && history.at(-1)?.year !== baseYear)
      fail(
        [...path, 'growth'],
        `growth: projected needs an observation of baseYear ${baseYear} in '${ri.seed as string}' (assess projects from its last observation, ${history.at(-1)?.year ?? 'none'})`,
      );
    if (projected) for (const h of history) obs.set(h.year, h.value);
    const base = (ri.base as number | undefined) ?? obs.get(baseYear);
    if (base === undefined)
      fail(
        path,
        `missing baseline: no value for baseYear ${baseYear} (give base:, history: or a seed/CSV observation of ${baseYear})`,
      );
    const b: [number, number] = bounds ?? [0, Infinity];
    if (!(b[0] < b[1])) fail([...path, 'bounds'], `bounds [${b[0]}, ${b[1]}] must be increasing`);
    for (const [year, value] of obs) {
      if (value >= b[0] && value <= b[1]) continue;
      const row = csvObs.get(year)?.row;
      if (row !== undefined && !(String(year) in ((ri.history ?? {}) as Raw)))
        throw new ScenarioError(
          raw.data as string,
          `row ${row}, value`,
          `${value} for '${id}' in ${year} lies outside its bounds [${b[0]}, ${b[1]}] (referenced from ${file})`,
          row,
        );
      fail(
        ri.history && String(year) in (ri.history as Raw) ? [...path, 'history', String(year)] : [...path, 'seed'],
        `value ${value} in ${year} lies outside bounds [${b[0]}, ${b[1]}]`,
      );
    }
    if (base! < b[0] || base! > b[1])
      fail([...path, 'base'], `base value ${base} lies outside bounds [${b[0]}, ${b[1]}]`);
    let model: IndicatorSpec['model'];
    if (projected) {
      model = { kind: 'project', assess: ri.seed as string };
    } else if (ri.project) {
      if (history.at(-1)?.year !== baseYear)
        fail(
          [...path, 'project'],
          `project needs an observation of baseYear ${baseYear} (the projection starts after the last observation)`,
        );
      const method = (ri.project as Raw).method as string | undefined;
      // an unknown method is a file error before any simulation, with the names project() accepts
      if (method !== undefined && !projectionMethods().includes(method))
        fail(
          [...path, 'project', 'method'],
          `unknown method '${method}'; choose one of: ${projectionMethods().join(', ')}`,
        );
      model = { kind: 'project', ...(method ? { method } : {}) };
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
      rate([...path, 'growth', 'mean'], mean);
      let sd = g.sd as number | undefined;
      if (sd === undefined) {
        if (rates.length < 2)
          fail([...path, 'growth', 'sd'], 'growth.sd is required when the history has fewer than 3 observations');
        sd = sampleSd(rates.map((r) => r.rate));
      }
      rate([...path, 'growth', 'sd'], sd, 0);
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
    rate([...path, 'growth'], rp.growth as number | undefined);
    rate([...path, 'rateSd'], rp.rateSd as number | undefined, 0);
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
  const variables = new Set([...ids, ...derivedIds, 't']);
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
        if (!(factor >= 0 && factor <= MAX_FACTOR))
          fail([...path, 'factor'], `factor ${factor} is out of range: it must lie in [0, ${MAX_FACTOR}]`);
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
        rate([...path, 'set'], ri.set as number | undefined);
        rate([...path, 'shift'], ri.shift as number | undefined, -MAX_RATE);
        rate([...path, 'sd'], ri.sd as number | undefined, 0);
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
        const lower = stageOf.has(indicator) ? 0 : (indicators.find((i) => i.id === indicator)?.bounds[0] ?? 0);
        if (!(max >= lower))
          fail([...path, 'max'], `cap ${max} lies below the indicator's lower bound ${lower}: the cap would break it`);
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
        if (ri.multiply !== undefined && !((ri.multiply as number) >= 0 && (ri.multiply as number) <= MAX_FACTOR))
          fail([...path, 'multiply'], `multiply ${ri.multiply as number} is out of range [0, ${MAX_FACTOR}]`);
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
        fail(
          [...path, 'lever', 'indicator'],
          `'${id}' follows a projection: use an inflow lever (or give it an explicit growth: {mean, sd} for a what-if growth lever)`,
        );
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
    if (kind === 'growth' && range && (range[0] < -1 || range[1] > MAX_RATE))
      fail([...path, 'range'], `a growth-rate range must lie within [-1, ${MAX_RATE}], got [${range.join(', ')}]`);
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

/** A value of the scenario's `data:` CSV and the row it came from. */
interface CsvValue {
  value: number;
  row: number;
}

const MIN_YEAR = 1900;
const MAX_YEAR = 2200;
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * The planner's observations (columns indicator, year, value; others ignored), read with the indicator dataset's
 * CSV scanner (RFC 4180 quoting; unbalanced quotes and ragged rows are errors) and checked: 4-digit years in
 * 1900..2200, decimal numbers only (no `0x50`), no duplicate indicator-year. Errors name the CSV, row and field.
 */
function readCsv(
  rel: string,
  baseDir: string,
  file: string,
  fail: (p: Path, m: string) => never,
  maxBytes: number | undefined,
): Map<string, Map<number, CsvValue>> {
  const path = resolve(baseDir, rel);
  let text: string;
  try {
    text = readTextFileBounded(path, maxBytes !== undefined ? { maxBytes } : {});
  } catch (error) {
    return fail(['data'], `cannot read CSV ${rel}: ${(error as Error).message}`);
  }
  const scan = scanCsvRecords(text);
  const bad = (line: number, field: string, problem: string): never => {
    throw new ScenarioError(rel, field, `${problem} (referenced from ${file})`, line);
  };
  if (scan.errors.length) bad(scan.errors[0]!.line, `line ${scan.errors[0]!.line}`, scan.errors[0]!.message);
  const rows = parseCsvRows(text);
  const head = (rows[0] ?? []).map((h) => h.trim());
  const col = (name: string): number => {
    const i = head.indexOf(name);
    if (i < 0) bad(1, 'row 1', `CSV header must contain '${name}' (columns indicator,year,value)`);
    return i;
  };
  const ci = col('indicator'),
    cy = col('year'),
    cv = col('value');
  const out = new Map<string, Map<number, CsvValue>>();
  rows.slice(1).forEach((cells, k) => {
    const row = scan.records[k + 1]?.line ?? k + 2;
    if (cells.length !== head.length) bad(row, `row ${row}`, `${cells.length} fields, the header has ${head.length}`);
    const id = (cells[ci] ?? '').trim();
    const yearText = (cells[cy] ?? '').trim();
    const valueText = (cells[cv] ?? '').trim();
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(id)) bad(row, `row ${row}, indicator`, `not an indicator id: '${id}'`);
    const year = Number(yearText);
    if (!/^\d{4}$/.test(yearText) || year < MIN_YEAR || year > MAX_YEAR)
      bad(row, `row ${row}, year`, `not a year in ${MIN_YEAR}..${MAX_YEAR}: '${yearText}'`);
    const value = Number(valueText);
    if (!NUMBER.test(valueText) || !Number.isFinite(value) || Math.abs(value) > MAX_LEVEL)
      bad(row, `row ${row}, value`, `not a number: '${valueText}' (decimal notation, magnitude up to ${MAX_LEVEL})`);
    if (!out.has(id)) out.set(id, new Map());
    const prior = out.get(id)!.get(year);
    if (prior) bad(row, `row ${row}`, `duplicate: '${id}' ${year} is already given on row ${prior.row}`);
    out.get(id)!.set(year, { value, row });
  });
  return out;
}

/** Fields of RFC 4180 CSV text already checked by `scanCsvRecords` (quotes balanced); blank lines skipped. */
function parseCsvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let any = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') {
      quoted = true;
      any = true;
    } else if (c === ',') {
      row.push(field);
      field = '';
      any = true;
    } else if (c === '\n') {
      if (any || field !== '') {
        row.push(field);
        rows.push(row);
      }
      row = [];
      field = '';
      any = false;
    } else {
      field += c;
      if (c.trim() !== '') any = true;
    }
  }
  if (any || field !== '') {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Every number of the document is finite and of magnitude <= MAX_LEVEL (bounds may be infinite, never NaN). */
function checkNumbers(value: unknown, path: Path, fail: (p: Path, m: string) => never): void {
  if (typeof value === 'number') {
    const inBounds = path.includes('bounds');
    if (Number.isNaN(value)) fail(path, 'must be a finite number, got NaN (.nan)');
    if (!Number.isFinite(value) && !inBounds) fail(path, `must be a finite number, got ${value}`);
    if (Number.isFinite(value) && Math.abs(value) > MAX_LEVEL && !inBounds)
      fail(path, `${value} is out of range: magnitudes up to ${MAX_LEVEL} are accepted`);
  } else if (Array.isArray(value)) value.forEach((v, i) => checkNumbers(v, [...path, i], fail));
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) checkNumbers(v, [...path, k], fail);
}

/** Depth of a parsed YAML node, iteratively (the document may be deeper than the stack allows). */
function nodeDepth(root: unknown): number {
  let max = 0;
  const stack: [unknown, number][] = [[root, 1]];
  while (stack.length) {
    const [node, d] = stack.pop()!;
    if (d > max) max = d;
    if (max > LIMITS.documentDepth) return max;
    if (isMap(node)) for (const p of node.items) stack.push([p.value, d + 1]);
    else if (isSeq(node)) for (const item of node.items) stack.push([item, d + 1]);
  }
  return max;
}

/** The line on which bracket nesting first passes the depth limit. */
function deepestBracketLine(text: string): number {
  let depth = 0;
  let line = 1;
  for (const c of text) {
    if (c === '\n') line++;
    else if (c === '(' || c === '[' || c === '{') {
      if (++depth > LIMITS.documentDepth) return line;
    } else if (c === ')' || c === ']' || c === '}') depth--;
  }
  return line;
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
