import { DynamicModule, Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { AUDIT_LOG, type AuditLog } from '@case-journey/access';
import { EVENT_STORE, type EventStore } from '@case-journey/event-store';
import { PersonalDataVault, VICTIM_KEY_STORE, type VictimKeyStore } from '@case-journey/personal-data';
import { AppConfiguration } from './app-configuration';
import { EventStoreAuditLog } from './audit-log';
import { CLOCK, systemClock, type Clock } from './clock';
import { openEventStore } from './open-event-store';
import { openVictimKeyStore } from './open-victim-key-store';

export interface PlatformOverrides {
  eventStore?: EventStore;
  victimKeyStore?: VictimKeyStore;
  auditLog?: AuditLog;
  clock?: Clock;
}

@Injectable()
class PlatformShutdown implements OnApplicationShutdown {
  constructor(
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(VICTIM_KEY_STORE) private readonly keys: VictimKeyStore,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.eventStore.close();
    this.keys.close?.();
  }
}

/**
 * The adapters both apps share: the configured event store, the victim key store and the vault,
 * the audit log (a stream of the event store), and the clock. Tests pass overrides instead of touching the configuration.
 */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(configuration: AppConfiguration, overrides: PlatformOverrides = {}): DynamicModule {
    return {
      module: PlatformModule,
      providers: [
        { provide: AppConfiguration, useValue: configuration },
        { provide: EVENT_STORE, useFactory: () => overrides.eventStore ?? openEventStore(configuration) },
        { provide: VICTIM_KEY_STORE, useFactory: () => overrides.victimKeyStore ?? openVictimKeyStore(configuration) },
        { provide: PersonalDataVault, useFactory: (keys: VictimKeyStore) => new PersonalDataVault(keys), inject: [VICTIM_KEY_STORE] },
        { provide: AUDIT_LOG, useFactory: (store: EventStore) => overrides.auditLog ?? new EventStoreAuditLog(store), inject: [EVENT_STORE] },
        { provide: CLOCK, useValue: overrides.clock ?? systemClock },
        PlatformShutdown,
      ],
      exports: [AppConfiguration, EVENT_STORE, VICTIM_KEY_STORE, PersonalDataVault, AUDIT_LOG, CLOCK],
    };
  }
}
