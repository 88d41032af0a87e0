import type { CaseEvent } from '@case-journey/domain';

/**
 * What the timeline keeps of an event: all of it but the victims' sealed personal details, which
 * a timeline never shows and which are most of a crime report's size.
 */
export function timelineRecordOf(event: CaseEvent): CaseEvent {
  switch (event.type) {
    case 'CrimeReported':
      return { ...event, data: { ...event.data, victims: event.data.victims.map(({ personal: _sealed, ...victim }) => victim) } } as CaseEvent;
    case 'VictimRegistered': {
      const { personal: _sealed, ...victim } = event.data.victim;
      return { ...event, data: { ...event.data, victim } } as CaseEvent;
    }
    default:
      return event;
  }
}
