export { obligationId, obligations, type ObligationOptions } from './obligations';
export * from './obligation';
