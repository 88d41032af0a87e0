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

const isAbout = (data: Data, victimId: string): boolean => data.victimId === victimId;

/** A registration of the erased victim keeps their id only; other victims' registrations stay as they are. */
const forgottenIn = (victimId: string) => (victim: unknown): unknown =>
  typeof victim === 'object' && victim !== null && (victim as Data).victimId === victimId ? { victimId, erased: true } : victim;

/**
 * A case's records once a victim's personal data is erased: their registration keeps only their id,
 * and each record about them (what they were told and how, their needs, opt-outs, grounds…) keeps
 * only what happened when and by whom, as does any correction of such a record. The erasure's own
 * record stays whole: it holds no more than why the data was erased.
 */
export function forgetVictim(records: readonly CaseEvent[], victimId: string): CaseEvent[] {
  const aboutThem = new Set<string>();
  const forget = forgottenIn(victimId);
  const forgotten = records.map((record) => {
    const data = record.data as unknown as Data;
    if (record.type === 'VictimDataErased') return record;
    if (record.type === 'CrimeReported') return { ...record, data: { ...data, victims: (data.victims as unknown[]).map(forget) } };
    if (record.type === 'VictimRegistered') return { ...record, data: { ...data, victim: forget(data.victim) } };
    if (isAbout(data, victimId)) {
      aboutThem.add(record.metadata.eventId);
      return { ...record, data: { caseId: data.caseId, victimId } };
    }
    return record;
  }) as CaseEvent[];
  return forgotten.map((record) => {
    if (record.type !== 'EventCorrected' || !aboutThem.has(record.data.correctedEventId) || record.data.data === undefined) return record;
    const { data: _replaced, ...correction } = record.data;
    return { ...record, data: correction };
  });
}
