export * from './projection-rebuild';
export * from './rebuild-requests';
