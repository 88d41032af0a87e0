import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiProperty, ApiPropertyOptional, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { MAX_LISTED_ERRORS, type FieldError } from '../cases/dto/field-error';
import { BODY_LIMIT } from './json-body';
import type { Problem } from './problem-details.filter';
import { RETRY_AFTER_SECONDS } from './service-unavailable';

export class FieldErrorDto implements FieldError {
  @ApiProperty({ description: 'The full dotted path of the field at fault', example: 'data.charges[0].offence.category' })
  field!: string;

  @ApiProperty({ type: [String], description: 'Why it is refused' })
  messages!: string[];
}

/** An RFC 9457 problem document, as ProblemDetailsFilter sends every failure; the extensions each status may carry are listed. */
export class ProblemDto implements Problem {
  [extension: string]: unknown;

  @ApiProperty({ example: 400 })
  status!: number;

  @ApiProperty({ example: 'Invalid request' })
  title!: string;

  @ApiProperty({ example: 'Invalid request: occurredAt' })
  detail!: string;

  @ApiProperty({ type: String, nullable: true, description: 'The X-Request-Id of the request, named in every log line of it' })
  requestId!: string | null;

  @ApiPropertyOptional({ type: [FieldErrorDto], description: `400: each field at fault, the first ${MAX_LISTED_ERRORS}` })
  errors?: FieldErrorDto[];

  @ApiPropertyOptional({ description: '400: how many more fields were at fault than are listed' })
  errorsNotListed?: number;

  @ApiPropertyOptional({ type: String, nullable: true, description: '403, 422: the field the refusal or the broken rule is about; 404: `area` for an unknown area' })
  field?: string | null;

  @ApiPropertyOptional({ description: '404, 409: the case' })
  caseId?: string;

  @ApiPropertyOptional({ description: '404, 410: the victim' })
  victimId?: string;

  @ApiPropertyOptional({ description: '404 for an unknown area: the area asked for' })
  area?: string;

  @ApiPropertyOptional({ type: [String], description: '404 for an unknown area: the areas known' })
  knownAreas?: string[];

  @ApiPropertyOptional({ type: String, nullable: true, description: "409: the case's revision now (also its ETag)" })
  currentRevision?: string | null;

  @ApiPropertyOptional({ description: "422: the journey rule broken, or `record-key-reused`", example: 'sentence-needs-conviction' })
  rule?: string;

  @ApiPropertyOptional({ type: [String], description: '422 record-key-reused: the fields that differ from the record stored under the same source reference or Idempotency-Key' })
  differentFields?: string[];

  @ApiPropertyOptional({ enum: ['redis', 'event-store'], description: '503: what cannot be reached' })
  unavailable?: 'redis' | 'event-store';
}

/** What each status means wherever it is answered; a route names its own where it says more. */
export const PROBLEM_DESCRIPTIONS = {
  400: `A parameter, header or body field is missing or wrong: \`errors\` names each (the first ${MAX_LISTED_ERRORS}, \`errorsNotListed\` counts the rest)`,
  401: 'No bearer token, or one expired, for another audience, or not signed by the issuer',
  403: 'Your role or scope does not allow it',
  404: 'Not found, or outside your areas',
  409: 'A conflict with the state of what is asked about',
  410: "The victim's personal data was erased",
  413: `The body is over ${BODY_LIMIT.toUpperCase()}`,
  415: 'The body is not UTF-8 JSON',
  422: 'A journey rule is broken (`rule` names it), or a source reference or Idempotency-Key is re-used for a different record (`differentFields`)',
  429: 'Too many requests from this caller; Retry-After gives the seconds to wait',
  503: `The event store or Redis cannot be reached: nothing was stored; try again after Retry-After (${RETRY_AFTER_SECONDS} s)`,
} as const;

export type ProblemStatus = keyof typeof PROBLEM_DESCRIPTIONS;
type ProblemAnswers = ProblemStatus | Partial<Record<ProblemStatus, string>>;

/**
 * Documents the failures a route can answer, each as a problem document: a status alone takes its
 * usual description, `{ 404: '…' }` says what it means on this route. 429 and 503 name Retry-After.
 */
export const ApiProblemResponses = (...answers: ProblemAnswers[]) =>
  applyDecorators(
    ApiExtraModels(ProblemDto),
    ...answers.flatMap(describedStatuses).map(([status, description]) =>
      ApiResponse({
        status,
        description,
        content: { 'application/problem+json': { schema: { $ref: getSchemaPath(ProblemDto) } } },
        ...((status === 429 || status === 503) && { headers: { 'Retry-After': { description: 'Seconds to wait before trying again', schema: { type: 'integer' } } } }),
      }),
    ),
  );

const describedStatuses = (answer: ProblemAnswers): Array<[number, string]> =>
  typeof answer === 'number' ? [[answer, PROBLEM_DESCRIPTIONS[answer]]] : Object.entries(answer).map(([status, description]) => [Number(status), description]);

/** The failures of a route that reads a JSON body. */
export const BODY_PROBLEMS = [400, 413, 415] as const satisfies readonly ProblemStatus[];
