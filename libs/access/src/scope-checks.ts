import type { Agency, CaseEventType } from '@case-journey/domain';
import type { Grant } from './grant';
import { recordingAgencyRefusal } from './recording-authority';

/** Why a call is out of its grant's scope, and what to answer: 404 hides a case, 403 names the mismatch. */
export interface ScopeRefusal {
  status: 403 | 404;
  /** The field of the request that does not match, when one does not. */
  field?: string;
  reason: string;
}

const restricted = (grant: Grant, restriction: Grant['scope'][number]): boolean => grant.scope.includes(restriction);

/**
 * The areas a query under this grant may read: undefined for any area. An empty list reads nothing,
 * which is what a caller restricted to their areas but given none must get.
 */
export function areasInScope(grant: Grant): readonly string[] | undefined {
  return restricted(grant, 'own-areas') ? grant.principal.areas : undefined;
}

/** Whether the area is within the areas a query may read (undefined: any), whatever its case and blanks. A case with no area yet is seen only unrestricted. */
export function withinAreas(areas: readonly string[] | undefined, area: string | null | undefined): boolean {
  if (areas === undefined) return true;
  if (typeof area !== 'string') return false;
  const wanted = sameArea(area);
  return areas.some((own) => sameArea(own) === wanted);
}

/** Areas are matched case-insensitively, blanks trimmed: "Wessex", " wessex " and "WESSEX" are one area. */
export const sameArea = (area: string): string => area.trim().toLowerCase();

/** Whether the area is one the grant may see. */
export const coversArea = (grant: Grant, area: string | null | undefined): boolean => withinAreas(areasInScope(grant), area);

/**
 * The refusal for a query that names an area outside the grant's (403: area names are no secret,
 * and a silent empty answer would read as "nothing due").
 */
export function requestedAreaRefusal(grant: Grant, requested: string | undefined): ScopeRefusal | undefined {
  if (requested === undefined || coversArea(grant, requested)) return undefined;
  return { status: 403, field: 'area', reason: `area ${requested} is outside your areas (${grant.principal.areas.join(', ') || 'none'})` };
}

/** One case, read or written by id: out of scope it is not found. */
export function caseRefusal(grant: Grant, caseId: string, area: string | null | undefined): ScopeRefusal | undefined {
  return coversArea(grant, area) ? undefined : { status: 404, reason: `Case ${caseId} not found` };
}

/** What a new record claims about itself: the body's agency and source system, and its data. */
export interface RecordingClaim {
  type: CaseEventType;
  /** The agency the body names, if it names one. */
  agency?: Agency;
  recordedBy?: string;
  sourceSystem?: string;
  data: Record<string, unknown>;
  /** For a correction or retraction: the agency that recorded the event it amends. */
  amendedAgency?: Agency;
}

/**
 * Why the principal may not make this record under the grant: the body claims another agency or
 * recorder, the source system is not theirs, or their agency does not record this type.
 */
export function recordingRefusal(grant: Grant, claim: RecordingClaim): ScopeRefusal | undefined {
  const { principal } = grant;
  const agency = principal.agency;
  if (restricted(grant, 'own-agency') && !agency) return { status: 403, reason: 'your token names no agency, and a record must be made as one' };
  if (agency !== undefined && claim.agency !== undefined && claim.agency !== agency) {
    return { status: 403, field: 'agency', reason: `the body claims agency ${claim.agency}, but you sign in for ${agency}` };
  }
  // Unrestricted (an operator's backfill of every agency's records), the record names its agency,
  // and that agency must be one that makes such a record, as an agency's own system must.
  const recordingAgency = restricted(grant, 'own-agency') ? agency : (agency ?? claim.agency);
  if (!recordingAgency) return { status: 403, field: 'agency', reason: 'your token names no agency: the record must name the agency it is made as' };
  const refusal = recordingAgencyRefusal(recordingAgency, claim);
  if (refusal) return { status: 403, ...refusal };
  if (claim.recordedBy !== undefined && claim.recordedBy !== principal.subject) {
    return { status: 403, field: 'recordedBy', reason: `the body claims recordedBy ${claim.recordedBy}, but you sign in as ${principal.subject}` };
  }
  if (restricted(grant, 'own-source-systems')) {
    if (claim.sourceSystem === undefined) {
      return { status: 403, field: 'sourceSystem', reason: `an agency system records with its sourceSystem (${principal.sourceSystems.join(', ') || 'none granted'})` };
    }
    if (!principal.sourceSystems.includes(claim.sourceSystem)) {
      return { status: 403, field: 'sourceSystem', reason: `source system ${claim.sourceSystem} is not one of yours (${principal.sourceSystems.join(', ') || 'none'})` };
    }
  }
  return undefined;
}
