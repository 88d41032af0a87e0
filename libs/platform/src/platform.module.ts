import { DynamicModule, Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { AUDIT_LOG, type AuditLog } from '@case-journey/access';
import { EVENT_STORE, type EventStore } from '@case-journey/event-store';
import { PersonalDataVault, VICTIM_KEY_STORE, type VictimKeyStore } from '@case-journey/personal-data';
import { AppConfiguration } from './app-configuration';
import { EventStoreAuditLog } from './audit-log';
import { CLOCK, systemClock, type Clock } from './clock';
import { openEventStore } from './open-event-store';
import { ServiceMetrics, timedEventStore } from './metrics';
import { openVictimKeyStore } from './open-victim-key-store';

export interface PlatformOverrides {
  eventStore?: EventStore;
  victimKeyStore?: VictimKeyStore;
  auditLog?: AuditLog;
  clock?: Clock;
  metrics?: ServiceMetrics;
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
 * the audit log (a stream of the event store), the clock, and the process's metrics (its event store timed). Tests pass overrides instead of touching the configuration.
 */
@Global()
@Module({})
export class PlatformModule {
  /** `app` names the process in its metrics (`api`, `worker`). */
  static forRoot(configuration: AppConfiguration, overrides: PlatformOverrides = {}, app = 'case-journey'): DynamicModule {
    return {
      module: PlatformModule,
      providers: [
        { provide: AppConfiguration, useValue: configuration },
        { provide: ServiceMetrics, useFactory: () => overrides.metrics ?? new ServiceMetrics(app) },
        {
          provide: EVENT_STORE,
          useFactory: async (metrics: ServiceMetrics) => timedEventStore(overrides.eventStore ?? (await openEventStore(configuration)), metrics),
          inject: [ServiceMetrics],
        },
        { provide: VICTIM_KEY_STORE, useFactory: () => overrides.victimKeyStore ?? openVictimKeyStore(configuration) },
        { provide: PersonalDataVault, useFactory: (keys: VictimKeyStore) => new PersonalDataVault(keys), inject: [VICTIM_KEY_STORE] },
        { provide: AUDIT_LOG, useFactory: (store: EventStore) => overrides.auditLog ?? new EventStoreAuditLog(store), inject: [EVENT_STORE] },
        { provide: CLOCK, useValue: overrides.clock ?? systemClock },
        PlatformShutdown,
      ],
      exports: [AppConfiguration, ServiceMetrics, EVENT_STORE, VICTIM_KEY_STORE, PersonalDataVault, AUDIT_LOG, CLOCK],
    };
  }
}
