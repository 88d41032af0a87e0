export { obligationId, obligations, type ObligationOptions } from './obligations';
export * from './obligation';
export { enhancedRightsOf, type VictimEnhancedRights } from './enhanced-rights';
export { conditionsHold } from './trigger-conditions';
