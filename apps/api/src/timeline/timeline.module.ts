import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { ReadModelsModule } from '../read-models/read-models.module';
import { GetCaseTimelineController } from './get-case-timeline.controller';
import { GetCaseTimelineHandler } from './get-case-timeline.handler';

@Module({ imports: [ReadModelsModule, CasesModule], controllers: [GetCaseTimelineController], providers: [GetCaseTimelineHandler] })
export class TimelineModule {}
