import { PersonalDataVault } from '@case-journey/personal-data';
import type { SqliteEventStoreOptions } from '@case-journey/event-store';
import { openEventStore, openVictimKeyStore, systemClock, type AppConfiguration } from '@case-journey/platform';
import { CaseStreamRepository } from '../cases/case-stream.repository';
import { HandoffRecorder } from '../cases/handoff-recorder';
import { IMPORT_FOLDED_EVENTS_KEPT, IMPORT_PAGE_CACHE_KIB, type ImportServices } from './process-import';

/**
 * What an importer's own process (the CLI, an API import's child) records through: the stores the
 * settings name, each SQLite file with the importer's small page cache, and the same recorder as
 * the API. The embedded event store's log is copied back into its file on a thread of its own, so
 * that the import's commits neither copy it nor wait for the disk (`checkpoints: 'in-commit'` puts
 * them back in the commits, for the ingestion bench to compare). `close` closes both stores.
 */
export async function openImporterServices(
  configuration: AppConfiguration,
  { checkpoints = 'on-thread' }: Pick<SqliteEventStoreOptions, 'checkpoints'> = {},
): Promise<{ services: ImportServices; close: () => Promise<void> }> {
  const keys = openVictimKeyStore(configuration, { pageCacheKib: IMPORT_PAGE_CACHE_KIB });
  const store = await openEventStore(configuration, { pageCacheKib: IMPORT_PAGE_CACHE_KIB, checkpoints });
  const repository = new CaseStreamRepository(store, { foldedEventsKept: IMPORT_FOLDED_EVENTS_KEPT });
  const recorder = new HandoffRecorder(repository, configuration, new PersonalDataVault(keys));
  return {
    services: { recorder, repository, configuration, clock: systemClock },
    close: async () => {
      await store.close();
      keys.close?.();
    },
  };
}
