export * from './report';
export * from './compute-report';
