import { Module } from '@nestjs/common';
import { ReadModelsModule } from '../read-models/read-models.module';
import { GetReportController } from './get-report/get-report.controller';
import { GetReportHandler } from './get-report/get-report.handler';
import { ListFigureCasesController } from './list-figure-cases/list-figure-cases.controller';
import { ListFigureCasesHandler } from './list-figure-cases/list-figure-cases.handler';
import { ListMeasuresController } from './list-measures/list-measures.controller';
import { ListMeasuresHandler } from './list-measures/list-measures.handler';
import { PublicReportController } from './public-report/public-report.controller';
import { REPORT_PROVIDERS } from './reports.providers';

/**
 * GET /reports/measures, GET /reports/:measure, GET /reports/:measure/cases and GET /public/reports/:measure. Registered after
 * the board packs' module, so that /reports/packs is matched as packs before it could be read as a measure.
 */
@Module({
  imports: [ReadModelsModule],
  controllers: [ListMeasuresController, GetReportController, ListFigureCasesController, PublicReportController],
  providers: [...REPORT_PROVIDERS, ListMeasuresHandler, GetReportHandler, ListFigureCasesHandler],
})
export class ReportsModule {}
