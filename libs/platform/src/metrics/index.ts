export * from './service-metrics';
export * from './timed-event-store';
export * from './readiness';
