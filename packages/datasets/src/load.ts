/**
 * Thin Node wrappers that read the bundled datasets (`data/history.csv`, `data/panels/<type>.csv`,
 * `data/plan-outcomes.csv`) from this package's location and hand the text to the pure parsers. A dataset that has
 * not been added yet reads as `[]`; a file that exists but is malformed is an error.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type HistoryRecord, parseHistoryCsv } from './history.ts';
import { type PanelRecord, parsePanelCsv } from './panels.ts';
import { type PlanOutcomeRecord, parsePlanOutcomesCsv } from './plan-outcomes.ts';

const bundled = new URL('../data/', import.meta.url);

/** Absolute path of the package's `data/` directory. */
export const dataDir: string = fileURLToPath(bundled);

/**
 * The loaders of the datasets under the directory `dataUrl` (the bundled `data/` for the exported ones; a test
 * directory in the tests).
 *
 * @example
 * datasetsIn(new URL('file:///tmp/data/')).loadHistory()
 */
export function datasetsIn(dataUrl: URL) {
  /** The text of `<dataUrl>/<name>`, or `undefined` if the file does not exist. */
  const readOptional = (name: string): string | undefined => {
    const url = new URL(name, dataUrl);
    return existsSync(url) ? readFileSync(url, 'utf8') : undefined;
  };
  const listPanelTypes = (): string[] => {
    const dir = new URL('panels/', dataUrl);
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .filter((name) => /^[a-z0-9][a-z0-9_]*\.csv$/.test(name))
      .map((name) => name.slice(0, -'.csv'.length))
      .sort();
  };
  return {
    loadHistory(): HistoryRecord[] {
      const text = readOptional('history.csv');
      return text === undefined ? [] : parseHistoryCsv(text, 'history.csv');
    },
    listPanelTypes,
    loadPanel(type: string): PanelRecord[] {
      const types = listPanelTypes();
      if (!types.includes(type))
        throw new RangeError(`loadPanel: no panel of type '${type}' (there are: ${types.join(', ') || 'none'})`);
      return parsePanelCsv(readFileSync(new URL(`panels/${type}.csv`, dataUrl), 'utf8'), type, `panels/${type}.csv`);
    },
    loadPlanOutcomes(): PlanOutcomeRecord[] {
      const text = readOptional('plan-outcomes.csv');
      return text === undefined ? [] : parsePlanOutcomesCsv(text, 'plan-outcomes.csv');
    },
  };
}

const data = datasetsIn(bundled);

/**
 * The yearly history of the seed indicators and their parent regions (`data/history.csv`); `[]` while the file
 * does not exist.
 *
 * @throws IndicatorDataError naming file, line, row and field if the file is malformed
 * @example
 * loadHistory().filter((r) => r.indicator === 'tianjin.hightech_firms').map((r) => [r.year, r.value])
 */
export function loadHistory(): HistoryRecord[] {
  return data.loadHistory();
}

/**
 * The indicator types that have a panel (`data/panels/<type>.csv`), sorted; `[]` while there is none.
 *
 * @example
 * listPanelTypes() // e.g. ['gdp', 'rd_intensity', ...]
 */
export function listPanelTypes(): string[] {
  return data.listPanelTypes();
}

/**
 * The panel of one indicator type (`data/panels/<type>.csv`): every region's yearly values with their source and
 * licence.
 *
 * @throws RangeError if there is no panel of that type (the message lists the types there are)
 * @throws IndicatorDataError naming file, line, row and field if the file is malformed
 * @example
 * loadPanel('rd_intensity').filter((r) => r.region_level === 'province')
 */
export function loadPanel(type: string): PanelRecord[] {
  return data.loadPanel(type);
}

/**
 * Past plans' targets with their outcomes (`data/plan-outcomes.csv`); `[]` while the file does not exist.
 *
 * @throws IndicatorDataError naming file, line, row and field if the file is malformed
 * @example
 * const rows = loadPlanOutcomes();
 * rows.filter((r) => r.met).length / rows.length // share of past targets met
 */
export function loadPlanOutcomes(): PlanOutcomeRecord[] {
  return data.loadPlanOutcomes();
}
