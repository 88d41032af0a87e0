import type { Agency, CaseEventData, CaseEventType } from '@case-journey/domain';
import type { SealPersonalData } from '@case-journey/personal-data';
import { RequestValidationError } from '../../http/request-validation.error';
import type { LoadedCase } from '../case-stream.repository';
import type { BodyRules, VictimDto } from '../dto';
import { victimIdFor } from '../record-identity';
import { toVictimRegistration } from '../victim-registration.mapper';
import { correctionErrors } from './correction-check';

export interface PayloadContext {
  caseId: string;
  eventId: string;
  loaded: LoadedCase | undefined;
  occurredAt: string;
  agency: Agency;
  seal: SealPersonalData;
  rules: BodyRules;
}

type Shaper = (payload: Record<string, unknown>, context: PayloadContext) => Record<string, unknown>;

/**
 * The few payloads that are not the event's data as sent: a victim's details get sealed, grounds
 * default to the recording agency and time, and a correction is checked against what it corrects.
 */
const SHAPERS: Partial<Record<CaseEventType, Shaper>> = {
  VictimRegistered: (payload, context) => {
    const victim = payload.victim as VictimDto;
    const victimId = victimIdFor(context.caseId, context.eventId, victim.victimId);
    return {
      victim: toVictimRegistration(
        victim,
        { victimId, ageOn: context.loaded?.state.reportedAt ?? context.occurredAt, agency: context.agency, decidedAt: context.occurredAt },
        context.seal,
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
  EventCorrected: (payload, context) => {
    // An unknown target is the domain's to refuse (correction-target-must-exist).
    const target = context.loaded?.events.find((event) => event.metadata.eventId === payload.correctedEventId);
    const errors = target ? correctionErrors(target, (payload.data as Record<string, unknown> | undefined) ?? {}, context.rules) : [];
    if (errors.length > 0) throw new RequestValidationError(errors);
    return payload;
  },
};

export function handoffData<T extends CaseEventType>(type: T, payload: object, context: PayloadContext): CaseEventData<T> {
  const shape = SHAPERS[type];
  const data = shape ? shape(payload as Record<string, unknown>, context) : payload;
  return { ...data, caseId: context.caseId } as CaseEventData<T>;
}
