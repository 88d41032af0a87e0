export * from './notification';
export * from './notification-store';
export * from './webhook-signature';
export * from './webhook-delivery';
export * from './breach-record';
