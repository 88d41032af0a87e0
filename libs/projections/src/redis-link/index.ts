export * from './redis-failures';
export * from './redis-link-state';
