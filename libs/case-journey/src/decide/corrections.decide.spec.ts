import type { CaseEvent } from '../events';
import {
  aCaseWithAHearing,
  aChargedCase,
  aCharge,
  aCommand,
  aCrimeReport,
  aHearingListing,
  anEvent,
  given,
  NOW,
  theEventOf,
} from '../testing/case-builders';
import type { DataFor } from '../testing/case-builders';

const idOf = (event: CaseEvent) => event.metadata.eventId;
const listing = () => aHearingListing('hearing-1');
const correct = (target: CaseEvent, correction: Partial<DataFor<'EventCorrected'>>) =>
  aCommand('EventCorrected', { correctedEventId: idOf(target), reason: 'Keyed wrongly', ...correction }, { agency: 'HMCTS' });
const retract = (target: CaseEvent) => aCommand('EventRetracted', { retractedEventId: idOf(target), reason: 'Entered on the wrong case' });
const correctionOf = (target: CaseEvent, data: Record<string, unknown>) =>
  anEvent('EventCorrected', { correctedEventId: idOf(target), data, reason: 'Keyed wrongly' });
const retractionOf = (target: CaseEvent) => anEvent('EventRetracted', { retractedEventId: idOf(target), reason: 'Wrong case' });

describe('EventCorrected', () => {
  it("replaces an event's data", () => {
    const target = listing();
    const command = correct(target, { data: { court: 'Watford Magistrates' } });
    given([...aChargedCase(), target]).when(command).then([theEventOf(command)]);
  });

  it('moves when an event occurred and when it was received', () => {
    const target = anEvent('CourtNoticeReceived', { hearingId: 'hearing-1', notice: 'hearing-listing' }, { receivedAt: '2026-03-12T10:00:00.000Z' });
    const command = correct(target, { occurredAt: '2026-03-11T10:00:00.000Z', receivedAt: '2026-03-11T16:00:00.000Z' });
    given([...aCaseWithAHearing(), target]).when(command).then([theEventOf(command)]);
  });

  it('corrects a crime report', () => {
    const report = aCrimeReport();
    const command = correct(report, { data: { area: 'Bedfordshire' } });
    given([report]).when(command).then([theEventOf(command)]);
  });

  it('judges the corrected event against the case as it stood when the original was recorded', () => {
    const target = anEvent('ChargesAltered', { charges: [aCharge('charge-2')], substantial: false, reasons: 'Downgraded' });
    const ended = anEvent('ProsecutionEnded', { ending: 'discontinued', reasons: 'Insufficient evidence' });
    const command = correct(target, { data: { substantial: true } });
    given([...aChargedCase(), target, ended]).when(command).then([theEventOf(command)]);
  });

  it('corrects an event corrected before, building on the earlier correction', () => {
    const target = anEvent('HearingHeld', { hearingId: 'hearing-1', result: 'ineffective', ineffectiveReason: { code: 'P1', group: 'prosecution' } });
    const command = correct(target, { data: { ineffectiveReason: { code: 'D3', group: 'defence' } } });
    given([...aCaseWithAHearing(), target, correctionOf(target, { result: 'ineffective' })]).when(command).then([theEventOf(command)]);
  });

  it('breaks correction-target-must-exist for an event the case does not hold', () => {
    given(aChargedCase())
      .when(aCommand('EventCorrected', { correctedEventId: 'event-elsewhere', data: { court: 'X' }, reason: 'x' }))
      .thenThrows('correction-target-must-exist', 'data.correctedEventId');
  });

  it('breaks correction-target-must-not-be-retracted for a retracted event', () => {
    const target = listing();
    given([...aChargedCase(), target, retractionOf(target)])
      .when(correct(target, { data: { court: 'Watford Magistrates' } }))
      .thenThrows('correction-target-must-not-be-retracted', 'data.correctedEventId');
  });

  it('breaks correction-target-must-be-correctable for a correction', () => {
    const target = listing();
    const earlier = correctionOf(target, { court: 'Watford Magistrates' });
    given([...aChargedCase(), target, earlier])
      .when(correct(earlier, { data: { reason: 'Better reason' } }))
      .thenThrows('correction-target-must-be-correctable', 'data.correctedEventId');
  });

  it('breaks correction-target-must-be-correctable for a retraction', () => {
    const target = listing();
    const retraction = retractionOf(target);
    given([...aChargedCase(), target, retraction])
      .when(correct(retraction, { data: { reason: 'Better reason' } }))
      .thenThrows('correction-target-must-be-correctable');
  });

  it('breaks correction-cannot-change-type', () => {
    const target = listing();
    given([...aChargedCase(), target])
      .when(correct(target, { data: { type: 'HearingHeld' } }))
      .thenThrows('correction-cannot-change-type', 'data.data.type');
  });

  it('breaks correction-cannot-change-case', () => {
    const target = listing();
    given([...aChargedCase(), target])
      .when(correct(target, { data: { caseId: 'case-2' } }))
      .thenThrows('correction-cannot-change-case', 'data.data.caseId');
  });

  it.each([{}, { data: {} }])('breaks correction-must-change-something for %j', (replacement) => {
    const target = listing();
    given([...aChargedCase(), target]).when(correct(target, replacement)).thenThrows('correction-must-change-something');
  });

  describe('the corrected event obeys the journey rules, reported against the correction', () => {
    it('breaks ineffective-hearing-needs-reason-code when a hearing is corrected to ineffective without one', () => {
      const target = anEvent('HearingHeld', { hearingId: 'hearing-1', result: 'effective' });
      given([...aCaseWithAHearing(), target])
        .when(correct(target, { data: { result: 'ineffective' } }))
        .thenThrows('ineffective-hearing-needs-reason-code', 'data.data.ineffectiveReason');
    });

    it('breaks hearing-id-must-be-new when a listing is corrected onto another listed hearing', () => {
      const target = aHearingListing('hearing-2');
      given([...aCaseWithAHearing(), target])
        .when(correct(target, { data: { hearingId: 'hearing-1' } }))
        .thenThrows('hearing-id-must-be-new', 'data.data.hearingId');
    });

    it('breaks victim-id-must-be-unique when a crime report is corrected to name one victim twice', () => {
      const report = aCrimeReport();
      given([report])
        .when(correct(report, { data: { victims: [...report.data.victims, ...report.data.victims] } }))
        .thenThrows('victim-id-must-be-unique', 'data.data.victims');
    });

    it('breaks not-in-the-future when moved into the future', () => {
      const target = listing();
      given([...aChargedCase(), target])
        .when(correct(target, { occurredAt: new Date(Date.parse(NOW) + 3_600_000).toISOString() }))
        .thenThrows('not-in-the-future', 'data.occurredAt');
    });

    it('breaks received-not-before-occurred when received is moved before it occurred', () => {
      const target = anEvent('CourtNoticeReceived', { hearingId: 'hearing-1', notice: 'outcome' }, { receivedAt: '2026-03-12T10:00:00.000Z' });
      given([...aCaseWithAHearing(), target])
        .when(correct(target, { receivedAt: '2026-03-09T10:00:00.000Z' }))
        .thenThrows('received-not-before-occurred', 'data.receivedAt');
    });

    it('breaks nothing-before-crime-report when an event is moved before the report', () => {
      const target = listing();
      given([...aChargedCase(), target])
        .when(correct(target, { occurredAt: '2026-02-01T10:00:00.000Z' }))
        .thenThrows('nothing-before-crime-report', 'data.occurredAt');
    });

    it('breaks nothing-before-crime-report when the report is moved after a later event', () => {
      const report = aCrimeReport();
      given([report, ...aChargedCase().slice(1)])
        .when(correct(report, { occurredAt: '2026-03-20T10:00:00.000Z' }))
        .thenThrows('nothing-before-crime-report', 'data.occurredAt');
    });

    it('breaks instant-must-be-valid for a corrected occurredAt that is not an instant', () => {
      const target = listing();
      given([...aChargedCase(), target]).when(correct(target, { occurredAt: 'last week' })).thenThrows('instant-must-be-valid', 'data.occurredAt');
    });
  });
});

