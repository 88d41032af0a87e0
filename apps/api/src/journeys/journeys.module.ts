import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { ReadModelsModule } from '../read-models/read-models.module';
import { GetVictimJourneyController } from './get-victim-journey.controller';
import { GetVictimJourneyHandler } from './get-victim-journey.handler';

@Module({ imports: [ReadModelsModule, CasesModule], controllers: [GetVictimJourneyController], providers: [GetVictimJourneyHandler] })
export class JourneysModule {}
