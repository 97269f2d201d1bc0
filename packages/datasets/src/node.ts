// @trajectory/datasets/node: the bundled files read from this package's location (Node only)
export {
  loadSeedRows,
  loadSeedIndicators,
  loadSeedDocuments,
  seedDocumentPath,
  readSeedDocument,
  seedsDir,
  seedIndicatorsPath,
  type LoadSeedOptions,
} from './seeds.ts';
export { dataDir, loadHistory, listPanelTypes, loadPanel, loadPlanOutcomes } from './load.ts';
export { loadEvidenceFiles, type EvidenceFiles, type PanelObservationRow } from './evidence.ts';
export * from './index.ts';
