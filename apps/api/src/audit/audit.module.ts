import { Module } from '@nestjs/common';
import { ListAuditController } from './list-audit/list-audit.controller';
import { ListAuditHandler } from './list-audit/list-audit.handler';

/** The audit log of access to victims' data: its query (the interceptor that writes it is each audited route's own, `@Audited`). */
@Module({
  controllers: [ListAuditController],
  providers: [ListAuditHandler],
})
export class AuditModule {}
