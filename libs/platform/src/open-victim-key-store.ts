import { join } from 'node:path';
import { SqliteVictimKeyStore, type VictimKeyStore } from '@case-journey/personal-data';
import type { AppConfiguration } from './app-configuration';

/**
 * The victims' data keys, in their own file beside the event store, wrapped by the master key if one is set.
 * `pageCacheKib`: the key file's page cache for this process (better-sqlite3's 16,000 KiB by default).
 */
export function openVictimKeyStore(configuration: AppConfiguration, { pageCacheKib }: { pageCacheKib?: number } = {}): VictimKeyStore {
  return new SqliteVictimKeyStore({
    ...(pageCacheKib !== undefined && { pageCacheKib }),
    filename: join(configuration.dataDirectory, 'victim-keys.db'),
    masterKey: configuration.personalDataMasterKey ? Buffer.from(configuration.personalDataMasterKey, 'base64') : undefined,
  });
}

/** What the startup log says about the key file: a developer must see when a copy of the data folder would unseal every victim. */
export function keyWrappingNotice(configuration: AppConfiguration): string {
  return configuration.personalDataMasterKey
    ? 'victim keys wrapped by PERSONAL_DATA_MASTER_KEY'
    : 'victim keys NOT wrapped (PERSONAL_DATA_MASTER_KEY unset): a copy of DATA_DIR opens every victim’s details; refused when NODE_ENV=production';
}
