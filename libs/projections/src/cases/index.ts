export { caseFinderEntryOf, caseFinderRowAt, matchingName, type CaseFinderEntry, type CaseFinderRow } from './case-finder-entry';
export { FINDER_FILTERS, writeFinderChanges, type FinderFilter } from './case-finder.indexes';
export { CaseFinderReader, type CaseFinderPage, type CaseFinderQuery, type FinderCursor, type KnownArea } from './case-finder.reader';
