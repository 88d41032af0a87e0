export * from './vocabulary';
export * from './events';
export * from './commands';
export * from './corrections';
export * from './upcasting';
