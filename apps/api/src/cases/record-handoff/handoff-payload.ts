import type { CaseEvent, CaseEventData, CaseEventType } from '@case-journey/domain';
import type { PersonalDataVault } from '@case-journey/personal-data';
import { RequestValidationError } from '../../http/request-validation.error';
import type { VictimDto } from '../dto';
import { victimIdFor } from '../record-identity';
import { toVictimRegistration } from '../victim-registration.mapper';

export interface PayloadContext {
  caseId: string;
  eventId: string;
  /** When the case's crime was reported, if the case exists. */
  reportedAt: string | null;
  occurredAt: string;
  agency: CaseEvent['metadata']['agency'];
  vault: PersonalDataVault;
}

/** Fields whose content is sealed; a correction's free-form data must not carry them in plain text. */
const SEALED_FIELDS = new Set(['victim', 'victims', 'personal']);

type Shaper = (payload: Record<string, unknown>, context: PayloadContext) => Record<string, unknown>;

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
        { victimId, offenceOccurredAt: context.reportedAt ?? context.occurredAt, agency: context.agency, decidedAt: context.occurredAt },
        context.vault,
      ),
    };
  },
  EventCorrected: (payload) => {
    const replaced = Object.keys((payload.data as Record<string, unknown> | undefined) ?? {});
    const personal = replaced.filter((field) => SEALED_FIELDS.has(field));
    if (personal.length > 0) {
      throw new RequestValidationError(
        personal.map((field) => ({ field: `data.data.${field}`, messages: [`${field} holds personal data, which a correction would store in plain text: register the victim's details again instead`] })),
      );
    }
    return payload;
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
