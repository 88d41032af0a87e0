export * from './board-pack';
export * from './board-pack-of';
export * from './figure-format';
export * from './figures-digest';
export * from './pack-contents';
export * from './pack-months';
