import type { ImportFormat } from './import-journal';
import type { RecordSource } from './process-import';
import { csvRecords } from './csv-records';
import { isShippedMapping, loadMapping } from './mappings/shipped-mappings';
import { fileText, ndjsonRecords } from './source-lines';

export const ndjsonSource: RecordSource = (path, options) => ndjsonRecords(fileText(path, options), options);

/** How the file's lines become records: NDJSON as they are, CSV through its mapping. */
export function sourceFor(format: ImportFormat, mapping: string | undefined): RecordSource {
  if (format === 'ndjson') return ndjsonSource;
  if (!mapping) throw new Error('A CSV import needs a mapping');
  const loaded = loadMapping(mapping);
  return (path, options) => csvRecords(path, loaded, options);
}

/** Whether a mapping of that name is shipped. */
export const isKnownMapping = isShippedMapping;
