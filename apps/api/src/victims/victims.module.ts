import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { ReadModelsModule } from '../read-models/read-models.module';
import { EraseVictimDataController } from './erase-victim-data/erase-victim-data.controller';
import { EraseVictimDataHandler } from './erase-victim-data/erase-victim-data.handler';
import { ReadModelsProgress } from './erase-victim-data/read-models-progress';
import { GetVictimDetailsController } from './get-victim-details/get-victim-details.controller';
import { GetVictimDetailsHandler } from './get-victim-details/get-victim-details.handler';

/** A victim's personal details: unsealed for a stated purpose, and erased. */
@Module({
  imports: [CasesModule, ReadModelsModule],
  controllers: [GetVictimDetailsController, EraseVictimDataController],
  providers: [GetVictimDetailsHandler, EraseVictimDataHandler, ReadModelsProgress],
})
export class VictimsModule {}
