import { effectiveEvents } from '../corrections';
import type { CaseEvent } from '../events';
import {
  aCaseWithAHearing,
  aChargeDecision,
  aChargedCase,
  aCharge,
  aConvictedCase,
  aCrimeReport,
  aHearingListing,
  anEvent,
  aPlea,
  aReportedCase,
  aSentence,
  aSentencedCase,
  aVictim,
  EARLIER,
  REPORTED_AT,
} from '../testing/case-builders';
import { findHearing, findVictim } from './case-lookups';
import { initialState } from './case-state';
import { caseView } from './case-view';
import fc from 'fast-check';
import { caseStateAfter, caseStateFrom, evolve, progressAlong } from './evolve';

const idOf = (event: CaseEvent) => event.metadata.eventId;
const retractionOf = (target: CaseEvent) => anEvent('EventRetracted', { retractedEventId: idOf(target), reason: 'Wrong case' });
const correctionOf = (target: CaseEvent, correction: { data?: Record<string, unknown>; occurredAt?: string; receivedAt?: string }) =>
  anEvent('EventCorrected', { correctedEventId: idOf(target), reason: 'Keyed wrongly', ...correction });
const victimOne = (events: CaseEvent[]) => findVictim(caseStateFrom(events), 'victim-1')!;

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

describe('evolve', () => {
  it('opens the case from its crime report, keeping the victims without their sealed personal data', () => {
    const report = aCrimeReport({
      victims: [
        aVictim({
          ageBand: 'under-18',
          under18AtOffence: true,
          sex: 'female',
          optOuts: ['court-updates'],
          enhancedGrounds: [{ ground: 'vulnerable-under-18', decidedBy: 'Police', decidedAt: REPORTED_AT }],
        }),
      ],
    });
    const state = caseStateFrom([report]);
    expect(state).toMatchObject({
      exists: true,
      caseId: 'case-1',
      urn: '01AB2345624',
      area: 'Hertfordshire',
      offence: { category: 'violence' },
      reportedAt: REPORTED_AT,
      stage: 'investigation',
      closure: null,
      eventCount: 1,
      lastOccurredAt: REPORTED_AT,
    });
    expect(state.victims).toEqual([
      {
        victimId: 'victim-1',
        kind: 'person',
        ageBand: 'under-18',
        under18AtOffence: true,
        sex: 'female',
        ethnicity: null,
        enhancedGrounds: [{ ground: 'vulnerable-under-18', decidedBy: 'Police', decidedAt: REPORTED_AT }],
        contactPreference: 'email',
        consentToReferral: true,
        optOuts: ['court-updates'],
        registeredAt: REPORTED_AT,
        needsIdentified: null,
        supportReferral: null,
        witnessRequired: false,
        withdrewSupport: null,
        victimContactScheme: { referralMadeAt: null, referralReceivedAt: null, liaisonContactAt: null },
        lastContactAt: null,
        erasure: null,
      },
    ]);
  });

  it('never changes the state or event it is given', () => {
    const before = deepFreeze(caseStateFrom(aCaseWithAHearing()));
    const held = deepFreeze(anEvent('HearingHeld', { hearingId: 'hearing-1', result: 'effective' }));
    const after = evolve(before, held);
    expect(findHearing(after, 'hearing-1')?.held?.result).toBe('effective');
    expect(findHearing(before, 'hearing-1')?.held).toBeNull();
  });

  it('is plain JSON: a state read back from its JSON is the same state', () => {
    const state = caseStateFrom([
      ...aSentencedCase(),
      anEvent('CourtNoticeReceived', { hearingId: 'hearing-1', notice: 'sentence' }, { receivedAt: '2026-03-11T09:00:00.000Z' }),
      anEvent('AppealLodged', { appealId: 'appeal-1', by: 'defence', against: 'sentence' }),
    ]);
    expect(JSON.parse(JSON.stringify(state))).toStrictEqual(state);
    expect(JSON.parse(JSON.stringify(initialState()))).toStrictEqual(initialState());
  });

  it('counts every event of the stream and keeps the latest occurredAt, whatever the arrival order', () => {
    const late = anEvent('VictimInformed', { victimId: 'victim-1', topic: 'crime-report-confirmation', channel: 'email' }, { occurredAt: '2026-03-03T10:00:00.000Z' });
    const state = caseStateFrom([...aChargedCase(), late]);
    expect(state.eventCount).toBe(3);
    expect(state.lastOccurredAt).toBe('2026-03-10T10:00:00.000Z');
  });

  describe('where the case stands', () => {
    const trial = () => aHearingListing('hearing-2', { hearingType: 'trial', courtTier: 'crown' });
    const verdict = (verdict: 'convicted' | 'acquitted', chargeId?: string) =>
      anEvent('VerdictReached', { hearingId: 'hearing-2', verdict, ...(chargeId ? { chargeId } : {}) });
    const at = '2026-03-10T10:00:00.000Z';

    it.each<[string, CaseEvent[], string, object | null]>([
      ['reported', aReportedCase(), 'investigation', null],
      ['with a file at the CPS', [...aReportedCase(), anEvent('FileSubmittedToCps', { fileId: 'file-1', kind: 'pre-charge-advice' })], 'pre-charge', null],
      ['not investigated', [...aReportedCase(), anEvent('InvestigationNotPursued', { reason: 'No leads' })], 'closed', { reason: 'investigation-not-pursued', at }],
      ['with no further action', [...aReportedCase(), aChargeDecision({ decision: 'no-further-action', charges: [] })], 'closed', { reason: 'no-further-action', at }],
      ['with an out-of-court disposal', [...aReportedCase(), aChargeDecision({ decision: 'out-of-court-disposal', charges: [] })], 'closed', { reason: 'out-of-court-disposal', at }],
      ['charged after no further action was reviewed', [...aReportedCase(), aChargeDecision({ decision: 'no-further-action', charges: [] }), aChargeDecision()], 'pre-trial', null],
      ['charged', aChargedCase(), 'pre-trial', null],
      ['discontinued', [...aChargedCase(), anEvent('ProsecutionEnded', { ending: 'discontinued', reasons: 'x' })], 'closed', { reason: 'discontinued', at }],
      ['after an effective first hearing', [...aCaseWithAHearing(), anEvent('HearingHeld', { hearingId: 'hearing-1', result: 'effective' })], 'pre-trial', null],
      ['after an ineffective trial', [...aChargedCase(), trial(), anEvent('HearingHeld', { hearingId: 'hearing-2', result: 'ineffective', ineffectiveReason: { code: 'P1', group: 'prosecution' } })], 'pre-trial', null],
      ['at an effective trial', [...aChargedCase(), trial(), anEvent('HearingHeld', { hearingId: 'hearing-2', result: 'effective' })], 'trial', null],
      ['after a guilty plea', aConvictedCase(), 'trial', null],
      ['acquitted', [...aChargedCase(), trial(), verdict('acquitted')], 'closed', { reason: 'acquitted', at }],
      ['acquitted on one charge and convicted on another', [...aChargedCase(), trial(), verdict('acquitted', 'charge-1'), verdict('convicted', 'charge-2')], 'trial', null],
      ['sentenced', aSentencedCase(), 'post-sentence', null],
    ])('a case %s', (_story, events, stage, closure) => {
      const state = caseStateFrom(events);
      expect(state.stage).toBe(stage);
      expect(state.closure).toEqual(closure);
    });

    it('is convicted by a guilty plea or a convicted verdict, not by a not-guilty plea', () => {
      expect(caseStateFrom([...aCaseWithAHearing(), aPlea('not-guilty')]).convicted).toBe(false);
      expect(caseStateFrom(aConvictedCase()).convicted).toBe(true);
      expect(caseStateFrom([...aChargedCase(), trial(), verdict('convicted')]).convicted).toBe(true);
    });
  });

  describe('victims', () => {
    it('keeps the current opt-outs', () => {
      const victim = victimOne([
        ...aReportedCase(),
        anEvent('VictimOptedOut', { victimId: 'victim-1', scope: 'court-updates' }),
        anEvent('VictimOptedOut', { victimId: 'victim-1', scope: 'all' }),
        anEvent('VictimOptedOut', { victimId: 'victim-1', scope: 'all' }),
        anEvent('VictimOptedBackIn', { victimId: 'victim-1', scope: 'all' }),
      ]);
      expect(victim.optOuts).toEqual(['court-updates']);
    });

    it('adds recognised grounds without repeating one already held', () => {
      const recognised = (ground: 'intimidated' | 'persistently-targeted', decidedAt: string) =>
        anEvent('EnhancedRightsRecognised', { victimId: 'victim-1', grounds: [{ ground, decidedBy: 'WCU', decidedAt }] });
      const victim = victimOne([
        ...aReportedCase(),
        recognised('intimidated', '2026-03-05T00:00:00.000Z'),
        recognised('persistently-targeted', '2026-03-06T00:00:00.000Z'),
        recognised('intimidated', '2026-03-07T00:00:00.000Z'),
      ]);
      expect(victim.enhancedGrounds.map((record) => [record.ground, record.decidedAt])).toEqual([
        ['persistently-targeted', '2026-03-06T00:00:00.000Z'],
        ['intimidated', '2026-03-07T00:00:00.000Z'],
      ]);
    });

    it('records needs, referral, witness duty and withdrawal of support', () => {
      const victim = victimOne([
        ...aCaseWithAHearing(),
        anEvent('VictimNeedsAssessed', { victimId: 'victim-1', needsIdentified: ['interpreter'] }),
        anEvent('VictimReferredToSupport', { victimId: 'victim-1', service: 'Victim Support' }),
        anEvent('WitnessRequired', { victimId: 'victim-1', hearingId: 'hearing-1' }),
        anEvent('VictimWithdrewSupport', { victimId: 'victim-1', stage: 'pre-trial' }),
      ]);
      expect(victim).toMatchObject({
        needsIdentified: ['interpreter'],
        supportReferral: { outcome: 'referred', service: 'Victim Support', at: '2026-03-10T10:00:00.000Z' },
        witnessRequired: true,
        withdrewSupport: { stage: 'pre-trial', at: '2026-03-10T10:00:00.000Z' },
      });
    });

    it('follows the Victim Contact Scheme and the latest contact, even when an older contact arrives late', () => {
      const victim = victimOne([
        ...aSentencedCase(),
        anEvent('VictimContactSchemeReferralMade', { victimId: 'victim-1' }, { occurredAt: '2026-03-11T10:00:00.000Z' }),
        anEvent('VictimContactSchemeReferralReceived', { victimId: 'victim-1' }, { occurredAt: '2026-03-11T10:00:00.000Z', receivedAt: '2026-03-12T09:00:00.000Z' }),
        anEvent('VictimLiaisonOfficerContactMade', { victimId: 'victim-1', channel: 'phone' }, { occurredAt: '2026-03-20T10:00:00.000Z' }),
        anEvent('VictimInformed', { victimId: 'victim-1', topic: 'sentence', channel: 'phone' }, { occurredAt: '2026-03-12T10:00:00.000Z' }),
      ]);
      expect(victim.victimContactScheme).toEqual({
        referralMadeAt: '2026-03-11T10:00:00.000Z',
        referralReceivedAt: '2026-03-12T09:00:00.000Z',
        liaisonContactAt: '2026-03-20T10:00:00.000Z',
      });
      expect(victim.lastContactAt).toBe('2026-03-20T10:00:00.000Z');
    });

    it('marks a victim whose personal data was erased, and keeps them in the case with everything counted about them', () => {
      const before = victimOne([...aReportedCase(), anEvent('VictimInformed', { victimId: 'victim-1', topic: 'support-referral', channel: 'phone' })]);
      const after = victimOne([
        ...aReportedCase(),
        anEvent('VictimInformed', { victimId: 'victim-1', topic: 'support-referral', channel: 'phone' }),
        anEvent('VictimDataErased', { victimId: 'victim-1', basis: 'retention', reason: 'Retention period ended' }, { occurredAt: '2026-03-12T10:00:00.000Z' }),
      ]);
      expect(after).toEqual({ ...before, erasure: { basis: 'retention', at: '2026-03-12T10:00:00.000Z' } });
    });
  });

  describe('the prosecution', () => {
    it('follows files through review and resubmission', () => {
      const submitted = () => anEvent('FileSubmittedToCps', { fileId: 'file-1', kind: 'full-file' }, { occurredAt: '2026-03-04T10:00:00.000Z' });
      const state = caseStateFrom([
        ...aReportedCase(),
        submitted(),
        anEvent('FileReviewed', { fileId: 'file-1', outcome: 'returned', missingItems: ['MG11'], reasons: 'No statement' }),
        submitted(),
      ]);
      expect(state.files).toEqual([{ fileId: 'file-1', kind: 'full-file', submittedAt: '2026-03-04T10:00:00.000Z', submissions: 2, review: null }]);
    });

    it('keeps the charges as altered and the ending of the prosecution', () => {
      const state = caseStateFrom([
        ...aChargedCase(),
        anEvent('ChargesAltered', { charges: [aCharge('charge-2'), aCharge('charge-3')], substantial: true, reasons: 'x' }),
        anEvent('ProsecutionEnded', { ending: 'no-evidence-offered', reasons: 'Victim withdrew' }),
      ]);
      expect(state.charges.map((charge) => charge.chargeId)).toEqual(['charge-2', 'charge-3']);
      expect(state.prosecutionEnded).toEqual({ ending: 'no-evidence-offered', reasons: 'Victim withdrew', at: '2026-03-10T10:00:00.000Z' });
      expect(state.chargeDecision).toEqual({ decision: 'charge', decidedBy: 'CPS', at: '2026-03-10T10:00:00.000Z', reasons: null });
    });

    it('keeps each hearing with its notices and what happened on the day', () => {
      const state = caseStateFrom([
        ...aCaseWithAHearing(),
        anEvent('CourtNoticeReceived', { hearingId: 'hearing-1', notice: 'outcome' }, { receivedAt: '2026-03-13T08:00:00.000Z' }),
        anEvent('HearingHeld', { hearingId: 'hearing-1', result: 'adjourned', bailOutcome: 'remanded-in-custody' }),
      ]);
      expect(findHearing(state, 'hearing-1')).toEqual({
        hearingId: 'hearing-1',
        hearingType: 'first',
        court: 'St Albans Magistrates',
        courtTier: 'magistrates',
        scheduledFor: '2026-04-14T10:00:00.000Z',
        listedAt: '2026-03-10T10:00:00.000Z',
        held: { result: 'adjourned', at: '2026-03-10T10:00:00.000Z', ineffectiveReason: null, crackedReason: null, bailOutcome: 'remanded-in-custody', bailConditions: [] },
        noticesReceived: [{ notice: 'outcome', receivedAt: '2026-03-13T08:00:00.000Z' }],
      });
    });

    it("keeps a suspect's latest status by when it happened", () => {
      const state = caseStateFrom([
        ...aReportedCase(),
        anEvent('SuspectEventRecorded', { suspectId: 's-1', kind: 'bailed', conditions: ['curfew'] }, { occurredAt: '2026-03-05T10:00:00.000Z' }),
        anEvent('SuspectEventRecorded', { suspectId: 's-1', kind: 'arrested' }, { occurredAt: '2026-03-04T10:00:00.000Z' }),
      ]);
      expect(state.suspects).toEqual([{ suspectId: 's-1', latest: 'bailed', at: '2026-03-05T10:00:00.000Z', conditions: ['curfew'] }]);
    });

    it('keeps the sentence, appeals and expenses claims', () => {
      const state = caseStateFrom([
        ...aSentencedCase(),
        anEvent('AppealLodged', { appealId: 'appeal-1', by: 'defence', against: 'sentence' }),
        anEvent('AppealDecided', { appealId: 'appeal-1', outcome: 'dismissed' }),
        anEvent('ExpensesClaimReceived', { victimId: 'victim-1', claimId: 'claim-1' }),
        anEvent('ExpensesPaid', { victimId: 'victim-1', claimId: 'claim-1', amountPence: 990 }),
      ]);
      const at = '2026-03-10T10:00:00.000Z';
      expect(state.sentence).toEqual({ hearingId: 'hearing-1', disposal: 'custody', custodyMonths: 18, at });
      expect(state.appeals).toEqual([{ appealId: 'appeal-1', by: 'defence', against: 'sentence', lodgedAt: at, decision: { outcome: 'dismissed', at } }]);
      expect(state.expensesClaims).toEqual([{ claimId: 'claim-1', victimId: 'victim-1', receivedAt: at, payment: { amountPence: 990, at } }]);
    });
  });

  describe('corrections and retractions: the state takes the latest word, the stream keeps every word', () => {
    it('applies a correction to the data and times of the event it corrects', () => {
      const listing = aHearingListing('hearing-1');
      const correction = correctionOf(listing, { data: { court: 'Watford Magistrates' }, occurredAt: '2026-03-09T10:00:00.000Z' });
      const state = caseStateFrom([...aChargedCase(), listing, correction]);
      expect(findHearing(state, 'hearing-1')).toMatchObject({ court: 'Watford Magistrates', listedAt: '2026-03-09T10:00:00.000Z' });
      expect(state.eventCount).toBe(4);
      expect(state.ledger.map(idOf)).toEqual([...aChargedCase().map(() => expect.any(String)), idOf(listing), idOf(correction)]);
    });

    it('no longer lists a hearing whose listing was retracted, and ignores what followed it', () => {
      const listing = aHearingListing('hearing-2');
      const state = caseStateFrom([
        ...aCaseWithAHearing(),
        listing,
        anEvent('HearingHeld', { hearingId: 'hearing-2', result: 'vacated' }),
        retractionOf(listing),
      ]);
      expect(state.hearings.map((hearing) => hearing.hearingId)).toEqual(['hearing-1']);
      expect(state.retractedEventIds).toEqual([idOf(listing)]);
    });

    it('goes back to the original when the correction itself is retracted', () => {
      const listing = aHearingListing('hearing-1');
      const correction = correctionOf(listing, { data: { court: 'Watford Magistrates' } });
      const state = caseStateFrom([...aChargedCase(), listing, correction, retractionOf(correction)]);
      expect(findHearing(state, 'hearing-1')?.court).toBe('St Albans Magistrates');
    });

    it('moves the case back when a guilty plea or a sentence is retracted', () => {
      const plea = aPlea('guilty');
      const sentence = aSentence();
      expect(caseStateFrom([...aCaseWithAHearing(), plea, retractionOf(plea)])).toMatchObject({ convicted: false, stage: 'pre-trial' });
      expect(caseStateFrom([...aConvictedCase(), sentence, retractionOf(sentence)])).toMatchObject({ sentence: null, stage: 'trial' });
    });

    it('closes the case when its charge decision is corrected to no further action', () => {
      const decision = aChargeDecision();
      const state = caseStateFrom([...aReportedCase(), decision, correctionOf(decision, { data: { decision: 'no-further-action', charges: [] } })]);
      expect(state).toMatchObject({ stage: 'closed', closure: { reason: 'no-further-action' }, charges: [] });
    });

    it('corrects the crime report itself', () => {
      const report = aCrimeReport();
      const state = caseStateFrom([report, correctionOf(report, { data: { area: 'Bedfordshire' }, occurredAt: '2026-03-01T09:00:00.000Z' })]);
      expect(state).toMatchObject({ area: 'Bedfordshire', reportedAt: '2026-03-01T09:00:00.000Z', victims: [{ victimId: 'victim-1' }] });
    });

    it('ignores an event that arrives after its own retraction, as reading the whole stream would', () => {
      const listing = aHearingListing('hearing-2');
      const state = caseStateFrom([...aCaseWithAHearing(), retractionOf(listing), listing]);
      expect(state.hearings.map((hearing) => hearing.hearingId)).toEqual(['hearing-1']);
      expect(state.eventCount).toBe(5);
    });

    it('folds to the same case as the latest word of its stream folded afresh', () => {
      const listing = aHearingListing('hearing-2', { hearingType: 'trial' });
      const plea = aPlea('not-guilty');
      const correction = correctionOf(plea, { data: { plea: 'guilty' } });
      const stream = [
        ...aCaseWithAHearing(),
        plea,
        listing,
        correctionOf(listing, { data: { court: 'Luton Crown Court' } }),
        correction,
        anEvent('VictimOptedOut', { victimId: 'victim-1', scope: 'court-updates' }),
        retractionOf(listing),
        aSentence(),
        retractionOf(correction),
      ];
      const incremental = caseStateFrom(stream);
      const afresh = caseStateFrom(effectiveEvents(stream));
      const { ledger: _a, eventCount: _b, retractedEventIds: _c, ...expected } = afresh;
      expect(incremental).toMatchObject(expected);
      expect(incremental.convicted).toBe(false);
    });
  });

  describe('caseStateAfter: a kept state carried on with the stream\'s new events', () => {
    it('given a reported case kept, when a charge and a listing follow, then the state is the charged case with its hearing, counting every event', () => {
      const [report, decision, listing] = aCaseWithAHearing();
      const state = caseStateAfter(caseStateFrom([report]), [decision, listing]);
      expect(state).toMatchObject({ stage: 'pre-trial', chargeDecision: { decision: 'charge' }, eventCount: 3, lastOccurredAt: EARLIER });
      expect(state.hearings.map((hearing) => hearing.hearingId)).toEqual(['hearing-1']);
      expect(state.ledger).toEqual([report, decision, listing]);
    });

    it('given a listing kept, when its retraction follows, then the hearing is gone as if the stream were read afresh', () => {
      const kept = caseStateFrom(aCaseWithAHearing());
      const listing = kept.ledger[2];
      const state = caseStateAfter(kept, [retractionOf(listing)]);
      expect(state.hearings).toEqual([]);
      expect(state.retractedEventIds).toEqual([idOf(listing)]);
      expect(state.stage).toBe('pre-trial');
      expect(state.eventCount).toBe(4);
    });

    it('given a retraction kept before the event it retracts, when that event arrives, then it is left out', () => {
      const listing = aHearingListing('hearing-2');
      const state = caseStateAfter(caseStateFrom([...aCaseWithAHearing(), retractionOf(listing)]), [listing]);
      expect(state.hearings.map((hearing) => hearing.hearingId)).toEqual(['hearing-1']);
      expect(state.eventCount).toBe(5);
    });

    it('given nothing new, then the kept state itself', () => {
      const kept = caseStateFrom(aConvictedCase());
      expect(caseStateAfter(kept, [])).toBe(kept);
    });

    it('is what folding the whole stream at once gives, wherever the stream is cut', () => {
      const plea = aPlea('not-guilty');
      const listing = aHearingListing('hearing-2', { hearingType: 'trial' });
      const correction = correctionOf(plea, { data: { plea: 'guilty' } });
      const stream = [
        ...aCaseWithAHearing(),
        plea,
        listing,
        correctionOf(listing, { data: { court: 'Luton Crown Court' } }),
        anEvent('VictimInformed', { victimId: 'victim-1', topic: 'hearing-date', channel: 'email' }, { occurredAt: '2026-03-12T10:00:00.000Z' }),
        correction,
        anEvent('VictimOptedOut', { victimId: 'victim-1', scope: 'court-updates' }),
        retractionOf(listing),
        aSentence(),
        retractionOf(correction),
        anEvent('VictimInformed', { victimId: 'victim-1', topic: 'outcome', channel: 'phone' }, { occurredAt: '2026-03-05T10:00:00.000Z' }),
      ];
      const cuts = fc.array(fc.integer({ min: 0, max: stream.length }), { maxLength: 4 }).map((points) => [...points].sort((a, b) => a - b));
      fc.assert(
        fc.property(cuts, (points) => {
          const ends = [...points, stream.length];
          let state = caseStateFrom(stream.slice(0, ends[0]));
          for (let i = 1; i < ends.length; i++) state = caseStateAfter(state, stream.slice(ends[i - 1], ends[i]));
          expect(state).toEqual(caseStateFrom(stream));
        }),
      );
    });
  });

  describe('progressAlong', () => {
    it('gives the stage and closure after each fact, as folding each prefix would', () => {
      const decision = aChargeDecision({ decision: 'no-further-action', charges: [] });
      const facts = [aCrimeReport(), anEvent('VictimInformed', { victimId: 'victim-1', topic: 'other', channel: 'email' }), decision];
      expect(progressAlong(facts)).toEqual([
        { stage: 'investigation', closure: null },
        { stage: 'investigation', closure: null },
        { stage: 'closed', closure: { reason: 'no-further-action', at: EARLIER } },
      ]);
    });

    it('refuses a correction: it reads the latest word of facts, not the stream', () => {
      const report = aCrimeReport();
      expect(() => progressAlong([report, correctionOf(report, { data: { area: 'Bedfordshire' } })])).toThrow(RangeError);
    });
  });

  describe('caseView', () => {
    it('shows the case without its ledger, with the id of every event recorded', () => {
      const stream = aConvictedCase();
      const view = caseView(caseStateFrom(stream));
      expect(view).not.toHaveProperty('ledger');
      expect(view.eventIds).toEqual(stream.map(idOf));
      expect(view.convicted).toBe(true);
    });
  });
});
