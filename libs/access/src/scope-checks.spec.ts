import { grantFor, type Grant } from './grant';
import type { Principal } from './principal';
import type { Permission } from './policy-table';
import { areasInScope, caseRefusal, recordingRefusal, requestedAreaRefusal } from './scope-checks';

const grantOf = (principal: Partial<Principal>, permission: Permission): Grant => {
  const decision = grantFor({ subject: 'someone', roles: [], areas: [], sourceSystems: [], ...principal }, permission);
  if (!decision.granted) throw new Error(decision.reason);
  return decision.grant;
};
const policeSystem = grantOf({ subject: 'police-system', roles: ['agency-system'], agency: 'Police', areas: ['Wessex'], sourceSystems: ['Athena'] }, 'case:record-handoff');
const witnessCare = grantOf({ subject: 'wcu.patel', roles: ['witness-care'], agency: 'WCU', areas: ['Wessex', 'Anglia'] }, 'worklist:read');

describe('area scope', () => {
  it('restricts an own-areas grant to the principal\'s areas, and leaves an unrestricted one open', () => {
    expect(areasInScope(witnessCare)).toEqual(['Wessex', 'Anglia']);
    expect(areasInScope(grantOf({ roles: ['admin'] }, 'projections:admin'))).toBeUndefined();
  });

  it('answers 403 to a query naming another area, and lets one of the own areas through', () => {
    expect(requestedAreaRefusal(witnessCare, 'Pennine')).toEqual({ status: 403, field: 'area', reason: 'area Pennine is outside your areas (Wessex, Anglia)' });
    expect(requestedAreaRefusal(witnessCare, 'Anglia')).toBeUndefined();
    expect(requestedAreaRefusal(witnessCare, undefined)).toBeUndefined();
  });

  it('hides a case of another area, or of no area yet, as not found', () => {
    expect(caseRefusal(witnessCare, 'c-1', 'Pennine')).toEqual({ status: 404, reason: 'Case c-1 not found' });
    expect(caseRefusal(witnessCare, 'c-1', null)).toEqual({ status: 404, reason: 'Case c-1 not found' });
    expect(caseRefusal(witnessCare, 'c-1', 'Wessex')).toBeUndefined();
  });
});

describe('recordingRefusal', () => {
  const handoff = { type: 'FileSubmittedToCps' as const, data: { fileId: 'F1', kind: 'full-file' } };

  it('given a Police system recording a Police handoff from its own system, refuses nothing', () => {
    expect(recordingRefusal(policeSystem, { ...handoff, agency: 'Police', sourceSystem: 'Athena' })).toBeUndefined();
  });

  it('given a body claiming another agency, answers 403 naming both', () => {
    expect(recordingRefusal(policeSystem, { ...handoff, agency: 'Probation', sourceSystem: 'Athena' })).toEqual({
      status: 403,
      field: 'agency',
      reason: 'the body claims agency Probation, but you sign in for Police',
    });
  });

  it("given a CPS handoff (a file review, or a charge decided by the CPS) from a Police system, answers 403", () => {
    expect(recordingRefusal(policeSystem, { type: 'FileReviewed', data: {}, sourceSystem: 'Athena' })).toEqual({ status: 403, field: 'type', reason: 'Police does not record FileReviewed: CPS does' });
    expect(recordingRefusal(policeSystem, { type: 'ChargeDecisionMade', data: { decidedBy: 'CPS' }, sourceSystem: 'Athena' })).toMatchObject({ status: 403, field: 'data.decidedBy' });
    expect(recordingRefusal(policeSystem, { type: 'ChargeDecisionMade', data: { decidedBy: 'Police' }, sourceSystem: 'Athena' })).toBeUndefined();
  });

  it("given another system's records, or none named, answers 403 listing the system's own", () => {
    expect(recordingRefusal(policeSystem, { ...handoff, sourceSystem: 'Niche RMS' })).toMatchObject({ status: 403, field: 'sourceSystem', reason: 'source system Niche RMS is not one of yours (Athena)' });
    expect(recordingRefusal(policeSystem, handoff)).toMatchObject({ status: 403, field: 'sourceSystem' });
  });

  it('given a recorder other than the signed-in subject, answers 403', () => {
    expect(recordingRefusal(policeSystem, { ...handoff, sourceSystem: 'Athena', recordedBy: 'PC 4711 Okafor' })).toMatchObject({ status: 403, field: 'recordedBy' });
  });

  it('lets only the agency that recorded an event correct or retract it', () => {
    const officer = grantOf({ subject: 'cps.lee', roles: ['case-progression'], agency: 'CPS', areas: ['Wessex'] }, 'case:record-handoff');
    expect(recordingRefusal(officer, { type: 'EventRetracted', data: {}, amendedAgency: 'HMCTS' })).toMatchObject({ status: 403, reason: 'only HMCTS, which recorded it, may amend that event; you sign in for CPS' });
    expect(recordingRefusal(officer, { type: 'EventRetracted', data: {}, amendedAgency: 'CPS' })).toBeUndefined();
  });

  it('refuses a recorder whose token names no agency', () => {
    const agencyless = grantOf({ roles: ['witness-care'], areas: ['Wessex'] }, 'case:record-handoff');
    expect(recordingRefusal(agencyless, { type: 'VictimInformed', data: {} })).toMatchObject({ status: 403, reason: expect.stringContaining('names no agency') });
  });

  describe('given an operator with no agency, unrestricted (a backfill of every agency\'s records)', () => {
    const operator = grantOf({ subject: 'ops.lee', roles: ['admin'] }, 'imports:run');

    it('records as the agency the record names, when that agency makes such a record', () => {
      expect(recordingRefusal(operator, { type: 'FileReviewed', agency: 'CPS', data: {} })).toBeUndefined();
    });

    it('refuses a record that names no agency, or an agency that does not make it', () => {
      expect(recordingRefusal(operator, { type: 'FileReviewed', data: {} })).toMatchObject({ status: 403, field: 'agency' });
      expect(recordingRefusal(operator, { type: 'FileReviewed', agency: 'Police', data: {} })).toEqual({ status: 403, field: 'type', reason: 'Police does not record FileReviewed: CPS does' });
    });
  });
});
