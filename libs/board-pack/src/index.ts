export * from './pdf-printer';
export * from './pack-store';
export * from './build-board-pack';
