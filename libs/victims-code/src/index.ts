export * from './calendar';
export * from './rulebook';
export * from './obligations';
