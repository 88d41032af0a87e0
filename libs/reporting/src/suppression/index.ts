export type { CountTable, CellMarks } from './count-table';
export { marginedGrid } from './count-table';
export * from './protection-rule';
export { auditedComplementarySuppression, type ComplementaryStrategy } from './complementary-suppression';
export * from './published-table';
