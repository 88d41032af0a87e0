import { WorkingDayCalendar } from '@case-journey/victims-code';
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
});
