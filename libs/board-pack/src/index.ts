export * from './pdf-printer';
export * from './pack-store';
export * from './build-board-pack';
export * from './pack-jobs';
export * from './monthly-pack-reports';
