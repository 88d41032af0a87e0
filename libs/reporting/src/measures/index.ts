export * from './fact-sources';
export * from './measure-definitions';
export { parseMeasureDefinitions, MeasureDefinitionsError, type MeasureDefinitionsContext } from './parse-measure-definitions';
export { SHARED_MEASURES } from './shared-measures';
