import { Module } from '@nestjs/common';
import { ReadModelsModule } from '../read-models/read-models.module';
import { AreaDirectory } from './area-directory';
import { ListAreasController } from './list-areas.controller';

@Module({ imports: [ReadModelsModule], controllers: [ListAreasController], providers: [AreaDirectory], exports: [AreaDirectory] })
export class AreasModule {}
