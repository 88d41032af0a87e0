import { DEFAULT_CLAIM_NAMES, principalFromClaims } from './principal';

describe('principalFromClaims', () => {
  it('given the claims of a Police case progression officer, reads subject, roles, agency and areas', () => {
    expect(principalFromClaims({ sub: 'pc.okafor', roles: ['case-progression'], agency: 'Police', areas: ['Wessex', 'Thames Valley'] })).toEqual({
      ok: true,
      principal: { subject: 'pc.okafor', roles: ['case-progression'], agency: 'Police', areas: ['Wessex', 'Thames Valley'], sourceSystems: [] },
    });
  });

  it('given list claims as strings, splits roles on spaces or commas and areas only on commas (area names hold spaces)', () => {
    const reading = principalFromClaims({ sub: 's', roles: 'witness-care board', areas: 'Thames Valley, Wessex', source_systems: 'Athena' });
    expect(reading).toMatchObject({ ok: true, principal: { roles: ['witness-care', 'board'], areas: ['Thames Valley', 'Wessex'], sourceSystems: ['Athena'] } });
  });

  it('ignores roles it does not know, and a token cannot claim public', () => {
    expect(principalFromClaims({ sub: 's', roles: ['superuser', 'public', 'admin'] })).toMatchObject({ ok: true, principal: { roles: ['admin'] } });
  });

  it('refuses a token with no subject, or naming an agency that does not exist', () => {
    expect(principalFromClaims({ roles: ['admin'] })).toEqual({ ok: false, problem: 'the token names no subject (sub)' });
    expect(principalFromClaims({ sub: 's', agency: 'MI5' })).toMatchObject({ ok: false, problem: expect.stringContaining('"MI5" is not one of Police') });
  });

  it('reads the claims under the names configured for the issuer', () => {
    const names = { ...DEFAULT_CLAIM_NAMES, roles: 'app_roles', agency: 'extension_agency' };
    expect(principalFromClaims({ sub: 's', app_roles: ['board'], extension_agency: 'CPS', roles: ['admin'] }, names)).toMatchObject({
      ok: true,
      principal: { roles: ['board'], agency: 'CPS' },
    });
  });
});
