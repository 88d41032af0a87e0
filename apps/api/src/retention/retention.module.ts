import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { ReadModelsModule } from '../read-models/read-models.module';
import { GetRetentionRunController } from './get-retention-run/get-retention-run.controller';
import { GetRetentionRunHandler } from './get-retention-run/get-retention-run.handler';
import { RequestDryRunController } from './request-dry-run/request-dry-run.controller';
import { RequestDryRunHandler } from './request-dry-run/request-dry-run.handler';
import { RequestRetentionErasureController } from './request-retention-erasure/request-retention-erasure.controller';
import { RequestRetentionErasureHandler } from './request-retention-erasure/request-retention-erasure.handler';
import { RetentionJobs } from './retention-jobs';
import { RetentionQueue } from './retention-queue';

/** The retention period: a dry run lists whose data to erase, then an erasure of that listing. */
@Module({
  imports: [CasesModule, ReadModelsModule],
  controllers: [RequestDryRunController, GetRetentionRunController, RequestRetentionErasureController],
  providers: [RetentionQueue, RetentionJobs, RequestDryRunHandler, GetRetentionRunHandler, RequestRetentionErasureHandler],
})
export class RetentionModule {}
