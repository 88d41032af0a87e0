export * from './runner';
export * from './timeline';
export * from './obligations';
