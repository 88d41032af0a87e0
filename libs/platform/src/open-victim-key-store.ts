import { join } from 'node:path';
import { SqliteVictimKeyStore, type VictimKeyStore } from '@case-journey/personal-data';
import type { AppConfiguration } from './app-configuration';

/** The victims' data keys, in their own file beside the event store, wrapped by the master key if one is set. */
export function openVictimKeyStore(configuration: AppConfiguration): VictimKeyStore {
  return new SqliteVictimKeyStore({
    filename: join(configuration.dataDirectory, 'victim-keys.db'),
    masterKey: configuration.personalDataMasterKey ? Buffer.from(configuration.personalDataMasterKey, 'base64') : undefined,
  });
}
