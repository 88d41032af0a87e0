import { VICTIMS_CODE_2020 } from '../rulebook/victims-code-2020';
import { victim } from '../testing/case-events';
import { charged, recognised, registered, reported } from '../testing/journey';
import { enhancedRightsOf } from './enhanced-rights';

describe('enhancedRightsOf', () => {
  const events = [
    reported('e1', '2026-06-01T08:00:00.000Z', [
      victim('adult'),
      victim('child', { under18AtOffence: true, ageBand: 'under-18' }),
      victim('family', { kind: 'bereaved-family' }),
      victim('recorded', { enhancedGrounds: [{ ground: 'vulnerable-mental-disorder', decidedBy: 'Police', decidedAt: '2026-06-01T09:00:00.000Z' }] }),
    ]),
    recognised('e2', '2026-06-03T12:00:00.000Z', 'adult', 'intimidated', 'WCU'),
    registered('e3', '2026-06-04T10:00:00.000Z', victim('late')),
    charged('e4', '2026-06-10T10:00:00.000Z', 'charge', 'CPS', 'wounding-gbh-with-intent'),
  ];

  it('records each ground with who decided and when it took effect', () => {
    const rights = Object.fromEntries(enhancedRightsOf(events, '2026-06-05T12:00:00.000Z').map((r) => [r.victimId, r]));
    expect(rights.adult).toEqual({
      victimId: 'adult',
      enhanced: true,
      since: '2026-06-03T12:00:00.000Z',
      grounds: [{ ground: 'intimidated', decidedBy: 'WCU', effectiveAt: '2026-06-03T12:00:00.000Z' }],
    });
    expect(rights.child.grounds).toEqual([{ ground: 'vulnerable-under-18', decidedBy: 'Police', effectiveAt: '2026-06-01T08:00:00.000Z' }]);
    expect(rights.family.grounds).toEqual([{ ground: 'bereaved-close-relative', decidedBy: 'Police', effectiveAt: '2026-06-01T08:00:00.000Z' }]);
    expect(rights.recorded.since).toBe('2026-06-01T09:00:00.000Z');
    expect(rights.late).toEqual({ victimId: 'late', enhanced: false, since: null, grounds: [] });
  });

  it('makes every victim of the case eligible from a charge for one of the most serious crimes', () => {
    const rights = enhancedRightsOf(events, '2026-06-11T12:00:00.000Z');
    const late = rights.find((r) => r.victimId === 'late');
    expect(late).toEqual({
      victimId: 'late',
      enhanced: true,
      since: '2026-06-10T10:00:00.000Z',
      grounds: [{ ground: 'most-serious-crime', decidedBy: 'CPS', effectiveAt: '2026-06-10T10:00:00.000Z' }],
    });
    expect(rights.find((r) => r.victimId === 'adult')?.grounds.map((g) => g.ground)).toEqual(['intimidated', 'most-serious-crime']);
  });

  it('sees only what was recorded by asOf', () => {
    expect(enhancedRightsOf(events, '2026-06-02T12:00:00.000Z').find((r) => r.victimId === 'adult')?.enhanced).toBe(false);
  });

  it('honours only the grounds the rulebook lists', () => {
    const withoutIntimidated = {
      ...VICTIMS_CODE_2020,
      enhanced: { ...VICTIMS_CODE_2020.enhanced, grounds: VICTIMS_CODE_2020.enhanced.grounds.filter((g) => g.ground !== 'intimidated') },
    };
    const adult = enhancedRightsOf(events, '2026-06-05T12:00:00.000Z', { rulebook: withoutIntimidated }).find((r) => r.victimId === 'adult');
    expect(adult?.enhanced).toBe(false);
  });
});
