import type { CaseEvent } from '@case-journey/domain';
import { VICTIMS_CODE_2020, WorkingDayCalendar } from '@case-journey/victims-code';
import { generateCases, type GeneratorOptions } from '../generate-cases';
import type { GeneratedCase } from '../journey/case-journey';
import type { GeneratorProfile } from '../profile';
import { RecordingSealer } from './recording-sealer';

export const calendar = new WorkingDayCalendar();

/** Generates with the real Victims' Code calendar and rulebook and a recording sealer. */
export function generate(profile: GeneratorProfile, options: Partial<Omit<GeneratorOptions, 'calendar' | 'rulebook'>> = {}) {
  const sealer = new RecordingSealer();
  const cases: GeneratedCase[] = [
    ...generateCases(profile, { seed: 42, calendar, rulebook: VICTIMS_CODE_2020, seal: sealer.seal, ...options }),
  ];
  return { cases, sealer };
}

/** Each event once, as the store keeps it (a re-delivery shares its event id). */
export function storedEvents(generated: GeneratedCase): CaseEvent[] {
  const seen = new Set<string>();
  return generated.events.filter((event) => !seen.has(event.metadata.eventId) && seen.add(event.metadata.eventId));
}
