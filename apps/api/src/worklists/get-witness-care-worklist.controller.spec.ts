import 'reflect-metadata';
import { ServiceUnavailableException } from '@nestjs/common';
import type { QueryBus } from '@nestjs/cqrs';
import { grantFor, type AuditEntry, type AuditLog, type AuditRecord, type Principal } from '@case-journey/access';
import { WorklistText } from '@case-journey/projections';
import { loadConfiguration } from '@case-journey/platform';
import type { AreaDirectory } from '../areas/area-directory';
import { GetWitnessCareWorklistController } from './get-witness-care-worklist.controller';
import type { WitnessCareWorklistDto } from './witness-care-worklist.dto';

const PRINCIPAL: Principal = { subject: 'wcu.jones', roles: ['witness-care'], agency: 'WCU', areas: ['Wessex'], sourceSystems: [] };

class RecordingAuditLog implements AuditLog {
  readonly records: AuditRecord[][] = [];
  constructor(private readonly failure?: Error) {}

  async record(records: readonly AuditRecord[]): Promise<AuditEntry[]> {
    if (this.failure) throw this.failure;
    this.records.push([...records]);
    return [];
  }

  read(): never {
    throw new Error('not read here');
  }
}

function worklistWith(page: WorklistText, log: AuditLog): (request: object) => Promise<WorklistText> {
  const queries = { execute: async () => page } as unknown as QueryBus;
  const areas = { knownIfGiven: async (area: string | undefined) => area } as unknown as AreaDirectory;
  const configuration = loadConfiguration({ OIDC_ISSUER: 'https://issuer.test' });
  const controller = new GetWitnessCareWorklistController(queries, areas, configuration, log, { now: () => new Date('2026-12-01T09:00:00Z') });
  const decision = grantFor(PRINCIPAL, 'worklist:read');
  if (!decision.granted) throw new Error(decision.reason);
  return (request) => controller.getWorklist({ agency: 'WCU' } as WitnessCareWorklistDto, decision.grant, { params: {}, query: {}, principal: PRINCIPAL, ...request });
}

describe('the witness care worklist, audited in its handler', () => {
  it('given a page naming cases, records who saw them (each case once) before giving the page unchanged', async () => {
    const log = new RecordingAuditLog();
    const page = new WorklistText('{"items":[]}', ['case-1', 'case-2', 'case-1']);
    await expect(worklistWith(page, log)({})).resolves.toBe(page);
    expect(log.records).toEqual([[{ at: '2026-12-01T09:00:00.000Z', subject: 'wcu.jones', agency: 'WCU', action: 'worklist-read', caseIds: ['case-1', 'case-2'], victimId: null, purpose: null, reason: null }]]);
  });

  it('given a page naming no case, records nothing', async () => {
    const log = new RecordingAuditLog();
    await worklistWith(new WorklistText('{"items":[]}', []), log)({});
    expect(log.records).toEqual([]);
  });

  it('given the audit log cannot be written, gives no page but a 503', async () => {
    const answer = worklistWith(new WorklistText('{"items":[]}', ['case-1']), new RecordingAuditLog(new Error('disk full')))({});
    await expect(answer).rejects.toBeInstanceOf(ServiceUnavailableException);
  });
});
