export * from './page-renderer';
export * from './charts/bar-chart';
export * from './charts/line-chart';
export * from './charts/svg-chart';
export * from './charts/swimlane-chart';
export * from './render-board-pack';
