export * from './snapshot-schedule';
