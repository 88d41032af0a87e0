import { Module } from '@nestjs/common';
import { AreasModule } from '../areas/areas.module';
import { ReadModelsModule } from '../read-models/read-models.module';
import { GetWitnessCareWorklistController } from './get-witness-care-worklist.controller';
import { GetWitnessCareWorklistHandler } from './get-witness-care-worklist.handler';

@Module({ imports: [ReadModelsModule, AreasModule], controllers: [GetWitnessCareWorklistController], providers: [GetWitnessCareWorklistHandler] })
export class WorklistsModule {}
