export * from './case-facts';
export * from './fact-counters';
