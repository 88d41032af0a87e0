export * from './reporting.projection';
export * from './reporting.reader';
export * from './report-snapshots';
export * from './as-of-counters';
export * from './as-of-reports';
export * from './month-end-snapshots';
export * from './figure-cases.reader';
