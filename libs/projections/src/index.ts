export * from './runner';
export * from './timeline';
