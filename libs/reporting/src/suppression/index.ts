export type { CountTable, CellMarks, GridCell } from './count-table';
export { marginedGrid } from './count-table';
export * from './protection-rule';
export { auditedComplementarySuppression, SuppressionImpossible, type ComplementaryStrategy } from './complementary-suppression';
export * from './published-table';
export * from './suppressed-report';
