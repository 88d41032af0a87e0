import type { Agency } from '@case-journey/domain';
import { caseRefusal, recordingRefusal, requestedAreaRefusal, type Grant, type RecordingClaim } from '@case-journey/access';
import { AccessRefusedError } from '../access/access-refused.error';
import { CaseNotFoundError } from './case-errors';
import type { LoadedCase } from './case-stream.repository';

/** Who a record is attributed to: always the signed-in caller, never what the body says. */
export interface RecordingActor {
  agency: Agency;
  recordedBy: string;
}

export function actorOf(caller: Grant, claimed?: Agency): RecordingActor {
  // The grant's recording check has made sure the caller has an agency wherever it is restricted to one.
  return { agency: caller.principal.agency ?? (claimed as Agency), recordedBy: caller.principal.subject };
}

/**
 * Refuses a record the caller's grant does not cover: a case outside their areas is not found
 * (404); a body that claims another agency, recorder or source system, or a type their agency does
 * not record, is forbidden (403, naming the field).
 */
export function authorizeRecording(caller: Grant, claim: Omit<RecordingClaim, 'amendedAgency'>, loaded: LoadedCase | undefined, reportedArea?: string): void {
  if (reportedArea !== undefined) {
    const outside = requestedAreaRefusal(caller, reportedArea);
    if (outside) throw AccessRefusedError.from(outside);
  }
  if (loaded && caseRefusal(caller, loaded.caseId, loaded.state.area)) {
    // A re-sent crime report whose case (by its source reference) lies outside the caller's areas.
    throw reportedArea === undefined ? new CaseNotFoundError(loaded.caseId) : new AccessRefusedError('this source reference already opened a case outside your areas', 'sourceReference');
  }
  const refusal = recordingRefusal(caller, { ...claim, amendedAgency: amendedAgencyOf(claim, loaded) });
  if (refusal) throw AccessRefusedError.from(refusal);
}

/** For a correction or retraction: the agency that recorded the event it amends. */
function amendedAgencyOf(claim: Pick<RecordingClaim, 'data'>, loaded: LoadedCase | undefined): Agency | undefined {
  const target = claim.data.correctedEventId ?? claim.data.retractedEventId;
  if (target === undefined) return undefined;
  return loaded?.events.find((event) => event.metadata.eventId === target)?.metadata.agency as Agency | undefined;
}
