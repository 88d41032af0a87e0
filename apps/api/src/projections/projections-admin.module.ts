import { Module } from '@nestjs/common';
import { ReadModelsModule } from '../read-models/read-models.module';
import { GetRebuildHandler } from './get-rebuild.handler';
import { ProjectionsAdminController } from './projections-admin.controller';
import { RequestRebuildHandler } from './request-rebuild.handler';

@Module({ imports: [ReadModelsModule], controllers: [ProjectionsAdminController], providers: [RequestRebuildHandler, GetRebuildHandler] })
export class ProjectionsAdminModule {}
