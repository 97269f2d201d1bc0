// Result types (plain JSON)
export * from './types.ts';
// Assessing targets and plans
export {
  assessTarget,
  assessTargetWith,
  resolveAssessOptions,
  projectIndicator,
  prepareSeries,
  isPeriodSum,
  attainmentCalibration,
} from './assess-target.ts';
export type {
  AssessOptions,
  ResolvedAssessOptions,
  PreparedSeries,
  ProjectionSource,
  CalibrationContext,
  AttainmentCalibration,
} from './assess-target.ts';
export { assessPlan, findTargetConflicts, type AssessPlanOptions } from './assess-plan.ts';
export {
  proposeTargets,
  proposalDirection,
  proposalIndicator,
  pastTargetsFrom,
  PROPOSAL_LADDER,
  LADDER_NAMES,
  PROPOSAL_TOLERANCE,
} from './propose-targets.ts';
export type {
  ProposeOptions,
  Proposal,
  ProposalRung,
  ProposalEvidence,
  RungEvidence,
  PastTarget,
  TargetProposals,
} from './propose-targets.ts';
export { reviewPlan, provisionalReason } from './review-plan.ts';
export type { ReviewOptions, ReviewStatus, ReviewObservation, TargetReview, PlanReview } from './review-plan.ts';
export { customaryStep, roundingCandidates } from './customary-rounding.ts';
export { resolveTargetValue, type TargetResolution } from './resolve-target.ts';
// Building blocks
export { growthRate, growthRatio } from './growth.ts';
export {
  defaultProjector,
  type Projector,
  type ProjectorOptions,
  type ProjectorSeries,
  type ProjectionLike,
} from './projector.ts';
// The published assessors
export {
  eurostatVerdict,
  EUROSTAT_NAME,
  EUROSTAT_RULE,
  EUROSTAT_SOURCE,
  type EurostatInput,
} from './assessors/eurostat.ts';
export { escapVerdict, ESCAP_NAME, ESCAP_RULE, ESCAP_SOURCE, type EscapInput } from './assessors/escap.ts';
export { sdsnVerdict, SDSN_NAME, SDSN_RULE, SDSN_SOURCE, type SdsnInput } from './assessors/sdsn.ts';
export { xushiVerdict, XUSHI_NAME, XUSHI_SOURCE, type XushiInput, type XushiOptions } from './assessors/xushi.ts';
