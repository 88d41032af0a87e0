import { DynamicModule, Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { GetImportController } from './get-import/get-import.controller';
import { GetImportHandler } from './get-import/get-import.handler';
import { GetRejectionsController } from './get-rejections/get-rejections.controller';
import { IMPORTS_IN_PROCESS, ImportJobs } from './import-jobs';
import { ImportQueue } from './import-queue';
import { ImportStore } from './import-store';
import { StartImportController } from './start-import/start-import.controller';
import { StartImportHandler } from './start-import/start-import.handler';

/** Bulk imports: a file uploaded, then every line recorded by a job through the same recorder as the single requests. */
@Module({})
export class ImportsModule {
  /** `inProcess`: run each import in the API process, not in a process of its own (a test's in-memory store). */
  static forRoot({ inProcess }: { inProcess: boolean }): DynamicModule {
    return {
      module: ImportsModule,
      imports: [CasesModule],
      controllers: [StartImportController, GetImportController, GetRejectionsController],
      providers: [ImportStore, ImportQueue, ImportJobs, StartImportHandler, GetImportHandler, { provide: IMPORTS_IN_PROCESS, useValue: inProcess }],
    };
  }
}
