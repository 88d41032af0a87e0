import fc from 'fast-check';
import { WorkingDayCalendar } from '../calendar/working-day-calendar';
import { goldenScenarios } from '../testing/golden';
import { obligationId, obligations } from './obligations';

const calendar = new WorkingDayCalendar();
const DAY = 86_400_000;
const ms = (iso: string) => Date.parse(iso);

const scenario = fc.constantFrom(...goldenScenarios.filter((s) => s.options === undefined));

describe('obligations', () => {
  it('gives statuses consistent with the due instant, the touchpoint and asOf, whatever asOf is', () => {
    const viewing = scenario.chain((s) => {
      const times = s.given.map((e) => ms(e.metadata.recordedAt));
      return fc.tuple(fc.constant(s), fc.integer({ min: Math.min(...times) - DAY, max: Math.max(...times) + 60 * DAY }));
    });
    fc.assert(
      fc.property(viewing, ([s, asOfMs]) => {
        const asOf = new Date(asOfMs);
        const recorded = new Map(s.given.map((e) => [e.metadata.eventId, ms(e.metadata.recordedAt)]));
        for (const o of obligations(s.given, asOf)) {
          const due = o.dueAt === null ? null : ms(o.dueAt);
          const satisfied = o.satisfiedAt === null ? null : ms(o.satisfiedAt);
          expect(recorded.get(o.triggerEventId)).toBeLessThanOrEqual(asOfMs);
          if (o.satisfiedByEventId !== null) expect(recorded.get(o.satisfiedByEventId)).toBeLessThanOrEqual(asOfMs);
          expect(o.notApplicable === null).toBe(o.status !== 'not-applicable');
          if (o.status === 'met') expect(due === null || (satisfied !== null && satisfied <= due)).toBe(true);
          if (o.status === 'met-late') {
            expect(satisfied! > due!).toBe(true);
            expect(o.lateWorkingDays).toBe(calendar.workingDaysBetween(o.dueAt!, o.satisfiedAt!));
          }
          if (o.status === 'breached') {
            expect(o.satisfiedByEventId).toBeNull();
            expect(due! < asOfMs).toBe(true);
            expect(o.lateWorkingDays).toBe(calendar.workingDaysBetween(o.dueAt!, asOf));
          }
          if (o.status === 'pending' || o.status === 'due-soon') {
            expect(o.satisfiedByEventId).toBeNull();
            expect(due === null || due >= asOfMs).toBe(true);
          }
          if (o.status === 'due-soon') expect(due! <= calendar.addWorkingDays(asOf, 1).getTime()).toBe(true);
          if (o.status === 'pending' && due !== null) expect(due > calendar.addWorkingDays(asOf, 1).getTime()).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('does not depend on the order events arrive in, when none corrects another', () => {
    const plain = goldenScenarios.filter((s) => s.given.every((e) => e.type !== 'EventCorrected' && e.type !== 'EventRetracted'));
    fc.assert(
      fc.property(fc.constantFrom(...plain), fc.integer(), (s, seed) => {
        const shuffled = [...s.given].sort((a, b) => hash(a.metadata.eventId, seed) - hash(b.metadata.eventId, seed));
        const sortById = (list: ReturnType<typeof obligations>) => [...list].sort((a, b) => a.id.localeCompare(b.id));
        expect(sortById(obligations(shuffled, s.asOf, s.options))).toEqual(sortById(obligations(s.given, s.asOf, s.options)));
      }),
      { numRuns: 200 },
    );
  });

  it('rejects an asOf that is not an instant', () => {
    expect(() => obligations([], 'tomorrow')).toThrow(RangeError);
  });
});

function hash(text: string, seed: number): number {
  let h = seed | 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 2654435761);
  return h;
}

describe('obligationId', () => {
  it('joins the parts with slashes and encodes any that could break a BullMQ job id', () => {
    expect(obligationId('case-1', 'v1', 'R8.hearing-date', 'e2')).toBe('case-1/v1/R8.hearing-date/e2');
    expect(obligationId('urn:01AB2345624', 'v/1', 'R8.hearing-date', 'e2')).toBe('urn%3A01AB2345624/v%2F1/R8.hearing-date/e2');
  });
});
