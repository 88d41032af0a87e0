import { grantFor } from './grant';
import { PUBLIC_PRINCIPAL, type Principal } from './principal';

const officer = (overrides: Partial<Principal> = {}): Principal => ({ subject: 'pc.okafor', roles: ['case-progression'], agency: 'Police', areas: ['Wessex'], sourceSystems: [], ...overrides });

describe('grantFor', () => {
  it('given a role the table lists under the permission, grants it with that role and scope', () => {
    expect(grantFor(officer(), 'case:read')).toMatchObject({ granted: true, grant: { role: 'case-progression', scope: ['own-areas'] } });
  });

  it('given no token, answers 401 for anything the public may not do, and lets the public through where it may', () => {
    expect(grantFor(PUBLIC_PRINCIPAL, 'case:read')).toMatchObject({ granted: false, status: 401, reason: expect.stringContaining('Sign in') });
    expect(grantFor(PUBLIC_PRINCIPAL, 'service:health')).toMatchObject({ granted: true, grant: { role: 'public', scope: [] } });
  });

  it('given a signed-in caller without a listed role, answers 403 naming the roles needed and the ones held', () => {
    expect(grantFor(officer({ roles: ['board'] }), 'projections:admin')).toEqual({ granted: false, status: 403, reason: 'projections:admin needs one of the roles admin; the token grants board' });
    expect(grantFor(officer({ roles: [] }), 'case:read')).toMatchObject({ status: 403, reason: expect.stringContaining('no role of case-journey') });
  });

  it('given several roles, takes the widest scope among those granted', () => {
    const both = officer({ roles: ['agency-system', 'case-progression'] });
    expect(grantFor(both, 'case:record-handoff')).toMatchObject({ grant: { role: 'case-progression', scope: ['own-agency', 'own-areas'] } });
  });

  it('lets every signed-in caller do what the public may', () => {
    expect(grantFor(officer({ roles: ['board'] }), 'service:health')).toMatchObject({ granted: true, grant: { role: 'public' } });
  });
});

describe('the policy table, cell by cell where the issue is explicit', () => {
  const as = (role: Principal['roles'][number]) => officer({ roles: [role] });
  it.each([
    ['agency-system', 'case:record-handoff', true],
    ['agency-system', 'case:read', false],
    ['case-progression', 'case:read', true],
    ['witness-care', 'worklist:read', true],
    ['witness-care', 'projections:admin', false],
    ['board', 'compliance:read', true],
    ['board', 'case:read', false],
    ['admin', 'projections:admin', true],
    ['admin', 'case:read', false],
    ['data-protection', 'case:record-handoff', false],
  ] as const)('%s may %s: %s', (role, permission, allowed) => {
    expect(grantFor(as(role), permission).granted).toBe(allowed);
  });
});
