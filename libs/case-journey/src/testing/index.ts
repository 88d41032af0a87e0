export * from './decider-specification';
export * from './case-builders';
export * from './valid-commands';
