export * from './report';
export * from './compute-report';
export * from './report-csv';
export * from './case-share';
