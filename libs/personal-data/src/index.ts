export * from './victim-personal-data';
export * from './victim-key-store.port';
export * from './personal-data-vault';
export * from './in-memory-victim-key-store';
export * from './sqlite-victim-key-store';
export * from './pending-seals';
