// Projections: methods, simulation, calibrated intervals
export * from './projection/index.ts';
// Assessment: attainability of targets and the published assessors
export * from './assessment/index.ts';
