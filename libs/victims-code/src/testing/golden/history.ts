import type { CaseEvent } from '@case-journey/domain';
import { caseEvent, victim } from '../case-events';
import { courtNotice, corrected, listed, notPursued, reported, retracted, suspect, told, charged } from '../journey';
import type { GoldenScenario } from './golden-scenario';

const lateUpload: CaseEvent[] = [
  reported('e1', '2026-05-29T10:00:00.000Z', [victim('v1')]),
  listed('e2', '2026-06-01T10:00:00.000Z', 'h1'),
  courtNotice('e3', '2026-06-01T10:30:00.000Z', 'h1', 'hearing-listing'),
  told('e4', '2026-06-02T11:00:00.000Z', 'hearing-date', 'WCU', { hearingId: 'h1', recordedAt: '2026-06-05T09:00:00.000Z' }),
];

const movedArrest: CaseEvent[] = [
  reported('e1', '2026-06-01T08:00:00.000Z', [victim('v1')]),
  suspect('e2', '2026-06-05T10:00:00.000Z', 'arrested'),
  told('e4', '2026-06-15T10:00:00.000Z', 'suspect-update', 'Police'),
  corrected('e3', '2026-06-16T10:00:00.000Z', 'e2', { occurredAt: '2026-06-08T10:00:00.000Z' }),
];

const recategorised: CaseEvent[] = [
  reported('e1', '2026-06-01T08:00:00.000Z', [victim('v1')]),
  charged('e2', '2026-06-08T10:00:00.000Z', 'charge', 'Police'),
  corrected('e3', '2026-06-08T12:00:00.000Z', 'e1', { data: { offence: { description: 'assault on a partner', category: 'domestic-abuse' } } }),
  told('e4', '2026-06-10T10:00:00.000Z', 'charge-decision', 'Police'),
];

/** What the board saw and when: late uploads, asOf in the past, corrections and retractions. */
export const historyScenarios: GoldenScenario[] = [
  {
    name: 'asOf before the listing was recorded: no obligation yet',
    given: lateUpload,
    asOf: '2026-06-01T09:00:00.000Z',
    rules: ['R8.hearing-date'],
    then: [],
  },
  {
    name: "asOf after the listing but before the WCU's notice was recorded: the clock reads the listing and the duty is due soon",
    given: lateUpload,
    asOf: '2026-06-01T10:15:00.000Z',
    rules: ['R8.hearing-date'],
    then: [{ rule: 'R8.hearing-date', trigger: 'e2', due: '2026-06-02T22:59:59.999Z', status: 'due-soon', clock: 'occurred-at' }],
  },
  {
    name: 'Late-recorded contact, seen before its upload: the board saw a breach two working days old',
    given: lateUpload,
    asOf: '2026-06-04T12:00:00.000Z',
    rules: ['R8.hearing-date'],
    // Due Tue 2 Jun; as of Thu 4: Wed 3, Thu 4 = 2.
    then: [{ rule: 'R8.hearing-date', trigger: 'e2', due: '2026-06-02T22:59:59.999Z', status: 'breached', late: 2, clock: 'court-notice' }],
  },
  {
    name: 'Late-recorded contact, once uploaded: it happened on time, so the obligation is met',
    given: lateUpload,
    asOf: '2026-06-05T12:00:00.000Z',
    rules: ['R8.hearing-date'],
    then: [{ rule: 'R8.hearing-date', trigger: 'e2', due: '2026-06-02T22:59:59.999Z', status: 'met', by: 'e4', late: 0 }],
  },
  {
    name: 'Correction of when an arrest happened, not yet recorded: judged from Friday 5 Jun, the contact on Monday 15 is late',
    given: movedArrest,
    asOf: '2026-06-16T08:00:00.000Z',
    rules: ['R6.suspect-event'],
    // Fri 5 Jun + 5 = Fri 12; told Mon 15: 1 late.
    then: [{ rule: 'R6.suspect-event', trigger: 'e2', due: '2026-06-12T22:59:59.999Z', status: 'met-late', by: 'e4', late: 1 }],
  },
  {
    name: 'Correction of when an arrest happened, recorded: the arrest was Monday 8 Jun, so the contact on Monday 15 is on time',
    given: movedArrest,
    asOf: '2026-06-17T12:00:00.000Z',
    rules: ['R6.suspect-event'],
    // Mon 8 Jun + 5 = Mon 15.
    then: [{ rule: 'R6.suspect-event', trigger: 'e2', due: '2026-06-15T22:59:59.999Z', status: 'met', by: 'e4', late: 0 }],
  },
  {
    name: 'Retractions: a retracted contact no longer meets the duty, and a retracted suspect event owes nothing',
    given: [
      reported('e1', '2026-06-01T08:00:00.000Z', [victim('v1')]),
      notPursued('e2', '2026-06-01T10:00:00.000Z'),
      suspect('e5', '2026-06-01T11:00:00.000Z', 'arrested'),
      told('e3', '2026-06-02T10:00:00.000Z', 'no-investigation', 'Police'),
      retracted('e4', '2026-06-03T10:00:00.000Z', 'e3'),
      retracted('e6', '2026-06-03T11:00:00.000Z', 'e5'),
    ],
    asOf: '2026-06-09T12:00:00.000Z',
    rules: ['R6.no-investigation', 'R6.suspect-event'],
    // Mon 1 Jun + 5 = Mon 8; 1 late on Tue 9.
    then: [{ rule: 'R6.no-investigation', trigger: 'e2', due: '2026-06-08T22:59:59.999Z', status: 'breached', late: 1 }],
  },
  {
    name: 'Offence recategorised as domestic abuse, before the correction was recorded: a standard 5-day duty',
    given: recategorised,
    asOf: '2026-06-08T11:00:00.000Z',
    rules: ['R6.charge-decision'],
    // Mon 8 Jun + 5 = Mon 15.
    then: [{ rule: 'R6.charge-decision', trigger: 'e2', due: '2026-06-15T22:59:59.999Z', status: 'pending' }],
  },
  {
    name: 'Offence recategorised as domestic abuse: the victim was enhanced from the report, so the charge decision was due in 1 day',
    given: recategorised,
    asOf: '2026-06-20T12:00:00.000Z',
    rules: ['R6.charge-decision'],
    // Mon 8 Jun + 1 = Tue 9; told Wed 10: 1 late.
    then: [{ rule: 'R6.charge-decision', trigger: 'e2', due: '2026-06-09T22:59:59.999Z', status: 'met-late', by: 'e4', late: 1, rights: 'enhanced' }],
  },
  {
    name: 'Before the 2020 Code: reported at 23:30 BST on 31 March 2021 owes nothing; a victim registered an hour later (1 April) is owed a referral across Easter 2021',
    given: [
      reported('e1', '2021-03-31T22:30:00.000Z', [victim('v1')]),
      caseEvent('VictimRegistered', 'e2', '2021-03-31T23:30:00.000Z', 'Police', { victim: victim('v2') }),
    ],
    asOf: '2021-04-30T12:00:00.000Z',
    rules: ['R4.referral'],
    // Thu 1 Apr 2021; Good Friday 2, weekend, Easter Monday 5; Tue 6, Wed 7.
    // As of Fri 30 Apr: 8, 9, 12-16, 19-23, 26-30 = 17 working days late.
    then: [{ rule: 'R4.referral', victim: 'v2', trigger: 'e2', due: '2021-04-07T22:59:59.999Z', status: 'breached', late: 17 }],
  },
];
