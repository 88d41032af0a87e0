import type { CaseEventType, CaseEventData, CaseEvent } from '@case-journey/domain';
import type { PersonalDataVault } from '@case-journey/personal-data';
import type { VictimDto } from '../dto';
import { victimIdFor } from '../record-identity';
import { toVictimRegistration } from '../victim-registration.mapper';

export interface PayloadContext {
  caseId: string;
  eventId: string;
  events: readonly CaseEvent[];
  occurredAt: string;
  agency: CaseEvent['metadata']['agency'];
  vault: PersonalDataVault;
}

type Shaper = (payload: Record<string, unknown>, context: PayloadContext) => Record<string, unknown>;

/** When the crime was reported: a victim registered later is aged on that day. */
const reportedAt = (events: readonly CaseEvent[]): string =>
  events.find((event) => event.type === 'CrimeReported')?.metadata.occurredAt ?? '';

/**
 * The few payloads that are not the event's data as sent: a victim's details get sealed, and
 * enhanced-rights grounds default to the recording agency and the event's time.
 */
const SHAPERS: Partial<Record<CaseEventType, Shaper>> = {
  VictimRegistered: (payload, context) => {
    const victim = payload.victim as VictimDto;
    const victimId = victimIdFor(context.caseId, context.eventId, victim.victimId);
    return {
      victim: toVictimRegistration(
        victim,
        { victimId, offenceOccurredAt: reportedAt(context.events) || context.occurredAt, agency: context.agency, decidedAt: context.occurredAt },
        context.vault,
      ),
    };
  },
  EnhancedRightsRecognised: (payload, context) => ({
    ...payload,
    grounds: (payload.grounds as Array<Record<string, unknown>>).map((ground) => ({
      decidedBy: context.agency,
      decidedAt: context.occurredAt,
      ...ground,
    })),
  }),
};

export function handoffData<T extends CaseEventType>(type: T, payload: object, context: PayloadContext): CaseEventData<T> {
  const shape = SHAPERS[type];
  const data = shape ? shape(payload as Record<string, unknown>, context) : payload;
  return { ...data, caseId: context.caseId } as CaseEventData<T>;
}
