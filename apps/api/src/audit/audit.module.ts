import { Module } from '@nestjs/common';
import { ListAuditController } from './list-audit/list-audit.controller';
import { ListAuditHandler } from './list-audit/list-audit.handler';

/** The audit log of access to victims' data: its query (`recordAccess` writes it, run by each audited route's `@Audited` interceptor or, for the worklist, by its handler). */
@Module({
  controllers: [ListAuditController],
  providers: [ListAuditHandler],
})
export class AuditModule {}
