export * from './reporting.projection';
export * from './reporting.reader';
export * from './report-snapshots';
export * from './as-of-counters';
