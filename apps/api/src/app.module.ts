import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { AppConfiguration, PlatformModule, type PlatformOverrides } from '@case-journey/platform';
import { ACCESS_POLICY, type AccessPolicy } from './access/access-policy';
import { AccessGuard } from './access/access.guard';
import { OpenAccessPolicy } from './access/open-access.policy';
import { AuditModule } from './audit/audit.module';
import { CasesModule } from './cases/cases.module';
import { ComplianceModule } from './compliance/compliance.module';
import { HealthController } from './health/health.controller';
import { ProblemDetailsFilter } from './http/problem-details.filter';
import { JourneysModule } from './journeys/journeys.module';
import { NotificationsModule } from './notifications/notifications.module';
import { ProjectionsAdminModule } from './projections/projections-admin.module';
import { ReadModelsModule } from './read-models/read-models.module';
import { RetentionModule } from './retention/retention.module';
import { TimelineModule } from './timeline/timeline.module';
import { VictimsModule } from './victims/victims.module';
import { WorklistsModule } from './worklists/worklists.module';

export interface ApiOverrides extends PlatformOverrides {
  accessPolicy?: AccessPolicy;
}

@Module({})
export class AppModule {
  static forRoot(configuration: AppConfiguration, overrides: ApiOverrides = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot(configuration, overrides),
        CqrsModule.forRoot(),
        CasesModule,
        ReadModelsModule,
        TimelineModule,
        JourneysModule,
        WorklistsModule,
        ComplianceModule,
        NotificationsModule,
        ProjectionsAdminModule,
        VictimsModule,
        AuditModule,
        RetentionModule,
      ],
      controllers: [HealthController],
      providers: [
        { provide: ACCESS_POLICY, useValue: overrides.accessPolicy ?? new OpenAccessPolicy() },
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
      ],
    };
  }
}
