// PURE. Board reports: measure definitions (data), measures, disproportionality and small-number suppression.
export * from './disproportionality';
export * from './suppression';
export * from './pack';
export * from './measures';
export * from './facts';
export * from './reports';
export * from './snapshots';
