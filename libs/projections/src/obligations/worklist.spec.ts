import { WorkingDayCalendar } from '@case-journey/victims-code';
import { aCaseEvent, aCrimeReport, aVictim } from '../testing/case-events';
import { caseObligationsOf } from './case-obligations';
import { worklistOf } from './worklist';

const calendar = new WorkingDayCalendar();
const CASE = 'c-1';
const reported = aCrimeReport(CASE, '2025-03-03T10:00:00.000Z', [aVictim('v-1', { contactPreference: 'sms', enhancedGrounds: [{ ground: 'intimidated', decidedBy: 'Police', decidedAt: '2025-03-03T10:00:00.000Z' }] })]);
const listed = aCaseEvent(CASE, 'HearingListed', '2025-03-10T10:00:00.000Z', 'HMCTS', { hearingId: 'h', hearingType: 'trial', court: 'Court', courtTier: 'crown', scheduledFor: '2025-05-27T09:30:00.000Z' });
const told = aCaseEvent(CASE, 'VictimInformed', '2025-03-11T10:00:00.000Z', 'WCU', { victimId: 'v-1', topic: 'hearing-date', channel: 'sms' });

describe('worklistOf', () => {
  it('lists each open deadline obligation by agency, status and rights, nationally and in its area, scored by its due instant', () => {
    const placements = worklistOf(caseObligationsOf(CASE, [reported, listed], new Date('2025-03-11T08:00:00.000Z'), calendar));
    const hearingDate = [...placements.values()].find((placement) => placement.item.ruleId === 'R8.hearing-date')!;

    expect(hearingDate.indexes).toEqual(['worklist:WCU:due-soon:enhanced', 'worklist:WCU:due-soon:enhanced:Wessex']);
    expect(hearingDate.score).toBe(Date.parse('2025-03-11T23:59:59.999Z'));
    expect(hearingDate.item).toMatchObject({ caseId: CASE, area: 'Wessex', victimId: 'v-1', status: 'due-soon', rights: 'enhanced', victim: { enhanced: true, contactPreference: 'sms' } });
  });

  it('leaves out what is met and the touchpoints that have no deadline', () => {
    const placements = worklistOf(caseObligationsOf(CASE, [reported, listed, told], new Date('2025-03-11T12:00:00.000Z'), calendar));
    expect([...placements.values()].map((placement) => placement.item.ruleId)).toEqual(['R4.referral']);
  });

  it('keeps a breached obligation listed as overdue until it is met', () => {
    const placements = worklistOf(caseObligationsOf(CASE, [reported, listed], new Date('2025-03-20T12:00:00.000Z'), calendar));
    expect([...placements.values()].map((placement) => [placement.item.ruleId, placement.item.status])).toEqual([
      ['R4.referral', 'breached'],
      ['R8.hearing-date', 'breached'],
    ]);
  });
});