describe('EventRetracted', () => {
  it('withdraws a fact', () => {
    const target = listing();
    const command = retract(target);
    given([...aChargedCase(), target]).when(command).then([theEventOf(command)]);
  });

  it('withdraws a correction', () => {
    const target = listing();
    const correction = correctionOf(target, { court: 'Luton Magistrates' });
    const command = retract(correction);
    given([...aChargedCase(), target, correction]).when(command).then([theEventOf(command)]);
  });

  it('breaks correction-target-must-exist for an event the case does not hold', () => {
    given(aChargedCase())
      .when(aCommand('EventRetracted', { retractedEventId: 'event-elsewhere', reason: 'x' }))
      .thenThrows('correction-target-must-exist', 'data.retractedEventId');
  });

  it('breaks correction-target-must-not-be-retracted for an event already retracted', () => {
    const target = listing();
    given([...aChargedCase(), target, retractionOf(target)])
      .when(retract(target))
      .thenThrows('correction-target-must-not-be-retracted', 'data.retractedEventId');
  });

  it('breaks correction-target-must-be-correctable for a retraction', () => {
    const target = listing();
    const retraction = retractionOf(target);
    given([...aChargedCase(), target, retraction])
      .when(retract(retraction))
      .thenThrows('correction-target-must-be-correctable', 'data.retractedEventId');
  });

  it('breaks erasure-is-final: an erasure can be neither retracted nor corrected', () => {
    const erasure = anEvent('VictimDataErased', { victimId: 'victim-1', basis: 'request', reason: 'Request upheld' });
    given([aCrimeReport(), erasure]).when(retract(erasure)).thenThrows('erasure-is-final', 'data.retractedEventId');
    given([aCrimeReport(), erasure])
      .when(correct(erasure, { data: { reason: 'Another reason' } }))
      .thenThrows('erasure-is-final', 'data.correctedEventId');
  });

  it('breaks crime-report-cannot-be-retracted', () => {
    const report = aCrimeReport();
    given([report]).when(retract(report)).thenThrows('crime-report-cannot-be-retracted', 'data.retractedEventId');
  });
});
