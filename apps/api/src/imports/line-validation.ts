import { isUUID } from 'class-validator';
import { RequestValidationError } from '../http/request-validation.error';
import { validateCrimeReport, validateHandoff, type BodyRules, type FieldError, type ReportCrimeDto, type ValidatedHandoff } from '../cases/dto';

/*
 * The validation of an import's line, kept to what it needs (the request bodies' DTOs and
 * class-validator), so that the validation thread loads no more than that.
 */

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

/**
 * A line as its single request's validation leaves it: the crime report, or the handoff and its
 * case's id. Plain data, so that a validation thread can hand it over as it is.
 */
export type ValidatedLine = { kind: 'report'; report: ReportCrimeDto } | { kind: 'handoff'; caseId: string; handoff: ValidatedHandoff };

const isObject = (value: unknown): value is ImportRecord => typeof value === 'object' && value !== null && !Array.isArray(value);

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
