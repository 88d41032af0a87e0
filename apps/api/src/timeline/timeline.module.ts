import { Module } from '@nestjs/common';
import { ReadModelsModule } from '../read-models/read-models.module';
import { GetCaseTimelineController } from './get-case-timeline.controller';
import { GetCaseTimelineHandler } from './get-case-timeline.handler';

@Module({ imports: [ReadModelsModule], controllers: [GetCaseTimelineController], providers: [GetCaseTimelineHandler] })
export class TimelineModule {}
