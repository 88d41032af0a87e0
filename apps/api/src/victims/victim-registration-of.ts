import { effectiveEvents, type Agency, type CaseEvent, type VictimRegistration } from '@case-journey/domain';

/** How a victim came into the case: their registration (with the sealed envelope) and the agency that recorded it. */
export interface RegistrationRecord {
  registration: VictimRegistration;
  agency: Agency;
}

/** The victim's registration as the case has it now: in the crime report, or in a registration of their own. */
export function victimRegistrationOf(events: readonly CaseEvent[], victimId: string): RegistrationRecord | undefined {
  for (const event of effectiveEvents(events)) {
    const registrations = event.type === 'CrimeReported' ? event.data.victims : event.type === 'VictimRegistered' ? [event.data.victim] : [];
    const registration = registrations.find((candidate) => candidate.victimId === victimId);
    if (registration) return { registration, agency: event.metadata.agency };
  }
  return undefined;
}
