// The one simulation engine: Paths, path models, summary, attainment, defaults
export * from './engine/index.ts';
// Projections: methods, calibrated intervals
export * from './projection/index.ts';
// Assessment: attainability of targets and the published assessors
export * from './assessment/index.ts';
// Pooled projections by measure: dynamics, panel priors, parent regions
export * from './pooled/index.ts';
// Plan outcomes: features, logistic outcome model, cross-validation, scores
export * from './outcomes/index.ts';
