import { obligationId, WorkingDayCalendar } from '@case-journey/victims-code';
import { aCaseEvent, aCrimeReport, aVictim } from '../testing/case-events';
import { caseObligationsOf } from './case-obligations';
import { parseReading, serializeReading } from './stored-reading';

describe('the stored reading', () => {
  const caseId = 'case/with:odd id';
  const reading = caseObligationsOf(
    caseId,
    [
      aCrimeReport(caseId, '2025-03-03T10:00:00.000Z', [aVictim('v 1'), aVictim('v-2', { optOuts: ['all'] })]),
      aCaseEvent(caseId, 'VictimReferredToSupport', '2025-03-06T10:00:00.000Z', 'Police', { victimId: 'v 1', service: 'Care' }),
    ],
    new Date('2025-04-01T00:00:00.000Z'),
    new WorkingDayCalendar(),
  );

  it('gives back exactly the reading it was given, obligation ids included', () => {
    expect(reading.obligations.map((obligation) => obligation.status)).toEqual(expect.arrayContaining(['met-late', 'not-applicable', 'pending']));
    const { finder, ...withoutFinder } = reading;
    expect(parseReading(serializeReading(reading))).toEqual(withoutFinder);
    expect(parseReading(serializeReading(reading), JSON.stringify(finder))).toEqual(reading);
  });

  it('is less than half the size of the plain JSON', () => {
    expect(serializeReading(reading).length).toBeLessThan(JSON.stringify(reading).length / 2);
  });

  it('names each victim in a row by their place among the victims, and a clock the trigger started as such; other ids and instants as they are', () => {
    const [first, second, third] = reading.obligations;
    const unusual = {
      ...reading,
      finder: undefined,
      // A victim erased since (listed after the others), a clock started by another event, a victim the reading does not list.
      victims: reading.victims.filter((victim) => victim.victimId !== 'v-2'),
      erasedVictims: [{ victimId: 'v-2', erasedAt: '2025-03-20T10:00:00.000Z', kind: 'person' as const, ageBand: '18-24' as const, sex: null, ethnicity: null }],
      obligations: [first, { ...second, clockEventId: 'another-event', clockStartedAt: '2025-03-07T09:00:00.000Z' }, { ...third, victimId: 'v-unknown', id: obligationId(caseId, 'v-unknown', third.ruleId, third.triggerEventId) }],
    };
    const { finder: _none, ...expected } = unusual;
    const rows = (JSON.parse(serializeReading(unusual)) as { obligations: unknown[][] }).obligations;
    expect(first.clockEventId).toBe(first.triggerEventId);
    // Worked by hand: v 1 is the first victim (0), v-2 the first erased one after it (1); fields 10 and 12 are the clock's instant and event.
    expect(rows.map((row) => [row[0], row[10], row[12]])).toEqual([
      [reading.victims.findIndex((victim) => victim.victimId === first.victimId) === 0 ? 0 : 1, 0, 0],
      [second.victimId === 'v 1' ? 0 : 1, '2025-03-07T09:00:00.000Z', 'another-event'],
      ['v-unknown', third.clockStartedAt === third.triggeredAt ? 0 : third.clockStartedAt, third.clockEventId === third.triggerEventId ? 0 : third.clockEventId],
    ]);
    expect(parseReading(serializeReading(unusual))).toEqual(expected);
  });

  it("keeps a victim's touchpoints as rows of values, in the order they were", () => {
    const [touchpoint] = reading.victims.flatMap((victim) => victim.touchpoints);
    expect(touchpoint).toMatchObject({ type: 'VictimReferredToSupport', agency: 'Police', occurredAt: '2025-03-06T10:00:00.000Z' });
    const stored = JSON.parse(serializeReading(reading)) as { victims: Array<{ touchpoints: unknown[] }> };
    expect(stored.victims.flatMap((victim) => victim.touchpoints)).toEqual([[touchpoint.eventId, 'VictimReferredToSupport', 'Police', '2025-03-06T10:00:00.000Z', null, null]]);
  });

  it('names a victim listed twice by their first place, so that the victims after them keep theirs', () => {
    const [first] = reading.victims;
    const other = reading.victims.find((victim) => victim.victimId !== first.victimId)!;
    const twice = { ...reading, finder: undefined, victims: [first, first, other], obligations: reading.obligations.filter((obligation) => obligation.victimId === other.victimId) };
    const { finder: _none, ...expected } = twice;
    expect((JSON.parse(serializeReading(twice)) as { obligations: unknown[][] }).obligations.map((row) => row[0])).toEqual(twice.obligations.map(() => 2));
    expect(parseReading(serializeReading(twice))).toEqual(expected);
  });

  it('reads a reading stored before rows named victims and clocks by reference, each id in full, and touchpoints as objects', () => {
    const { finder: _kept, ...withoutFinder } = reading;
    const fields = ['victimId', 'ruleId', 'right', 'rulebookId', 'confidence', 'kind', 'responsible', 'triggerEventId', 'triggerType', 'triggeredAt', 'clockStartedAt', 'clockSource', 'clockEventId', 'handoffWorkingDays', 'rights', 'workingDays', 'dueAt', 'status', 'satisfiedByEventId', 'satisfiedAt', 'lateWorkingDays', 'notApplicable'] as const;
    const storedBefore = JSON.stringify({ ...withoutFinder, obligations: reading.obligations.map((obligation) => fields.map((field) => obligation[field])) });
    expect(JSON.parse(storedBefore).victims[0].touchpoints[0]).toHaveProperty('eventId');
    expect(parseReading(storedBefore)).toEqual(withoutFinder);
    expect(serializeReading(reading).length).toBeLessThan(storedBefore.length * 0.9);
  });
});
