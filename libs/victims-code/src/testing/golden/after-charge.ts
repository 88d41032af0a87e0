import { victim } from '../case-events';
import {
  courtNotice,
  expensesClaim,
  expensesPaid,
  optedBackIn,
  optedOut,
  reported,
  sentenced,
  told,
  vcsReferralMade,
  vcsReferralReceived,
  vloContact,
  witnessRequired,
} from '../journey';
import type { GoldenScenario } from './golden-scenario';

/** Witness duties, the sentence, the Victim Contact Scheme and expenses (Rights 8 to 11). */
export const afterChargeScenarios: GoldenScenario[] = [
  {
    name: 'R8.witness-required: the WCU learns on Monday that the victim must give evidence; needs and special measures are touchpoints',
    given: [
      reported('e1', '2026-06-01T08:00:00.000Z', [victim('v1')]),
      witnessRequired('e2', '2026-06-19T16:00:00.000Z', 'v1', 'h1', { receivedAt: '2026-06-22T08:00:00.000Z' }),
      told('e3', '2026-06-23T09:00:00.000Z', 'witness-required', 'WCU', { hearingId: 'h1' }),
      told('e4', '2026-06-25T09:00:00.000Z', 'special-measures', 'WCU'),
    ],
    asOf: '2026-06-30T12:00:00.000Z',
    rules: ['R8.witness-required', 'R8.special-measures'],
    // CPS decided Fri 19 Jun; the WCU received it Mon 22: due Tue 23.
    then: [
      { rule: 'R8.witness-required', trigger: 'e2', due: '2026-06-23T22:59:59.999Z', status: 'met', by: 'e3', late: 0, clock: 'received-at' },
      { rule: 'R8.special-measures', trigger: 'e2', due: null, status: 'met', by: 'e4' },
    ],
  },
  {
    name: 'R9.sentence and R11.vcs-referral: 18 months for violence, received Monday 12 Oct; the 10 working days cross the end of BST',
    given: [
      reported('e1', '2026-06-01T08:00:00.000Z', [victim('v1')], 'violence'),
      sentenced('e2', '2026-10-09T11:00:00.000Z', 'h2', 'custody', 18),
      courtNotice('e3', '2026-10-12T09:00:00.000Z', 'h2', 'sentence'),
      told('e4', '2026-10-13T10:00:00.000Z', 'sentence', 'WCU', { hearingId: 'h2' }),
      vcsReferralMade('e5', '2026-10-27T10:00:00.000Z'),
    ],
    asOf: '2026-11-02T12:00:00.000Z',
    rules: ['R9.sentence', 'R11.vcs-referral'],
    // Mon 12 Oct + 1 = Tue 13 (BST). + 10 = 13,14,15,16,19,20,21,22,23,26: Mon 26 Oct, now GMT.
    then: [
      { rule: 'R9.sentence', trigger: 'e2', due: '2026-10-13T22:59:59.999Z', status: 'met', by: 'e4', late: 0, clock: 'court-notice' },
      { rule: 'R11.vcs-referral', trigger: 'e2', due: '2026-10-26T23:59:59.999Z', status: 'met-late', by: 'e5', late: 1, clock: 'court-notice' },
    ],
  },
  {
    name: 'R11.vcs-referral: 6 months in custody owes no referral; a hospital order does',
    given: [
      reported('e1', '2026-10-05T08:00:00.000Z', [victim('v1')], 'violence'),
      sentenced('e2', '2026-10-26T10:00:00.000Z', 'h1', 'custody', 6),
      sentenced('e3', '2026-11-02T10:00:00.000Z', 'h2', 'hospital-order'),
    ],
    asOf: '2026-11-17T12:00:00.000Z',
    rules: ['R11.vcs-referral'],
    // Mon 2 Nov + 10 = 3,4,5,6,9,10,11,12,13,16: Mon 16 Nov; 1 late on Tue 17.
    then: [{ rule: 'R11.vcs-referral', trigger: 'e3', due: '2026-11-16T23:59:59.999Z', status: 'breached', late: 1 }],
  },
  {
    name: 'R11.vcs-referral: two years for theft is not a specified violent or sexual offence',
    given: [reported('e1', '2026-10-05T08:00:00.000Z', [victim('v1')], 'theft'), sentenced('e2', '2026-10-26T10:00:00.000Z', 'h1', 'custody', 24)],
    asOf: '2026-11-17T12:00:00.000Z',
    rules: ['R11.vcs-referral'],
    then: [],
  },
  {
    name: 'R11.vcs-referral: opted out of the scheme at the first sentence, back in for the second, which takes the referral',
    given: [
      reported('e1', '2026-09-28T08:00:00.000Z', [victim('v1')], 'sexual'),
      optedOut('e2', '2026-10-05T09:00:00.000Z', 'victim-contact-scheme'),
      sentenced('e3', '2026-10-06T10:00:00.000Z', 'h1', 'custody', 36),
      optedBackIn('e4', '2026-10-07T09:00:00.000Z', 'victim-contact-scheme'),
      sentenced('e5', '2026-10-08T10:00:00.000Z', 'h2', 'custody', 24),
      vcsReferralMade('e6', '2026-10-09T10:00:00.000Z'),
    ],
    asOf: '2026-10-12T12:00:00.000Z',
    rules: ['R11.vcs-referral'],
    // Tue 6 Oct + 10 = 7,8,9,12..16,19,20: Tue 20. Thu 8 + 10 = 9,12..16,19..22: Thu 22. Sexual offence: enhanced (same 10 days).
    then: [
      { rule: 'R11.vcs-referral', trigger: 'e3', due: '2026-10-20T22:59:59.999Z', status: 'not-applicable', reason: 'opted-out', rights: 'enhanced' },
      { rule: 'R11.vcs-referral', trigger: 'e5', due: '2026-10-22T22:59:59.999Z', status: 'met', by: 'e6', late: 0, rights: 'enhanced' },
    ],
  },
  {
    name: 'R11.vlo-contact: 20 working days from Probation receiving the referral run over Christmas and New Year',
    given: [
      reported('e1', '2026-11-02T08:00:00.000Z', [victim('v1')]),
      vcsReferralReceived('e2', '2026-12-07T10:00:00.000Z'),
      vloContact('e3', '2027-01-08T10:00:00.000Z'),
    ],
    asOf: '2027-01-15T12:00:00.000Z',
    rules: ['R11.vlo-contact'],
    // Mon 7 Dec + 20 = Dec 8-11 (4), 14-18 (9), 21-24 (13), 29-31 (16), Jan 4-7 (20): Thu 7 Jan.
    then: [{ rule: 'R11.vlo-contact', trigger: 'e2', due: '2027-01-07T23:59:59.999Z', status: 'met-late', by: 'e3', late: 1 }],
  },
  {
    name: "R10.expenses: each claim is paid within 10 working days, payments matched by claim id; opting out of 'all' contact does not stop payment",
    given: [
      reported('e1', '2026-05-25T08:00:00.000Z', [victim('v1')]),
      optedOut('e6', '2026-05-26T10:00:00.000Z', 'all'),
      expensesClaim('e2', '2026-06-01T10:00:00.000Z', 'k1'),
      expensesClaim('e3', '2026-06-03T10:00:00.000Z', 'k2'),
      expensesPaid('e4', '2026-06-04T10:00:00.000Z', 'k2'),
      expensesPaid('e5', '2026-06-16T10:00:00.000Z', 'k1'),
    ],
    asOf: '2026-06-20T12:00:00.000Z',
    rules: ['R10.expenses'],
    // Mon 1 Jun + 10 = Mon 15; Wed 3 + 10 = Wed 17.
    then: [
      { rule: 'R10.expenses', trigger: 'e2', due: '2026-06-15T22:59:59.999Z', status: 'met-late', by: 'e5', late: 1 },
      { rule: 'R10.expenses', trigger: 'e3', due: '2026-06-17T22:59:59.999Z', status: 'met', by: 'e4', late: 0 },
    ],
  },
];
