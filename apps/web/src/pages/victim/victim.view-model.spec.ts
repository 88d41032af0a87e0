import { victimViewModel, type VictimJourneyAnswer } from './victim.view-model';

/** A victim's journey as GET /cases/:id/victims/:victimId/journey answers it. */
const journey = (changes: Partial<VictimJourneyAnswer> = {}): VictimJourneyAnswer => ({
  caseId: 'case-1',
  urn: '91WE0001025',
  victimId: 'victim-1',
  kind: 'person',
  ageBand: '45-54',
  contactPreference: 'sms',
  optOuts: ['investigation-updates', 'court-updates'],
  enhanced: {
    enhanced: true,
    since: '2025-12-04T19:25:00.000Z',
    grounds: [
      { ground: 'most-serious-crime', decidedBy: 'Police', effectiveAt: '2025-12-04T19:25:00.000Z' },
      { ground: 'intimidated', decidedBy: 'CPS', effectiveAt: '2026-01-15T00:11:00.000Z' },
    ],
  },
  touchpoints: [
    { eventId: 'e-1', type: 'VictimInformed', agency: 'Police', occurredAt: '2025-12-05T07:51:00.000Z', topic: 'vps-offered', channel: 'phone' },
    { eventId: 'e-2', type: 'VictimInformed', agency: 'CPS', occurredAt: '2026-08-16T09:24:00.000Z', topic: 'cps-decision-letter', channel: 'in-person' },
    { eventId: 'e-3', type: 'VictimReferredToSupport', agency: 'Police', occurredAt: '2025-12-04T20:36:00.000Z', topic: null, channel: null },
  ],
  obligations: [],
  ...changes,
});

const about = (model: ReturnType<typeof victimViewModel>, key: string) => model.about.find((row) => row.key.text === key)?.value.text;

describe("a victim's page", () => {
  it('given enhanced rights on two grounds, then it says since when, each ground in words and which agency decided it', () => {
    // 4 December 2025 is in GMT: 19:25 UTC is 19:25 in London, the same day.
    expect(about(victimViewModel('case-1', journey()), 'Rights')).toBe('Enhanced since 4 December 2025: most serious crime (decided by Police), intimidated (decided by CPS)');
  });

  it('given a ground found again by other agencies, then it is named once with every agency that found it', () => {
    const found = (decidedBy: string) => ({ ground: 'most-serious-crime', decidedBy, effectiveAt: '2025-12-04T19:25:00.000Z' });
    const enhanced = { enhanced: true, since: '2025-12-04T19:25:00.000Z', grounds: [found('Police'), found('Police'), found('CPS'), found('WCU')] };
    expect(about(victimViewModel('case-1', journey({ enhanced })), 'Rights')).toBe('Enhanced since 4 December 2025: most serious crime (decided by Police, CPS and WCU)');
  });

  it('given standard rights, then it says so', () => {
    expect(about(victimViewModel('case-1', journey({ enhanced: { enhanced: false, since: null, grounds: [] } })), 'Rights')).toBe('Standard');
  });

  it('given a preference for SMS, an age band and two opt-outs, then they read as words, initialisms in capitals', () => {
    const model = victimViewModel('case-1', journey());
    expect(about(model, 'Contact preference')).toBe('SMS');
    expect(about(model, 'Age band')).toBe('45 to 54');
    expect(about(model, 'Opted out of')).toBe('Investigation updates, court updates');
  });

  it('given touchpoints, then each is headed by what happened and its topic, and says how the contact was made', () => {
    const model = victimViewModel('case-1', journey());
    expect(model.touchpoints.map((touchpoint) => [touchpoint.label.text, touchpoint.text])).toEqual([
      ['Victim informed: VPS offered', 'By phone'],
      ['Victim informed: CPS decision letter', 'In person'],
      ['Victim referred to support', ''],
    ]);
  });
});
