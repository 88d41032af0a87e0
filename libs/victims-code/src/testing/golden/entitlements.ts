import { WorkingDayCalendar } from '../../calendar/working-day-calendar';
import { configureRulebook } from '../../rulebook/configure-rulebook';
import type { Rulebook } from '../../rulebook/rulebook';
import { VICTIMS_CODE_2020 } from '../../rulebook/victims-code-2020';
import { victim } from '../case-events';
import {
  appealLodged,
  charged,
  courtNotice,
  ended,
  listed,
  needsAssessed,
  optedBackIn,
  optedOut,
  recognised,
  registered,
  reported,
  suspect,
  told,
  withdrewSupport,
} from '../journey';
import type { GoldenScenario } from './golden-scenario';

/** A hypothetical replacement Code from 1 June 2026 giving the WCU 2 working days to tell a hearing date. */
const replacementCode: Rulebook = {
  ...VICTIMS_CODE_2020,
  id: 'victims-code-replacement',
  effectiveFrom: '2026-06-01',
  rules: VICTIMS_CODE_2020.rules.map((rule) => (rule.id === 'R8.hearing-date' ? { ...rule, standardWorkingDays: 2, enhancedWorkingDays: 2 } : rule)),
};

/** Who is owed what: enhanced rights over time, opt-outs, withdrawn support, rule versions and switches. */
export const entitlementScenarios: GoldenScenario[] = [
  {
    name: 'A victim found enhanced mid-case (by the WCU) gets the enhanced deadline from the Police only for triggers after the finding',
    given: [
      reported('e1', '2026-06-01T08:00:00.000Z', [victim('v1')]),
      suspect('e2', '2026-06-01T10:00:00.000Z', 'arrested'),
      recognised('e3', '2026-06-03T12:00:00.000Z', 'v1', 'persistently-targeted', 'WCU'),
      suspect('e4', '2026-06-04T10:00:00.000Z', 'bailed'),
      told('e5', '2026-06-05T09:00:00.000Z', 'suspect-update', 'Police'),
      told('e6', '2026-06-08T09:00:00.000Z', 'suspect-update', 'Police'),
    ],
    asOf: '2026-06-20T12:00:00.000Z',
    rules: ['R6.suspect-event'],
    // Arrest Mon 1 Jun, standard: + 5 = Mon 8. Bail Thu 4 Jun, enhanced: + 1 = Fri 5; told Mon 8: 1 late.
    then: [
      { rule: 'R6.suspect-event', trigger: 'e2', due: '2026-06-08T22:59:59.999Z', status: 'met', by: 'e5', late: 0 },
      { rule: 'R6.suspect-event', trigger: 'e4', due: '2026-06-05T22:59:59.999Z', status: 'met-late', by: 'e6', late: 1, rights: 'enhanced' },
    ],
  },
  {
    name: 'A victim who withdrew support for the prosecution is still owed the CPS letter when it ends',
    given: [
      reported('e1', '2026-06-01T08:00:00.000Z', [victim('v1')]),
      withdrewSupport('e2', '2026-06-02T10:00:00.000Z'),
      ended('e3', '2026-06-03T10:00:00.000Z', 'no-evidence-offered'),
    ],
    asOf: '2026-06-03T12:00:00.000Z',
    rules: ['R6.cps-decision-letter'],
    // Wed 3 Jun + 5 = Wed 10.
    then: [{ rule: 'R6.cps-decision-letter', trigger: 'e3', due: '2026-06-10T22:59:59.999Z', status: 'pending' }],
  },
  {
    name: "Opted out of court updates: not applicable while opted out, owed again after opting back in, excused if opted out before it was met; 'all' covers every listing",
    given: [
      reported('e1', '2026-06-01T08:00:00.000Z', [victim('v1'), victim('v2', { optOuts: ['all'] })]),
      optedOut('e2', '2026-06-01T12:00:00.000Z', 'court-updates'),
      listed('e3', '2026-06-02T10:00:00.000Z', 'h1'),
      optedBackIn('e4', '2026-06-03T10:00:00.000Z', 'court-updates'),
      listed('e5', '2026-06-04T10:00:00.000Z', 'h2'),
      told('e6', '2026-06-05T10:00:00.000Z', 'hearing-date', 'WCU', { hearingId: 'h2' }),
      listed('e7', '2026-06-08T10:00:00.000Z', 'h3'),
      optedOut('e8', '2026-06-08T15:00:00.000Z', 'court-updates'),
    ],
    asOf: '2026-06-20T12:00:00.000Z',
    rules: ['R8.hearing-date'],
    then: [
      { rule: 'R8.hearing-date', trigger: 'e3', due: '2026-06-03T22:59:59.999Z', status: 'not-applicable', reason: 'opted-out' },
      { rule: 'R8.hearing-date', trigger: 'e5', due: '2026-06-05T22:59:59.999Z', status: 'met', by: 'e6', late: 0 },
      { rule: 'R8.hearing-date', trigger: 'e7', due: '2026-06-09T22:59:59.999Z', status: 'not-applicable', reason: 'opted-out' },
      { rule: 'R8.hearing-date', victim: 'v2', trigger: 'e3', due: '2026-06-03T22:59:59.999Z', status: 'not-applicable', reason: 'opted-out' },
      { rule: 'R8.hearing-date', victim: 'v2', trigger: 'e5', due: '2026-06-05T22:59:59.999Z', status: 'not-applicable', reason: 'opted-out' },
      { rule: 'R8.hearing-date', victim: 'v2', trigger: 'e7', due: '2026-06-09T22:59:59.999Z', status: 'not-applicable', reason: 'opted-out' },
    ],
  },
  {
    name: 'Case-level triggers are owed to the victims registered by then: a victim registered after the charge is owed the later listing only',
    given: [
      reported('e1', '2026-06-01T08:00:00.000Z', [victim('v1')]),
      charged('e2', '2026-06-03T10:00:00.000Z', 'charge', 'Police'),
      registered('e3', '2026-06-04T10:00:00.000Z', victim('v2')),
      listed('e4', '2026-06-05T10:00:00.000Z', 'h1'),
    ],
    asOf: '2026-06-05T12:00:00.000Z',
    rules: ['R6.charge-decision', 'R8.hearing-date'],
    // Wed 3 + 5 = Wed 10. Listing Fri 5 + 1 = Mon 8, the next working day: due soon.
    then: [
      { rule: 'R6.charge-decision', trigger: 'e2', due: '2026-06-10T22:59:59.999Z', status: 'pending' },
      { rule: 'R8.hearing-date', trigger: 'e4', due: '2026-06-08T22:59:59.999Z', status: 'due-soon' },
      { rule: 'R8.hearing-date', victim: 'v2', trigger: 'e4', due: '2026-06-08T22:59:59.999Z', status: 'due-soon' },
    ],
  },
  {
    name: "A deployment's closure day is not a working day",
    given: [
      reported('e1', '2026-03-02T08:00:00.000Z', [victim('v1')]),
      listed('e2', '2026-03-06T09:00:00.000Z', 'h1'),
      courtNotice('e3', '2026-03-06T10:00:00.000Z', 'h1', 'hearing-listing'),
    ],
    asOf: '2026-03-09T12:00:00.000Z',
    rules: ['R8.hearing-date'],
    options: { calendar: new WorkingDayCalendar({ closureDays: ['2026-03-09'] }) },
    // Fri 6 Mar; Mon 9 closed; Tue 10. As of Mon 9 the next working day is Tue 10: due soon.
    then: [{ rule: 'R8.hearing-date', trigger: 'e2', due: '2026-03-10T23:59:59.999Z', status: 'due-soon' }],
  },
  {
    name: 'A new version of the Code applies to clocks that start on or after its effective date',
    given: [
      reported('e1', '2026-05-25T08:00:00.000Z', [victim('v1')]),
      listed('e2', '2026-05-29T10:00:00.000Z', 'h1'),
      listed('e3', '2026-06-01T10:00:00.000Z', 'h2'),
    ],
    asOf: '2026-06-10T12:00:00.000Z',
    rules: ['R8.hearing-date'],
    options: { rulebooks: [VICTIMS_CODE_2020, replacementCode] },
    // Fri 29 May under 2020: + 1 = Mon 1 Jun; 7 late on Wed 10. Mon 1 Jun under the replacement: + 2 = Wed 3; 5 late.
    then: [
      { rule: 'R8.hearing-date', trigger: 'e2', due: '2026-06-01T22:59:59.999Z', status: 'breached', late: 7, rulebook: 'victims-code-2020' },
      { rule: 'R8.hearing-date', trigger: 'e3', due: '2026-06-03T22:59:59.999Z', status: 'breached', late: 5, rulebook: 'victims-code-replacement' },
    ],
  },
  {
    name: 'R9.appeal is tagged U and ships disabled: an appeal owes nothing by default',
    given: [reported('e1', '2026-06-01T08:00:00.000Z', [victim('v1')]), appealLodged('e2', '2026-10-12T10:00:00.000Z')],
    asOf: '2026-10-20T12:00:00.000Z',
    rules: ['R9.appeal'],
    then: [],
  },
  {
    name: 'R9.appeal switched on by configuration is tracked as a touchpoint without a deadline',
    given: [
      reported('e1', '2026-06-01T08:00:00.000Z', [victim('v1')]),
      appealLodged('e2', '2026-10-12T10:00:00.000Z'),
      told('e3', '2026-10-13T10:00:00.000Z', 'appeal', 'WCU'),
    ],
    asOf: '2026-10-20T12:00:00.000Z',
    rules: ['R9.appeal'],
    options: { rulebooks: [configureRulebook(VICTIMS_CODE_2020, { enable: ['R9.appeal'] })] },
    then: [{ rule: 'R9.appeal', trigger: 'e2', due: null, status: 'met', by: 'e3' }],
  },
  {
    name: 'Touchpoints without deadlines (Rights 3, 4, 5 and 7) are met or pending, never breached, however long ago',
    given: [
      reported('e1', '2026-06-01T10:00:00.000Z', [victim('v1')]),
      told('e2', '2026-06-01T12:00:00.000Z', 'crime-report-confirmation', 'Police'),
      needsAssessed('e3', '2026-06-02T10:00:00.000Z', 'v1', 'VictimSupport'),
    ],
    asOf: '2027-06-01T12:00:00.000Z',
    rules: ['R3.written-confirmation', 'R4.needs-assessment', 'R5.compensation', 'R7.vps-offered'],
    then: [
      { rule: 'R3.written-confirmation', trigger: 'e1', due: null, status: 'met', by: 'e2' },
      { rule: 'R4.needs-assessment', trigger: 'e1', due: null, status: 'met', by: 'e3' },
      { rule: 'R5.compensation', trigger: 'e1', due: null, status: 'pending' },
      { rule: 'R7.vps-offered', trigger: 'e1', due: null, status: 'pending' },
    ],
  },
];
