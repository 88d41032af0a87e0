import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { AppConfiguration, PlatformModule, type PlatformOverrides } from '@case-journey/platform';
import { AccessModule } from './access/access.module';
import { AreasModule } from './areas/areas.module';
import { AuditModule } from './audit/audit.module';
import { CaseFinderModule } from './cases/find-cases/case-finder.module';
import { CasesModule } from './cases/cases.module';
import { ComplianceModule } from './compliance/compliance.module';
import { HealthController } from './health/health.controller';
import { ProbesController } from './health/probes.controller';
import { RequestLoggingModule, type LogDestination } from './http/request-logging';
import { ProblemDetailsFilter } from './http/problem-details.filter';
import { ImportsModule } from './imports/imports.module';
import { JourneysModule } from './journeys/journeys.module';
import { NotificationsModule } from './notifications/notifications.module';
import { MetricsController } from './observability/metrics.controller';
import { ApiScrapeSources } from './observability/scrape-sources';
import { ProjectionsAdminModule } from './projections/projections-admin.module';
import { ReadModelsModule } from './read-models/read-models.module';
import { BoardPacksModule } from './reports/packs/board-packs.module';
import { ReportsModule } from './reports/reports.module';
import { RetentionModule } from './retention/retention.module';
import { TimelineModule } from './timeline/timeline.module';
import { VictimsModule } from './victims/victims.module';
import { WorklistsModule } from './worklists/worklists.module';

export interface ApiOverrides extends PlatformOverrides {
  /** Where the request log goes instead of stdout. */
  logDestination?: LogDestination;
}

/**
 * Imports run in a process of their own, which opens the stores from the settings; a store or clock
 * given by a test exists only in this process, so its imports run here.
 */
const importsInProcess = (overrides: ApiOverrides): boolean => Boolean(overrides.eventStore || overrides.victimKeyStore || overrides.clock);

@Module({})
export class AppModule {
  static forRoot(configuration: AppConfiguration, overrides: ApiOverrides = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot(configuration, overrides, 'api'),
        RequestLoggingModule.forRoot(overrides.clock && !overrides.logDestination ? 'warn' : configuration.logLevel, overrides.logDestination),
        AccessModule,
        CqrsModule.forRoot(),
        CasesModule,
        ImportsModule.forRoot({ inProcess: importsInProcess(overrides) }),
        CaseFinderModule,
        AreasModule,
        ReadModelsModule,
        TimelineModule,
        JourneysModule,
        WorklistsModule,
        ComplianceModule,
        NotificationsModule,
        ProjectionsAdminModule,
        BoardPacksModule,
        ReportsModule,
        VictimsModule,
        AuditModule,
        RetentionModule,
      ],
      controllers: [HealthController, ProbesController, MetricsController],
      providers: [
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        ApiScrapeSources,
      ],
    };
  }
}
