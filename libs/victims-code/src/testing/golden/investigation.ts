import { victim } from '../case-events';
import { charged, declined, altered, ended, notPursued, referred, registered, reported, suspect, told } from '../journey';
import type { GoldenScenario } from './golden-scenario';

/** Rights 4 and 6: referral to support, and information about the investigation. */
export const investigationScenarios: GoldenScenario[] = [
  {
    name: 'R4: reported on a Friday, the 2-working-day referral falls due on Tuesday and is met that day',
    given: [reported('e1', '2026-03-06T10:00:00.000Z', [victim('v1')]), referred('e2', '2026-03-10T16:00:00.000Z')],
    asOf: '2026-03-20T12:00:00.000Z',
    rules: ['R4.referral'],
    // Fri 6 Mar (GMT): Mon 9 is day 1, Tue 10 day 2.
    then: [{ rule: 'R4.referral', trigger: 'e1', due: '2026-03-10T23:59:59.999Z', status: 'met', by: 'e2', late: 0, handoff: null }],
  },
  {
    name: 'R4: a referral made one working day after the deadline is met late by 1',
    given: [reported('e1', '2026-03-02T09:00:00.000Z', [victim('v1')]), referred('e2', '2026-03-05T11:00:00.000Z')],
    asOf: '2026-03-20T12:00:00.000Z',
    rules: ['R4.referral'],
    // Mon 2 Mar: Tue 3, Wed 4. Referred Thu 5: one working day after Wed 4.
    then: [{ rule: 'R4.referral', trigger: 'e1', due: '2026-03-04T23:59:59.999Z', status: 'met-late', by: 'e2', late: 1 }],
  },
  {
    name: 'R4: a domestic abuse victim without explicit consent is not referred; one with consent is owed it (both enhanced)',
    given: [reported('e1', '2026-03-02T09:00:00.000Z', [victim('v1', { consentToReferral: false }), victim('v2')], 'domestic-abuse')],
    asOf: '2026-03-10T12:00:00.000Z',
    rules: ['R4.referral'],
    // Due Wed 4 Mar either way (2 wd standard and enhanced). v2 breached: Thu 5, Fri 6, Mon 9, Tue 10 = 4.
    then: [
      { rule: 'R4.referral', trigger: 'e1', due: '2026-03-04T23:59:59.999Z', status: 'not-applicable', reason: 'no-consent', rights: 'enhanced' },
      { rule: 'R4.referral', victim: 'v2', trigger: 'e1', due: '2026-03-04T23:59:59.999Z', status: 'breached', late: 4, rights: 'enhanced' },
    ],
  },
  {
    name: "R4: declined, opted out of referral, opted out of all: not applicable; opted out of court updates only: still owed",
    given: [
      reported('e1', '2026-03-02T09:00:00.000Z', [
        victim('v1'),
        victim('v2', { optOuts: ['support-referral'] }),
        victim('v3', { optOuts: ['all'] }),
        victim('v4', { optOuts: ['court-updates'] }),
      ]),
      declined('e2', '2026-03-03T10:00:00.000Z', 'v1'),
    ],
    asOf: '2026-03-10T12:00:00.000Z',
    rules: ['R4.referral'],
    then: [
      { rule: 'R4.referral', trigger: 'e1', due: '2026-03-04T23:59:59.999Z', status: 'not-applicable', reason: 'excluded' },
      { rule: 'R4.referral', victim: 'v2', trigger: 'e1', due: '2026-03-04T23:59:59.999Z', status: 'not-applicable', reason: 'opted-out' },
      { rule: 'R4.referral', victim: 'v3', trigger: 'e1', due: '2026-03-04T23:59:59.999Z', status: 'not-applicable', reason: 'opted-out' },
      { rule: 'R4.referral', victim: 'v4', trigger: 'e1', due: '2026-03-04T23:59:59.999Z', status: 'breached', late: 4 },
    ],
  },
  {
    name: 'R4: a victim registered later has their own clock; registering a known victim again adds nothing',
    given: [
      reported('e1', '2026-03-02T09:00:00.000Z', [victim('v1')]),
      registered('e2', '2026-03-03T10:00:00.000Z', victim('v1', { contactPreference: 'email' })),
      referred('e4', '2026-03-04T10:00:00.000Z', 'v1'),
      registered('e3', '2026-03-05T15:00:00.000Z', victim('v2')),
    ],
    asOf: '2026-03-09T12:00:00.000Z',
    rules: ['R4.referral'],
    // v2 from Thu 5 Mar: Fri 6, Mon 9. As of Mon 9 it is due by the end of the next working day: due soon.
    then: [
      { rule: 'R4.referral', trigger: 'e1', due: '2026-03-04T23:59:59.999Z', status: 'met', by: 'e4', late: 0 },
      { rule: 'R4.referral', victim: 'v2', trigger: 'e3', due: '2026-03-09T23:59:59.999Z', status: 'due-soon' },
    ],
  },
  {
    name: 'R6.no-investigation: decided on the Friday before the Early May bank holiday, 5 working days end on Monday 11 May (BST)',
    given: [
      reported('e1', '2026-04-30T10:00:00.000Z', [victim('v1')]),
      notPursued('e2', '2026-05-01T14:00:00.000Z'),
      told('e3', '2026-05-11T20:00:00.000Z', 'no-investigation', 'Police'),
    ],
    asOf: '2026-05-20T12:00:00.000Z',
    rules: ['R6.no-investigation'],
    // Fri 1 May; Mon 4 May is a bank holiday; Tue 5 .. Fri 8 are 1-4, Mon 11 is 5. 23:59:59.999 BST = 22:59:59.999Z.
    then: [{ rule: 'R6.no-investigation', trigger: 'e2', due: '2026-05-11T22:59:59.999Z', status: 'met', by: 'e3', late: 0 }],
  },
  {
    name: 'R6.no-investigation: a victim under 18 at the offence is enhanced: 1 working day across Easter 2026',
    given: [
      reported('e1', '2026-04-01T10:00:00.000Z', [victim('v1', { under18AtOffence: true, ageBand: 'under-18' })]),
      notPursued('e2', '2026-04-02T16:00:00.000Z'),
      told('e3', '2026-04-08T09:00:00.000Z', 'no-investigation', 'Police'),
    ],
    asOf: '2026-04-20T12:00:00.000Z',
    rules: ['R6.no-investigation'],
    // Thu 2 Apr; Good Friday 3, weekend, Easter Monday 6; Tue 7 is day 1. Told Wed 8: 1 late.
    then: [{ rule: 'R6.no-investigation', trigger: 'e2', due: '2026-04-07T22:59:59.999Z', status: 'met-late', by: 'e3', late: 1, rights: 'enhanced' }],
  },
  {
    name: 'R6.suspect-event: three suspect events make three obligations, each taking the earliest unused contact after it',
    given: [
      reported('e1', '2026-06-01T08:00:00.000Z', [victim('v1')]),
      suspect('e2', '2026-06-08T10:00:00.000Z', 'arrested'),
      suspect('e3', '2026-06-08T14:00:00.000Z', 'interviewed-under-caution'),
      told('e5', '2026-06-08T16:00:00.000Z', 'suspect-update', 'Police'),
      suspect('e4', '2026-06-09T18:00:00.000Z', 'released-under-investigation'),
      told('e6', '2026-06-12T10:00:00.000Z', 'suspect-update', 'Police'),
    ],
    asOf: '2026-06-17T12:00:00.000Z',
    rules: ['R6.suspect-event'],
    // Mon 8 Jun + 5 = Mon 15; Tue 9 + 5 = Tue 16; as of Wed 17 the third is 1 working day overdue.
    then: [
      { rule: 'R6.suspect-event', trigger: 'e2', due: '2026-06-15T22:59:59.999Z', status: 'met', by: 'e5', late: 0 },
      { rule: 'R6.suspect-event', trigger: 'e3', due: '2026-06-15T22:59:59.999Z', status: 'met', by: 'e6', late: 0 },
      { rule: 'R6.suspect-event', trigger: 'e4', due: '2026-06-16T22:59:59.999Z', status: 'breached', late: 1 },
    ],
  },
  {
    name: 'R6.charge-decision: a standard and an enhanced (persistently targeted) victim of one charge decision; no CPS letter for a charge',
    given: [
      reported('e1', '2026-06-01T08:00:00.000Z', [
        victim('v1'),
        victim('v2', { enhancedGrounds: [{ ground: 'persistently-targeted', decidedBy: 'Police', decidedAt: '2026-06-01T08:00:00.000Z' }] }),
      ]),
      charged('e2', '2026-06-10T11:00:00.000Z', 'charge', 'CPS'),
    ],
    asOf: '2026-06-10T15:00:00.000Z',
    rules: ['R6.charge-decision', 'R6.cps-decision-letter'],
    // Wed 10 Jun: standard Thu 11, Fri 12, Mon 15, Tue 16, Wed 17; enhanced Thu 11, which is the next working day: due soon.
    then: [
      { rule: 'R6.charge-decision', trigger: 'e2', due: '2026-06-17T22:59:59.999Z', status: 'pending' },
      { rule: 'R6.charge-decision', victim: 'v2', trigger: 'e2', due: '2026-06-11T22:59:59.999Z', status: 'due-soon', rights: 'enhanced' },
    ],
  },
  {
    name: 'R6.cps-decision-letter: a substantial alteration and a discontinuance each need a CPS letter; a minor alteration does not, and a police letter does not count',
    given: [
      reported('e1', '2026-05-29T10:00:00.000Z', [victim('v1')]),
      charged('e2', '2026-06-01T10:00:00.000Z', 'charge', 'CPS'),
      altered('e3', '2026-06-02T10:00:00.000Z', false),
      altered('e4', '2026-06-03T10:00:00.000Z', true),
      told('e5', '2026-06-05T10:00:00.000Z', 'cps-decision-letter', 'CPS', { regarding: 'e4' }),
      ended('e6', '2026-06-15T10:00:00.000Z', 'discontinued'),
      told('e7', '2026-06-16T10:00:00.000Z', 'cps-decision-letter', 'Police'),
    ],
    asOf: '2026-06-23T09:00:00.000Z',
    rules: ['R6.cps-decision-letter'],
    // Wed 3 Jun + 5 = Wed 10; Mon 15 + 5 = Mon 22; as of Tue 23, 1 late.
    then: [
      { rule: 'R6.cps-decision-letter', trigger: 'e4', due: '2026-06-10T22:59:59.999Z', status: 'met', by: 'e5', late: 0 },
      { rule: 'R6.cps-decision-letter', trigger: 'e6', due: '2026-06-22T22:59:59.999Z', status: 'breached', late: 1 },
    ],
  },
  {
    name: 'R6: CPS decides not to charge a sexual offence on a Friday: letter at 23:59 GMT on Monday is on time, the police call 30 seconds after midnight is late',
    given: [
      reported('e1', '2026-11-23T10:00:00.000Z', [victim('v1')], 'sexual'),
      charged('e2', '2026-11-27T15:00:00.000Z', 'no-further-action', 'CPS'),
      told('e3', '2026-11-30T23:59:00.000Z', 'cps-decision-letter', 'CPS'),
      told('e4', '2026-12-01T00:00:30.000Z', 'charge-decision', 'Police'),
    ],
    asOf: '2026-12-07T12:00:00.000Z',
    rules: ['R6.charge-decision', 'R6.cps-decision-letter'],
    // Sexual offence: most serious crime, enhanced, 1 wd. Fri 27 Nov + 1 = Mon 30 Nov, ending 23:59:59.999 GMT.
    then: [
      { rule: 'R6.charge-decision', trigger: 'e2', due: '2026-11-30T23:59:59.999Z', status: 'met-late', by: 'e4', late: 1, rights: 'enhanced' },
      { rule: 'R6.cps-decision-letter', trigger: 'e2', due: '2026-11-30T23:59:59.999Z', status: 'met', by: 'e3', late: 0, rights: 'enhanced' },
    ],
  },
];
