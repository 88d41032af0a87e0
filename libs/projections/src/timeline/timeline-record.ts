import type { CaseEvent } from '@case-journey/domain';

type Data = Record<string, unknown>;

/** A victim registration without its sealed personal details. */
const unsealed = (victim: unknown): unknown => {
  if (typeof victim !== 'object' || victim === null) return victim;
  const { personal: _sealed, ...rest } = victim as Data;
  return rest;
};

/** Data with every victim registration it holds (`victims[]`, `victim`) stripped of its sealed details. */
function withoutSealedDetails(data: Data): Data {
  return {
    ...data,
    ...(Array.isArray(data.victims) && { victims: data.victims.map(unsealed) }),
    ...(data.victim !== undefined && { victim: unsealed(data.victim) }),
  };
}

/**
 * What the timeline keeps of an event: all of it but the victims' sealed personal details, which a
 * timeline never shows and which are most of a crime report's size. A correction's replacement data
 * is stripped the same way, whatever path it came by.
 */
export function timelineRecordOf(event: CaseEvent): CaseEvent {
  switch (event.type) {
    case 'CrimeReported':
    case 'VictimRegistered':
      return { ...event, data: withoutSealedDetails(event.data as unknown as Data) } as CaseEvent;
    case 'EventCorrected':
      return event.data.data ? ({ ...event, data: { ...event.data, data: withoutSealedDetails(event.data.data) } } as CaseEvent) : event;
    default:
      return event;
  }
}
