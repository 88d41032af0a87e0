export * from './runner';
export * from './timeline';
export * from './obligations';
export * from './deadlines';
export * from './notifications';
export * from './rebuild';
export * from './cases';
export * from './reporting';
