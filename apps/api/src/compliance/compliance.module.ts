import { Module } from '@nestjs/common';
import { AreasModule } from '../areas/areas.module';
import { ReadModelsModule } from '../read-models/read-models.module';
import { GetComplianceFiguresController } from './get-compliance-figures.controller';
import { GetComplianceFiguresHandler } from './get-compliance-figures.handler';
import { GetTimelinessFiguresController } from './get-timeliness-figures.controller';
import { GetTimelinessFiguresHandler } from './get-timeliness-figures.handler';

@Module({ imports: [ReadModelsModule, AreasModule], controllers: [GetComplianceFiguresController, GetTimelinessFiguresController], providers: [GetComplianceFiguresHandler, GetTimelinessFiguresHandler] })
export class ComplianceModule {}
