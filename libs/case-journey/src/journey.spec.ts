import type { CaseCommand, CommandMetadata } from './commands';
import type { CaseEvent, CaseEventType } from './events';
import type { Agency } from './vocabulary';
import { decide } from './decide/decide';
import { JourneyRuleViolation } from './rules/journey-rule-violation';
import { findHearing, findVictim } from './state/case-lookups';
import { initialState, type CaseState } from './state/case-state';
import { caseStateFrom, evolve } from './state/evolve';
import { aCharge, aCommand, aVictim, type DataFor } from './testing/case-builders';

/**
 * One case from crime report to sentence and the Victim Contact Scheme, each handoff decided on
 * the case so far and folded in: the path the API takes on every write.
 */
describe('a case from crime report to sentence', () => {
  let state: CaseState = initialState();
  const stream: CaseEvent[] = [];
  let clock = Date.parse('2026-01-05T09:00:00.000Z');

  const hoursAfter = (hours: number) => new Date(clock + hours * 3_600_000).toISOString();

  /** The next handoff, a day after the last one, recorded three hours after it happened (and received, if it says so, after two). */
  function record<T extends CaseEventType>(type: T, agency: Agency, data: DataFor<T>, { received = false } = {}) {
    clock += 24 * 3_600_000;
    const metadata: Partial<CommandMetadata> = { agency, occurredAt: hoursAfter(0), now: hoursAfter(3), ...(received ? { receivedAt: hoursAfter(2) } : {}) };
    const command = aCommand(type, data, metadata) as CaseCommand;
    const events = decide(command, state);
    stream.push(...events);
    state = events.reduce(evolve, state);
    return command;
  }

  const ruleBrokenBy = <T extends CaseEventType>(type: T, agency: Agency, data: DataFor<T>) => {
    try {
      record(type, agency, data);
    } catch (error) {
      if (error instanceof JourneyRuleViolation) return error.rule;
      throw error;
    }
    return undefined;
  };

  it('opens on the crime report, with its victims', () => {
    record('CrimeReported', 'Police', {
      urn: '41AB1234526',
      area: 'Hertfordshire',
      offence: { description: 'Wounding with intent', category: 'wounding-gbh-with-intent' },
      victims: [
        aVictim({ enhancedGrounds: [{ ground: 'most-serious-crime', decidedBy: 'Police', decidedAt: '2026-01-06T09:00:00.000Z' }] }),
        aVictim({ victimId: 'victim-2', kind: 'person', contactPreference: 'letter' }),
      ],
    });
    record('VictimInformed', 'Police', { victimId: 'victim-1', topic: 'crime-report-confirmation', channel: 'email' });
    record('VictimReferredToSupport', 'Police', { victimId: 'victim-1', service: 'Victim Support' });
    record('SuspectEventRecorded', 'Police', { suspectId: 'suspect-1', kind: 'arrested' });
    record('SuspectEventRecorded', 'Police', { suspectId: 'suspect-1', kind: 'bailed', conditions: ['no contact with the victims'] });
    expect(state).toMatchObject({ exists: true, stage: 'investigation', urn: '41AB1234526' });
    expect(state.victims.map((victim) => victim.victimId)).toEqual(['victim-1', 'victim-2']);
  });

  it('goes to the CPS, comes back for a missing statement, and is charged', () => {
    record('FileSubmittedToCps', 'Police', { fileId: 'file-1', kind: 'full-file' });
    expect(state.stage).toBe('pre-charge');
    record('FileReviewed', 'CPS', { fileId: 'file-1', outcome: 'returned', missingItems: ['MG11 statement of victim-2'] });
    record('FileSubmittedToCps', 'Police', { fileId: 'file-1', kind: 'full-file' });
    record('FileReviewed', 'CPS', { fileId: 'file-1', outcome: 'accepted', missingItems: [] });
    expect(ruleBrokenBy('HearingListed', 'HMCTS', { hearingId: 'h-1', hearingType: 'first', court: 'St Albans', courtTier: 'magistrates', scheduledFor: '2026-02-02T10:00:00.000Z' })).toBe(
      'case-must-be-charged',
    );
    record('ChargeDecisionMade', 'CPS', { decision: 'charge', decidedBy: 'CPS', charges: [aCharge('charge-1'), aCharge('charge-2')] });
    expect(state).toMatchObject({ stage: 'pre-trial', files: [{ submissions: 2, review: { outcome: 'accepted' } }] });
  });

  it('is listed, pleads not guilty, and has a trial that does not go ahead', () => {
    record('HearingListed', 'HMCTS', { hearingId: 'h-1', hearingType: 'first', court: 'St Albans Magistrates', courtTier: 'magistrates', scheduledFor: '2026-02-02T10:00:00.000Z' });
    record('CourtNoticeReceived', 'WCU', { hearingId: 'h-1', notice: 'hearing-listing' }, { received: true });
    record('VictimInformed', 'WCU', { victimId: 'victim-1', topic: 'hearing-date', channel: 'email', hearingId: 'h-1' });
    record('HearingHeld', 'HMCTS', { hearingId: 'h-1', result: 'effective', bailOutcome: 'conditional-bail', bailConditions: ['curfew'] });
    record('PleaEntered', 'HMCTS', { hearingId: 'h-1', plea: 'not-guilty' });
    record('ChargesAltered', 'CPS', { charges: [aCharge('charge-1')], substantial: false, reasons: 'Second charge dropped' });
    record('HearingListed', 'HMCTS', { hearingId: 'h-2', hearingType: 'trial', court: 'St Albans Crown Court', courtTier: 'crown', scheduledFor: '2026-03-02T10:00:00.000Z' });
    record('WitnessRequired', 'WCU', { victimId: 'victim-1', hearingId: 'h-2' });
    record('HearingHeld', 'HMCTS', { hearingId: 'h-2', result: 'ineffective', ineffectiveReason: { code: 'D2', group: 'defence' } });
    expect(state).toMatchObject({ stage: 'pre-trial', convicted: false, charges: [{ chargeId: 'charge-1' }] });
    expect(ruleBrokenBy('HearingHeld', 'HMCTS', { hearingId: 'h-2', result: 'effective' })).toBe('hearing-held-once');
  });

  it('is tried again and convicted; a sentence waits for the conviction', () => {
    record('HearingListed', 'HMCTS', { hearingId: 'h-3', hearingType: 'trial', court: 'St Albans Crown Court', courtTier: 'crown', scheduledFor: '2026-04-13T10:00:00.000Z' });
    record('HearingHeld', 'HMCTS', { hearingId: 'h-3', result: 'effective' });
    expect(state.stage).toBe('trial');
    expect(ruleBrokenBy('SentencePassed', 'HMCTS', { hearingId: 'h-3', disposal: 'custody', custodyMonths: 36 })).toBe('sentence-needs-conviction');
    expect(ruleBrokenBy('VerdictReached', 'HMCTS', { hearingId: 'h-3', verdict: 'convicted', chargeId: 'charge-2' })).toBe('charge-must-be-known');
    record('VerdictReached', 'HMCTS', { hearingId: 'h-3', verdict: 'convicted', chargeId: 'charge-1' });
    expect(state.convicted).toBe(true);
  });

  it('is sentenced, and the victim is referred to the Victim Contact Scheme', () => {
    record('HearingListed', 'HMCTS', { hearingId: 'h-4', hearingType: 'sentence', court: 'St Albans Crown Court', courtTier: 'crown', scheduledFor: '2026-05-11T10:00:00.000Z' });
    const sentence = record('SentencePassed', 'HMCTS', { hearingId: 'h-4', disposal: 'custody', custodyMonths: 36 });
    const revision = state.eventCount;
    expect(decide(sentence, state)).toEqual([]); // the same handoff delivered again
    expect(state.eventCount).toBe(revision);

    record('CourtNoticeReceived', 'WCU', { hearingId: 'h-4', notice: 'sentence' }, { received: true });
    record('VictimInformed', 'WCU', { victimId: 'victim-1', topic: 'sentence', channel: 'phone', hearingId: 'h-4' });
    record('VictimContactSchemeReferralMade', 'WCU', { victimId: 'victim-1' });
    record('VictimContactSchemeReferralReceived', 'Probation', { victimId: 'victim-1' }, { received: true });
    record('VictimLiaisonOfficerContactMade', 'Probation', { victimId: 'victim-1', channel: 'phone' });
    expect(state).toMatchObject({ stage: 'post-sentence', closure: null, sentence: { hearingId: 'h-4', disposal: 'custody', custodyMonths: 36 } });
    expect(findVictim(state, 'victim-1')?.victimContactScheme).toEqual({
      referralMadeAt: expect.any(String),
      referralReceivedAt: expect.any(String),
      liaisonContactAt: expect.any(String),
    });
  });

  it('takes a correction of the sentencing court without losing the original', () => {
    const listing = stream.find((event) => event.type === 'HearingListed' && event.data.hearingId === 'h-4')!;
    record('EventCorrected', 'HMCTS', { correctedEventId: listing.metadata.eventId, data: { court: 'Luton Crown Court' }, reason: 'Moved before listing' });
    expect(findHearing(state, 'h-4')?.court).toBe('Luton Crown Court');
    expect(stream).toContain(listing);
  });

  it('reads back the same from its whole stream, as the API does on each request', () => {
    expect(state.hearings.map((hearing) => [hearing.hearingId, hearing.held?.result ?? null])).toEqual([
      ['h-1', 'effective'],
      ['h-2', 'ineffective'],
      ['h-3', 'effective'],
      ['h-4', null],
    ]);
    expect(state.eventCount).toBe(stream.length);
    expect(caseStateFrom(stream)).toEqual(state);
  });
});
