export * from './app-configuration';
export * from './clock';
export * from './open-event-store';
export * from './open-victim-key-store';
export * from './audit-log';
export * from './metrics';
export * from './platform.module';
export * from './compiled-entry';
