import 'reflect-metadata';
import { ServiceUnavailableException, type CallHandler, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { of, type Observable } from 'rxjs';
import type { AuditEntry, AuditLog, AuditRecord } from '@case-journey/access';
import { AccessAuditInterceptor } from './access-audit.interceptor';
import { AUDITED_ACCESS, type AuditedAccess } from './audited-access';

const PAGE = { items: [{ caseId: 'case-1' }, { caseId: 'case-2' }, { caseId: 'case-1' }] };

/** An audit log whose writes complete only when the test says so. */
class HeldAuditLog implements AuditLog {
  readonly records: AuditRecord[][] = [];
  private readonly outcomes: Array<{ store: () => void; fail: (error: Error) => void }> = [];

  record(records: readonly AuditRecord[]): Promise<AuditEntry[]> {
    this.records.push([...records]);
    return new Promise((resolve, reject) => this.outcomes.push({ store: () => resolve([]), fail: reject }));
  }

  read(): never {
    throw new Error('not read here');
  }

  store(): void {
    this.outcomes.shift()!.store();
  }

  fail(error: Error): void {
    this.outcomes.shift()!.fail(error);
  }
}

function auditedPage(log: AuditLog): Observable<unknown> {
  const handler = () => undefined;
  const audited: AuditedAccess<typeof PAGE> = { action: 'worklist-read', accessOf: (_request, answer) => ({ caseIds: answer.items.map((item) => item.caseId) }) };
  Reflect.defineMetadata(AUDITED_ACCESS, audited, handler);
  const request = { params: {}, query: {}, principal: { subject: 'wcu.jones', agency: 'WCU', roles: ['witness-care'] } };
  const context = { getHandler: () => handler, switchToHttp: () => ({ getRequest: () => request }) } as unknown as ExecutionContext;
  const next: CallHandler = { handle: () => of(PAGE) };
  const clock = { now: () => new Date('2026-12-01T09:00:00Z') };
  return new AccessAuditInterceptor(new Reflector(), log, clock).intercept(context, next);
}

const turns = async (count: number) => {
  for (let turn = 0; turn < count; turn++) await new Promise((resolve) => setImmediate(resolve));
};

describe('AccessAuditInterceptor', () => {
  it('holds an audited answer until its entry is stored, then gives it unchanged', async () => {
    const log = new HeldAuditLog();
    const given: unknown[] = [];
    auditedPage(log).subscribe((answer) => given.push(answer));
    await turns(5);
    expect(log.records).toEqual([[{ at: '2026-12-01T09:00:00.000Z', subject: 'wcu.jones', agency: 'WCU', action: 'worklist-read', caseIds: ['case-1', 'case-2'], victimId: null, purpose: null, reason: null }]]);
    expect(given).toEqual([]);

    log.store();
    await turns(1);
    expect(given).toEqual([PAGE]);
  });

  it('gives no answer but a 503 when the entry cannot be stored', async () => {
    const log = new HeldAuditLog();
    const given: unknown[] = [];
    let failure: unknown;
    auditedPage(log).subscribe({ next: (answer) => given.push(answer), error: (error) => (failure = error) });
    await turns(2);
    log.fail(new Error('disk full'));
    await turns(1);
    expect(given).toEqual([]);
    expect(failure).toBeInstanceOf(ServiceUnavailableException);
    expect((failure as ServiceUnavailableException).getStatus()).toBe(503);
  });
});
