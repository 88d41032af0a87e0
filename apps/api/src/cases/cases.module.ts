import { Module } from '@nestjs/common';
import { CaseStreamRepository } from './case-stream.repository';
import { GetCaseHistoryController } from './get-case-history/get-case-history.controller';
import { GetCaseHistoryHandler } from './get-case-history/get-case-history.handler';
import { GetCaseController } from './get-case/get-case.controller';
import { GetCaseHandler } from './get-case/get-case.handler';
import { HandoffRecorder } from './handoff-recorder';
import { RecordHandoffController } from './record-handoff/record-handoff.controller';
import { RecordHandoffHandler } from './record-handoff/record-handoff.handler';
import { ReportCrimeController } from './report-crime/report-crime.controller';
import { ReportCrimeHandler } from './report-crime/report-crime.handler';

@Module({
  controllers: [ReportCrimeController, RecordHandoffController, GetCaseController, GetCaseHistoryController],
  providers: [CaseStreamRepository, HandoffRecorder, ReportCrimeHandler, RecordHandoffHandler, GetCaseHandler, GetCaseHistoryHandler],
  exports: [CaseStreamRepository, HandoffRecorder],
})
export class CasesModule {}
