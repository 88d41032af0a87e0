export * from './page-renderer';
export * from './charts/bar-chart';
export * from './render-board-pack';
