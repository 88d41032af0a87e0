import { grantFor, type Grant, type Permission } from '@case-journey/access';
import type { Recording, RecordingOptions } from '../cases/handoff-recorder';
import { handoffRecording } from '../cases/record-handoff/handoff-recording';
import { crimeReportRecording } from '../cases/report-crime/crime-report-recording';
import { validatedLine, type LineRules, type ValidatedLine } from './line-validation';

export { validatedLine, type ImportRecord, type LineRules, type ValidatedLine } from './line-validation';

export interface LineContext extends LineRules {
  /** The import's own grant (imports:run). */
  caller: Grant;
  now: () => Date;
}

export interface LineRecording {
  recording: Recording;
  options: RecordingOptions;
}

/**
 * The line validated as its single request would be, and made into the same recording, checked
 * under the caller's grant for that request (case:report, case:record-handoff), so an agency system
 * imports within its areas as it records within them; an operator without those (admin) records
 * under the import's own grant, each line naming its agency. Refusals throw the API's errors.
 */
export function recordingOfLine(line: unknown, context: LineContext): LineRecording {
  return recordingOfValidated(validatedLine(line, context), context);
}

/** A validated line made into the recording its single request would be, under the caller's grant for that request. */
export function recordingOfValidated(validated: ValidatedLine, context: LineContext): LineRecording {
  if (validated.kind === 'report') {
    return { recording: crimeReportRecording(validated.report, lineGrant(context.caller, 'case:report'), { now: context.now }), options: { caseMustExist: false } };
  }
  const recording = handoffRecording(validated.caseId, validated.handoff, lineGrant(context.caller, 'case:record-handoff'), { now: context.now, rules: context.rules });
  return { recording, options: { caseMustExist: true } };
}

/** Per import's grant, the grant each of its lines is checked under: the same for every line of the import, so worked out once. */
const LINE_GRANTS = new WeakMap<Grant, Map<Permission, Grant>>();

function lineGrant(importGrant: Grant, permission: Permission): Grant {
  const known = LINE_GRANTS.get(importGrant) ?? new Map<Permission, Grant>();
  LINE_GRANTS.set(importGrant, known);
  const remembered = known.get(permission);
  if (remembered) return remembered;
  const decision = grantFor(importGrant.principal, permission);
  const grant = decision.granted ? decision.grant : importGrant;
  known.set(permission, grant);
  return grant;
}
