export * from './event-store-audit-log';
