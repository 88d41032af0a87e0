import type { ImportFormat } from './import-journal';
import type { RecordSource } from './process-import';
import { csvRecords } from './csv-records';
import { isShippedMapping, loadMapping } from './mappings/shipped-mappings';
import { fileText, ndjsonRecords } from './source-lines';

/** What a source reads, as plain data: a validation thread makes the same source from it. */
export interface SourceSpec {
  format: ImportFormat;
  mapping?: string;
}

/** A source that can say what it reads, so that its lines can be read and validated on another thread. */
export type DescribedSource = RecordSource & { spec: SourceSpec };

export const isDescribedSource = (source: RecordSource): source is DescribedSource => 'spec' in source;

export const ndjsonSource: DescribedSource = Object.assign<RecordSource, { spec: SourceSpec }>((path, options) => ndjsonRecords(fileText(path, options), options), {
  spec: { format: 'ndjson' },
});

/** How the file's lines become records: NDJSON as they are, CSV through its mapping. */
export function sourceFor(format: ImportFormat, mapping: string | undefined): DescribedSource {
  if (format === 'ndjson') return ndjsonSource;
  if (!mapping) throw new Error('A CSV import needs a mapping');
  const loaded = loadMapping(mapping);
  return Object.assign<RecordSource, { spec: SourceSpec }>((path, options) => csvRecords(path, loaded, options), { spec: { format, mapping } });
}

/** Whether a mapping of that name is shipped. */
export const isKnownMapping = isShippedMapping;
