import type { Agency, CaseEvent } from '@case-journey/domain';
import { DEMO_PROFILE, generateCases } from '@case-journey/synthetic';
import { VICTIMS_CODE_2020, WorkingDayCalendar } from '@case-journey/victims-code';
import { recordingAgencyRefusal } from './recording-authority';

describe('the recording authority', () => {
  it("given the demo area's synthetic journeys, finds every event recorded by an agency that records it", () => {
    const cases = generateCases(DEMO_PROFILE, { seed: 7, cases: 150, calendar: new WorkingDayCalendar(), rulebook: VICTIMS_CODE_2020, seal: () => ({ keyId: 'k', ciphertext: '' }) as never });
    const refusals: string[] = [];
    for (const generated of cases) {
      const byId = new Map<string, CaseEvent>(generated.events.map((event) => [event.metadata.eventId, event]));
      for (const event of generated.events) {
        const data = event.data as unknown as Record<string, unknown>;
        const amended = byId.get(String(data.correctedEventId ?? data.retractedEventId));
        const refusal = recordingAgencyRefusal(event.metadata.agency as Agency, { type: event.type, data, amendedAgency: amended?.metadata.agency as Agency | undefined });
        if (refusal) refusals.push(`${event.type} by ${event.metadata.agency}: ${refusal.reason}`);
      }
    }
    expect(refusals).toEqual([]);
  });
});
