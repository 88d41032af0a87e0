import { Module } from '@nestjs/common';
import { AreasModule } from '../../areas/areas.module';
import { ReadModelsModule } from '../../read-models/read-models.module';
import { FindCasesController } from './find-cases.controller';
import { FindCasesHandler } from './find-cases.handler';

@Module({ imports: [ReadModelsModule, AreasModule], controllers: [FindCasesController], providers: [FindCasesHandler] })
export class CaseFinderModule {}
