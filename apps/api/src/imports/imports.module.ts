import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { GetImportController } from './get-import/get-import.controller';
import { GetImportHandler } from './get-import/get-import.handler';
import { GetRejectionsController } from './get-rejections/get-rejections.controller';
import { ImportJobs } from './import-jobs';
import { ImportQueue } from './import-queue';
import { ImportStore } from './import-store';
import { StartImportController } from './start-import/start-import.controller';
import { StartImportHandler } from './start-import/start-import.handler';

/** Bulk imports: a file uploaded, then every line recorded by a job through the same recorder as the single requests. */
@Module({
  imports: [CasesModule],
  controllers: [StartImportController, GetImportController, GetRejectionsController],
  providers: [ImportStore, ImportQueue, ImportJobs, StartImportHandler, GetImportHandler],
})
export class ImportsModule {}
