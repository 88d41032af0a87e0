export { caseJudgement, obligationId, obligations, type CaseJudgement, type ObligationOptions } from './obligations';
export * from './obligation';
export { enhancedRightsOf, type VictimEnhancedRights } from './enhanced-rights';
export { conditionsHold } from './trigger-conditions';
