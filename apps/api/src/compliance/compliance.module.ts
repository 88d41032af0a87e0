import { Module } from '@nestjs/common';
import { ReadModelsModule } from '../read-models/read-models.module';
import { GetComplianceFiguresController } from './get-compliance-figures.controller';
import { GetComplianceFiguresHandler } from './get-compliance-figures.handler';

@Module({ imports: [ReadModelsModule], controllers: [GetComplianceFiguresController], providers: [GetComplianceFiguresHandler] })
export class ComplianceModule {}
