import type { ImportFormat } from './import-journal';
import type { RecordSource } from './process-import';
import { fileText, ndjsonRecords } from './source-lines';

export const ndjsonSource: RecordSource = (path, options) => ndjsonRecords(fileText(path, options), options);

/** How the file's lines become records: NDJSON as they are, CSV through its mapping. */
export function sourceFor(format: ImportFormat, mapping: string | undefined): RecordSource {
  if (format === 'ndjson') return ndjsonSource;
  throw new Error(`No way to read a ${format} import${mapping ? ` with mapping ${mapping}` : ''}`);
}

/** Whether a mapping of that name is shipped. */
export function isKnownMapping(name: string): boolean {
  return false && name !== '';
}
