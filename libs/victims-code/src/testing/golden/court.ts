import { victim } from '../case-events';
import { courtNotice, held, listed, reported, sentenced, told, verdict } from '../journey';
import type { GoldenScenario } from './golden-scenario';

/** Rights 8 and 9 at court: the Witness Care Unit's clocks, which start when it receives the court's information. */
export const courtScenarios: GoldenScenario[] = [
  {
    name: "R8.hearing-date: the WCU's day runs from its receipt of the listing, not from the listing",
    given: [
      reported('e1', '2026-06-01T08:00:00.000Z', [victim('v1')]),
      listed('e2', '2026-06-11T10:00:00.000Z', 'h1'),
      courtNotice('e3', '2026-06-15T09:00:00.000Z', 'h1', 'hearing-listing'),
      told('e4', '2026-06-16T15:00:00.000Z', 'hearing-date', 'WCU', { hearingId: 'h1' }),
    ],
    asOf: '2026-06-20T12:00:00.000Z',
    rules: ['R8.hearing-date'],
    // Received Mon 15 Jun: due Tue 16 (from the listing on Thu 11 it would have been Fri 12). Court to WCU: Fri 12, Mon 15 = 2.
    then: [
      { rule: 'R8.hearing-date', trigger: 'e2', due: '2026-06-16T22:59:59.999Z', status: 'met', by: 'e4', late: 0, clock: 'court-notice', clockStartedAt: '2026-06-15T09:00:00.000Z', handoff: 2 },
    ],
  },
  {
    name: "R8.hearing-date: a notice the court sent on Friday and the WCU received after the weekend, 00:30 on Monday in BST, starts the clock on Monday",
    given: [
      reported('e1', '2026-06-01T08:00:00.000Z', [victim('v1')]),
      listed('e2', '2026-06-11T10:00:00.000Z', 'h1'),
      courtNotice('e3', '2026-06-12T16:00:00.000Z', 'h1', 'hearing-listing', 'WCU', { receivedAt: '2026-06-14T23:30:00.000Z' }),
      told('e4', '2026-06-16T21:30:00.000Z', 'hearing-date', 'WCU', { hearingId: 'h1' }),
    ],
    asOf: '2026-06-20T12:00:00.000Z',
    rules: ['R8.hearing-date'],
    // Received Sun 14 Jun 23:30 UTC = Mon 15 00:30 BST, so London day Mon 15: due end of Tue 16 (22:59:59.999Z); told Tue 16
    // 22:30 BST, on time. From the court's sending (Fri 12) it would have been due Mon 15 and met a day late; from the UTC day
    // (Sun 14) also Mon 15. Court to WCU: listed Thu 11, received Mon 15: Fri 12, Mon 15 = 2 working days.
    then: [
      { rule: 'R8.hearing-date', trigger: 'e2', due: '2026-06-16T22:59:59.999Z', status: 'met', by: 'e4', late: 0, clock: 'court-notice', clockStartedAt: '2026-06-14T23:30:00.000Z', handoff: 2 },
    ],
  },
  {
    name: 'R9.sentence: a sentence notice sent on Thursday 26 November and received on Monday 30 November runs from Monday (GMT)',
    given: [
      reported('e1', '2026-09-01T08:00:00.000Z', [victim('v1')]),
      listed('e2', '2026-11-02T10:00:00.000Z', 'h1'),
      sentenced('e3', '2026-11-25T15:00:00.000Z', 'h1', 'community-order'),
      courtNotice('e4', '2026-11-26T10:00:00.000Z', 'h1', 'sentence', 'WCU', { receivedAt: '2026-11-30T09:00:00.000Z' }),
      told('e5', '2026-12-01T16:00:00.000Z', 'sentence', 'WCU', { hearingId: 'h1' }),
    ],
    asOf: '2026-12-04T12:00:00.000Z',
    rules: ['R9.sentence'],
    // Received Mon 30 Nov (GMT): due end of Tue 1 Dec, 23:59:59.999Z; told Tue 1 Dec, on time (from the sending, Thu 26, it was
    // due Fri 27 and 2 days late). Sentenced Wed 25, received Mon 30: Thu 26, Fri 27, Mon 30 = 3 working days.
    then: [
      { rule: 'R9.sentence', trigger: 'e3', due: '2026-12-01T23:59:59.999Z', status: 'met', by: 'e5', late: 0, clock: 'court-notice', clockStartedAt: '2026-11-30T09:00:00.000Z', handoff: 3 },
    ],
  },
  {
    name: "R8.hearing-date: without the WCU's notice the clock falls back to receivedAt, then to occurredAt; another agency's notice or another kind does not count",
    given: [
      reported('e1', '2026-06-01T08:00:00.000Z', [victim('v1')]),
      listed('e2', '2026-06-15T10:00:00.000Z', 'h1', { receivedAt: '2026-06-16T11:00:00.000Z' }),
      courtNotice('e5', '2026-06-15T12:00:00.000Z', 'h1', 'outcome'),
      listed('e3', '2026-06-17T10:00:00.000Z', 'h2'),
      courtNotice('e4', '2026-06-17T12:00:00.000Z', 'h2', 'hearing-listing', 'HMCTS'),
    ],
    asOf: '2026-06-18T12:00:00.000Z',
    rules: ['R8.hearing-date'],
    // h1 received Tue 16: due Wed 17, 1 late on Thu 18. h2 listed Wed 17: due Thu 18, the day of asOf: due soon.
    then: [
      { rule: 'R8.hearing-date', trigger: 'e2', due: '2026-06-17T22:59:59.999Z', status: 'breached', late: 1, clock: 'received-at', clockStartedAt: '2026-06-16T11:00:00.000Z' },
      { rule: 'R8.hearing-date', trigger: 'e3', due: '2026-06-18T22:59:59.999Z', status: 'due-soon', clock: 'occurred-at', clockStartedAt: '2026-06-17T10:00:00.000Z' },
    ],
  },
  {
    name: 'R8.hearing-date: three listings, contacts linked by hearingId in whatever order they were made',
    given: [
      reported('e1', '2026-05-29T08:00:00.000Z', [victim('v1')]),
      listed('e2', '2026-06-01T10:00:00.000Z', 'h1'),
      listed('e3', '2026-06-01T11:00:00.000Z', 'h2'),
      told('e5', '2026-06-01T15:00:00.000Z', 'hearing-date', 'WCU', { hearingId: 'h2' }),
      told('e6', '2026-06-02T09:00:00.000Z', 'hearing-date', 'WCU', { hearingId: 'h1' }),
      listed('e4', '2026-06-02T10:00:00.000Z', 'h3'),
      told('e7', '2026-06-04T10:00:00.000Z', 'hearing-date', 'WCU', { hearingId: 'h3' }),
    ],
    asOf: '2026-06-10T12:00:00.000Z',
    rules: ['R8.hearing-date'],
    // Mon 1 Jun + 1 = Tue 2; Tue 2 + 1 = Wed 3, told Thu 4: 1 late.
    then: [
      { rule: 'R8.hearing-date', trigger: 'e2', due: '2026-06-02T22:59:59.999Z', status: 'met', by: 'e6', late: 0 },
      { rule: 'R8.hearing-date', trigger: 'e3', due: '2026-06-02T22:59:59.999Z', status: 'met', by: 'e5', late: 0 },
      { rule: 'R8.hearing-date', trigger: 'e4', due: '2026-06-03T22:59:59.999Z', status: 'met-late', by: 'e7', late: 1 },
    ],
  },
  {
    name: 'R8.hearing-date: a contact citing a listing by regardingEventId meets that listing; an unlinked one meets the earliest open listing',
    given: [
      reported('e1', '2026-05-29T08:00:00.000Z', [victim('v1')]),
      listed('e2', '2026-06-01T10:00:00.000Z', 'h1'),
      listed('e3', '2026-06-01T12:00:00.000Z', 'h2'),
      told('e4', '2026-06-01T13:00:00.000Z', 'hearing-date', 'WCU', { regarding: 'e3' }),
      told('e5', '2026-06-03T10:00:00.000Z', 'hearing-date', 'WCU'),
    ],
    asOf: '2026-06-10T12:00:00.000Z',
    rules: ['R8.hearing-date'],
    then: [
      { rule: 'R8.hearing-date', trigger: 'e2', due: '2026-06-02T22:59:59.999Z', status: 'met-late', by: 'e5', late: 1 },
      { rule: 'R8.hearing-date', trigger: 'e3', due: '2026-06-02T22:59:59.999Z', status: 'met', by: 'e4', late: 0 },
    ],
  },
  {
    name: 'R8.hearing-date: a re-listed hearing is a second obligation with its own notice; told at 23:59 BST on the due day is on time',
    given: [
      reported('e1', '2026-05-29T08:00:00.000Z', [victim('v1')]),
      listed('e2', '2026-06-01T10:00:00.000Z', 'h1'),
      courtNotice('e3', '2026-06-01T14:00:00.000Z', 'h1', 'hearing-listing'),
      told('e4', '2026-06-02T10:00:00.000Z', 'hearing-date', 'WCU', { hearingId: 'h1' }),
      listed('e5', '2026-06-08T10:00:00.000Z', 'h1'),
      courtNotice('e6', '2026-06-10T09:00:00.000Z', 'h1', 'hearing-listing'),
      told('e7', '2026-06-11T22:59:00.000Z', 'hearing-date', 'WCU', { hearingId: 'h1' }),
    ],
    asOf: '2026-06-20T12:00:00.000Z',
    rules: ['R8.hearing-date'],
    // Second notice Wed 10 Jun: due Thu 11, 23:59:59.999 BST = 22:59:59.999Z.
    then: [
      { rule: 'R8.hearing-date', trigger: 'e2', due: '2026-06-02T22:59:59.999Z', status: 'met', by: 'e4', late: 0, clock: 'court-notice', clockStartedAt: '2026-06-01T14:00:00.000Z' },
      { rule: 'R8.hearing-date', trigger: 'e5', due: '2026-06-11T22:59:59.999Z', status: 'met', by: 'e7', late: 0, clock: 'court-notice', clockStartedAt: '2026-06-10T09:00:00.000Z' },
    ],
  },
  {
    name: 'BST midnight: a listing received at 23:30 UTC on a summer Thursday counts from Friday; a contact at 23:00 UTC on the due Monday is already Tuesday',
    given: [
      reported('e1', '2026-06-29T08:00:00.000Z', [victim('v1'), victim('v2')]),
      listed('e2', '2026-07-02T15:00:00.000Z', 'h1'),
      courtNotice('e3', '2026-07-02T23:30:00.000Z', 'h1', 'hearing-listing'),
      told('e4', '2026-07-06T22:30:00.000Z', 'hearing-date', 'WCU', { hearingId: 'h1' }),
      told('e5', '2026-07-06T23:00:00.000Z', 'hearing-date', 'WCU', { hearingId: 'h1', victim: 'v2' }),
    ],
    asOf: '2026-07-10T12:00:00.000Z',
    rules: ['R8.hearing-date'],
    // 23:30Z Thu 2 Jul is 00:30 BST Fri 3: day 1 is Mon 6 (not Fri 3). 23:00Z Mon 6 is 00:00 BST Tue 7: 1 late.
    then: [
      { rule: 'R8.hearing-date', trigger: 'e2', due: '2026-07-06T22:59:59.999Z', status: 'met', by: 'e4', late: 0 },
      { rule: 'R8.hearing-date', victim: 'v2', trigger: 'e2', due: '2026-07-06T22:59:59.999Z', status: 'met-late', by: 'e5', late: 1 },
    ],
  },
  {
    name: 'GMT midnight: received at 23:30 UTC on a winter Thursday stays Thursday; told at 23:59:59 Friday is on time, at midnight it is late without a working day lost',
    given: [
      reported('e1', '2027-01-11T08:00:00.000Z', [victim('v1'), victim('v2')]),
      listed('e2', '2027-01-14T12:00:00.000Z', 'h1'),
      courtNotice('e3', '2027-01-14T23:30:00.000Z', 'h1', 'hearing-listing'),
      told('e4', '2027-01-15T23:59:59.000Z', 'hearing-date', 'WCU', { hearingId: 'h1' }),
      told('e5', '2027-01-16T00:00:00.000Z', 'hearing-date', 'WCU', { hearingId: 'h1', victim: 'v2' }),
    ],
    asOf: '2027-01-20T12:00:00.000Z',
    rules: ['R8.hearing-date'],
    // Thu 14 Jan + 1 = Fri 15. Saturday 16 is after the deadline but no working day has passed: late 0.
    then: [
      { rule: 'R8.hearing-date', trigger: 'e2', due: '2027-01-15T23:59:59.999Z', status: 'met', by: 'e4', late: 0 },
      { rule: 'R8.hearing-date', victim: 'v2', trigger: 'e2', due: '2027-01-15T23:59:59.999Z', status: 'met-late', by: 'e5', late: 0 },
    ],
  },
  {
    name: 'Bank holiday: a listing the WCU receives on the Spring bank holiday is due the next working day',
    given: [
      reported('e1', '2026-05-20T08:00:00.000Z', [victim('v1')]),
      listed('e2', '2026-05-22T10:00:00.000Z', 'h1'),
      courtNotice('e3', '2026-05-25T10:00:00.000Z', 'h1', 'hearing-listing'),
      told('e4', '2026-05-26T12:00:00.000Z', 'hearing-date', 'WCU', { hearingId: 'h1' }),
    ],
    asOf: '2026-05-30T12:00:00.000Z',
    rules: ['R8.hearing-date'],
    // Mon 25 May is a bank holiday; the first working day after it is Tue 26.
    then: [{ rule: 'R8.hearing-date', trigger: 'e2', due: '2026-05-26T22:59:59.999Z', status: 'met', by: 'e4', late: 0 }],
  },
  {
    name: 'Christmas 2026: a bail outcome received on Christmas Eve is due Tue 29 Dec for an enhanced victim and Tue 5 Jan 2027 for a standard one',
    given: [
      reported('e1', '2026-12-14T08:00:00.000Z', [
        victim('v1'),
        victim('v2', { enhancedGrounds: [{ ground: 'intimidated', decidedBy: 'WCU', decidedAt: '2026-12-14T10:00:00.000Z' }] }),
      ]),
      held('e4', '2026-12-21T10:00:00.000Z', 'h0'),
      held('e2', '2026-12-23T15:00:00.000Z', 'h1', 'conditional-bail'),
      courtNotice('e3', '2026-12-24T11:00:00.000Z', 'h1', 'bail-outcome'),
    ],
    asOf: '2026-12-28T12:00:00.000Z',
    rules: ['R8.bail-outcome'],
    // Thu 24 Dec; 25 (Fri) and 28 (substitute Boxing Day) are bank holidays. Enhanced: Tue 29.
    // Standard: Tue 29, Wed 30, Thu 31, (Fri 1 Jan holiday), Mon 4, Tue 5. As of Mon 28 the next working day is Tue 29.
    then: [
      { rule: 'R8.bail-outcome', trigger: 'e2', due: '2027-01-05T23:59:59.999Z', status: 'pending', handoff: 1 },
      { rule: 'R8.bail-outcome', victim: 'v2', trigger: 'e2', due: '2026-12-29T23:59:59.999Z', status: 'due-soon', rights: 'enhanced' },
    ],
  },
  {
    name: 'R8.bail-outcome: a hearing without a bail outcome owes nothing; a warrant does',
    given: [
      reported('e1', '2026-05-29T08:00:00.000Z', [victim('v1')]),
      held('e2', '2026-06-01T10:00:00.000Z', 'h1'),
      held('e3', '2026-06-02T10:00:00.000Z', 'h2', 'warrant-issued'),
      told('e4', '2026-06-05T10:00:00.000Z', 'bail-outcome', 'WCU', { hearingId: 'h2' }),
    ],
    asOf: '2026-06-10T12:00:00.000Z',
    rules: ['R8.bail-outcome'],
    // Tue 2 Jun + 5 = Tue 9.
    then: [{ rule: 'R8.bail-outcome', trigger: 'e3', due: '2026-06-09T22:59:59.999Z', status: 'met', by: 'e4', late: 0 }],
  },
  {
    name: 'Easter 2027: verdicts on two charges received on Maundy Thursday are one outcome to tell, due Tue 30 Mar in BST',
    given: [
      reported('e1', '2027-03-01T08:00:00.000Z', [victim('v1')]),
      verdict('e2', '2027-03-25T12:00:00.000Z', 'h1', 'c1'),
      verdict('e3', '2027-03-25T12:05:00.000Z', 'h1', 'c2'),
      courtNotice('e4', '2027-03-25T14:00:00.000Z', 'h1', 'outcome'),
      told('e5', '2027-03-30T23:30:00.000Z', 'outcome', 'WCU', { hearingId: 'h1' }),
    ],
    asOf: '2027-04-05T12:00:00.000Z',
    rules: ['R9.outcome'],
    // Thu 25 Mar (GMT); Good Friday 26, weekend (BST from Sun 28), Easter Monday 29; Tue 30 is day 1.
    // Told 23:30Z Tue 30 = 00:30 BST Wed 31: 1 late.
    then: [
      { rule: 'R9.outcome', trigger: 'e2', due: '2027-03-30T22:59:59.999Z', status: 'met-late', by: 'e5', late: 1, clock: 'court-notice', clockStartedAt: '2027-03-25T14:00:00.000Z' },
    ],
  },
];
