export * from './access-purposes';
export * from './audit-entry';
export * from './audit-chain';
export * from './chain-verification';
export * from './audit-filter';
export * from './audit-log.port';
