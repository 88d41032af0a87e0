export * from './journey-rule-violation';
export * from './journey-rules';
export { MAX_CLOCK_SKEW_MS } from './timing.rules';
