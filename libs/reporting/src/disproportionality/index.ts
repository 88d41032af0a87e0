export * from './wilson-interval';
export * from './rate-ratio';
export * from './proportion-test';
export * from './group-comparison';
export { criticalValue } from './normal-distribution';
