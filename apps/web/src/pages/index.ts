import { AdminController } from './admin/admin.controller';
import { AuditController } from './audit/audit.controller';
import { CaseController } from './case/case.controller';
import { CaseFinderController } from './case-finder/case-finder.controller';
import { ComplianceReportController } from './compliance-report/compliance-report.controller';
import { FigureCasesController } from './figure-cases/figure-cases.controller';
import { ErasureController } from './erasure/erasure.controller';
import { HomeController } from './home/home.controller';
import { PublicFiguresController } from './public-figures/public-figures.controller';
import { RecordContactController } from './record-contact/record-contact.controller';
import { RecordHandoffController } from './record-handoff/record-handoff.controller';
import { RetentionController } from './retention/retention.controller';
import { VictimController } from './victim/victim.controller';
import { WorklistController } from './worklist/worklist.controller';

/** One controller per page, each in its own folder with its view model and template. */
export const PAGE_CONTROLLERS = [HomeController, CaseFinderController, CaseController, RecordHandoffController, WorklistController, VictimController, RecordContactController, ComplianceReportController, FigureCasesController, PublicFiguresController, AdminController, AuditController, ErasureController, RetentionController];
