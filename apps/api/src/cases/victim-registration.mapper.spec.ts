import { InMemoryVictimKeyStore, PersonalDataVault, type VictimPersonalData } from '@case-journey/personal-data';
import { ageBandFor, ageOn, toVictimRegistration } from './victim-registration.mapper';

describe('victim registration', () => {
  const vault = new PersonalDataVault(new InMemoryVictimKeyStore());
  const seal = (victimId: string, details: VictimPersonalData) => vault.seal(victimId, details);
  const context = { victimId: 'v1', ageOn: '2026-05-10T22:30:00.000Z', agency: 'Police' as const, decidedAt: '2026-05-11T09:00:00.000Z' };

  it('counts age in whole years, turning a year older on the birthday', () => {
    expect(ageOn('2008-05-10', '2026-05-10T09:00:00Z')).toBe(18);
    expect(ageOn('2008-05-11', '2026-05-10T09:00:00Z')).toBe(17);
    // 23:30 UTC on 9 May in British Summer Time is already 10 May in London: the birthday.
    expect(ageOn('2008-05-10', '2026-05-09T23:30:00Z')).toBe(18);
    expect(ageOn('2008-05-10', '2026-05-09T22:30:00Z')).toBe(17);
    expect(ageBandFor(17)).toBe('under-18');
    expect(ageBandFor(18)).toBe('18-24');
    expect(ageBandFor(70)).toBe('65-plus');
  });

  it('keeps the date of birth and contact details sealed and records the age band and under-18 fact', () => {
    const registration = toVictimRegistration(
      { kind: 'person', name: 'Jo Bloggs', dateOfBirth: '2009-01-01', email: 'jo@example.org', contactPreference: 'email', consentToReferral: true, enhancedGrounds: ['intimidated'] },
      context,
      seal,
    );
    expect(JSON.stringify(registration)).not.toMatch(/Jo Bloggs|2009-01-01|jo@example.org/);
    expect(registration).toMatchObject({ victimId: 'v1', ageBand: 'under-18', under18AtOffence: true, optOuts: [] });
    expect(registration.enhancedGrounds).toEqual([{ ground: 'intimidated', decidedBy: 'Police', decidedAt: context.decidedAt }]);
    expect(vault.open(registration.personal)).toEqual({ name: 'Jo Bloggs', dateOfBirth: '2009-01-01', email: 'jo@example.org' });
  });

  it('uses the given age band when there is no date of birth', () => {
    const registration = toVictimRegistration({ kind: 'person', name: 'A', ageBand: '35-44', contactPreference: 'phone', consentToReferral: false }, context, seal);
    expect(registration).toMatchObject({ ageBand: '35-44', under18AtOffence: false });
  });
});
