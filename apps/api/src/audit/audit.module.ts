import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AccessAuditInterceptor } from './access-audit.interceptor';
import { ListAuditController } from './list-audit/list-audit.controller';
import { ListAuditHandler } from './list-audit/list-audit.handler';

/** The audit log of access to victims' data: the interceptor that writes it for every audited route, and its query. */
@Module({
  controllers: [ListAuditController],
  providers: [ListAuditHandler, { provide: APP_INTERCEPTOR, useClass: AccessAuditInterceptor }],
})
export class AuditModule {}
