import { DynamicModule, Module } from '@nestjs/common';
import { AppConfiguration, PlatformModule, type PlatformOverrides } from '@case-journey/platform';
import { HandoffFeed } from './handoff-feed/handoff-feed';
import { WorkerProbes } from './observability/worker-probes';
import { ProjectionsModule } from './projections/projections.module';
import { RedisConnection } from './redis-connection';
import { ReportsModule } from './reports/reports.module';

@Module({})
export class WorkerModule {
  static forRoot(configuration: AppConfiguration, overrides: PlatformOverrides = {}): DynamicModule {
    return {
      module: WorkerModule,
      imports: [PlatformModule.forRoot(configuration, overrides, 'worker'), ProjectionsModule, ReportsModule],
      providers: [RedisConnection, HandoffFeed, WorkerProbes],
    };
  }
}
