import { isUUID } from 'class-validator';
import { grantFor, type Grant, type Permission } from '@case-journey/access';
import { RequestValidationError } from '../http/request-validation.error';
import { validateCrimeReport, validateHandoff, type BodyRules, type FieldError, type ReportCrimeDto, type ValidatedHandoff } from '../cases/dto';
import type { Recording, RecordingOptions } from '../cases/handoff-recorder';
import { handoffRecording } from '../cases/record-handoff/handoff-recording';
import { crimeReportRecording } from '../cases/report-crime/crime-report-recording';

/**
 * One line of an import: the body of the single request it stands for, with what the request's URL
 * would have said. A crime report is `POST /cases`'s body with `"type": "CrimeReported"`; any other
 * record is `POST /cases/:id/events`'s body with the case's id as `caseId`.
 */
export type ImportRecord = Record<string, unknown>;

/** What a line is validated by: the same for every line of an import, and plain data (a validation thread is given it). */
export interface LineRules {
  rules: BodyRules;
  /** The source system the whole file comes from: given to lines that name none; a line naming another is refused. */
  sourceSystem?: string;
}

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
 * A line as its single request's validation leaves it: the crime report, or the handoff and its
 * case's id. Plain data, so that a validation thread can hand it over as it is.
 */
export type ValidatedLine = { kind: 'report'; report: ReportCrimeDto } | { kind: 'handoff'; caseId: string; handoff: ValidatedHandoff };

const isObject = (value: unknown): value is ImportRecord => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The line validated as its single request would be, and made into the same recording, checked
 * under the caller's grant for that request (case:report, case:record-handoff), so an agency system
 * imports within its areas as it records within them; an operator without those (admin) records
 * under the import's own grant, each line naming its agency. Refusals throw the API's errors.
 */
export function recordingOfLine(line: unknown, context: LineContext): LineRecording {
  return recordingOfValidated(validatedLine(line, context), context);
}

/** The line validated as its single request's body is (the shape checks, class-validator, the earliest instant), with its source's key required. Refusals throw. */
export function validatedLine(line: unknown, { rules, sourceSystem }: LineRules): ValidatedLine {
  if (!isObject(line)) throw new RequestValidationError([{ field: 'line', messages: ['a line must be one JSON object: a request body of POST /cases or POST /cases/:id/events'] }]);
  const body = withSourceSystem(line, sourceSystem);
  if (body.type === 'CrimeReported') {
    const { type: _type, ...report } = body;
    const validation = validateCrimeReport(report, rules);
    if (!validation.ok) throw new RequestValidationError(validation.errors, validation.total);
    requireSource(validation.value);
    return { kind: 'report', report: validation.value };
  }
  const { caseId, ...handoff } = body;
  const caseIdErrors: FieldError[] = typeof caseId === 'string' && isUUID(caseId) ? [] : [{ field: 'caseId', messages: ['caseId must be the id (a UUID) of the case the record belongs to'] }];
  const validation = validateHandoff(handoff, rules);
  if (!validation.ok || caseIdErrors.length > 0) {
    const errors = [...caseIdErrors, ...(validation.ok ? [] : validation.errors)];
    throw new RequestValidationError(errors, caseIdErrors.length + (validation.ok ? 0 : (validation.total ?? validation.errors.length)));
  }
  requireSource(validation.value);
  return { kind: 'handoff', caseId: String(caseId).toLowerCase(), handoff: validation.value };
}

/** A validated line made into the recording its single request would be, under the caller's grant for that request. */
export function recordingOfValidated(validated: ValidatedLine, context: LineContext): LineRecording {
  if (validated.kind === 'report') {
    return { recording: crimeReportRecording(validated.report, lineGrant(context.caller, 'case:report'), { now: context.now }), options: { caseMustExist: false } };
  }
  const recording = handoffRecording(validated.caseId, validated.handoff, lineGrant(context.caller, 'case:record-handoff'), { now: context.now, rules: context.rules });
  return { recording, options: { caseMustExist: true } };
}

function withSourceSystem(line: ImportRecord, sourceSystem: string | undefined): ImportRecord {
  if (sourceSystem === undefined) return line;
  if (line.sourceSystem === undefined) return { ...line, sourceSystem };
  if (line.sourceSystem !== sourceSystem) {
    throw new RequestValidationError([{ field: 'sourceSystem', messages: [`this import is from ${sourceSystem}, but the line names ${String(line.sourceSystem)}`] }]);
  }
  return line;
}

/** Without its source's key a record cannot be told again from new: sending the file twice would store it twice. */
function requireSource({ sourceSystem, sourceReference }: { sourceSystem?: string; sourceReference?: string }): void {
  if (sourceSystem && sourceReference) return;
  const field = sourceSystem ? 'sourceReference' : 'sourceSystem';
  throw new RequestValidationError([{ field, messages: [`an imported record needs its sourceSystem and sourceReference, so that sending it again is a no-op`] }]);
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
