import { caseStreamId, type CaseEvent } from '@case-journey/domain';
import type { EventStore, EventToAppend } from '@case-journey/event-store';
import { generateCases, profileNamed } from '@case-journey/synthetic';
import { VICTIMS_CODE_2020, WorkingDayCalendar } from '@case-journey/victims-code';

const toAppend = (event: CaseEvent): EventToAppend => ({ id: event.metadata.eventId, type: event.type, data: event.data, metadata: { ...event.metadata } });

/** Stores `count` synthetic cases of a profile (bench by default), each case's events as one append (re-deliveries dropped). */
export async function storeSyntheticCases(store: EventStore, count: number, seed = 7, profile = 'bench'): Promise<number> {
  let events = 0;
  const seal = (victimId: string) => ({ keyId: `victim-${victimId}`, algorithm: 'aes-256-gcm' as const, iv: 'aXY=', ciphertext: 'c2VhbGVk', authTag: 'dGFn' });
  for (const generated of generateCases(profileNamed(profile), { seed, cases: count, calendar: new WorkingDayCalendar(), rulebook: VICTIMS_CODE_2020, seal })) {
    const seen = new Set<string>();
    const first = generated.events.filter((event) => !seen.has(event.metadata.eventId) && seen.add(event.metadata.eventId));
    if (first.length === 0) continue;
    await store.append(caseStreamId(generated.caseId), first.map(toAppend), { expectedRevision: 'no-stream' });
    events += first.length;
  }
  return events;
}
