export * from './projection';
export * from './projection-keys';
export * from './projection-runner';
export * from './projection-versions';
export * from './projection-progress';
export { batchesOf } from './event-batches';
export { caseIdOfStream } from './case-streams';
export * from './key-pages';
export * from './projection-lease';
