import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Logger as PinoLogger } from 'pino';
import { JourneyRuleViolation } from '@case-journey/domain';
import { EventStoreUnavailableError } from '@case-journey/event-store';
import { isRedisUnreachable, RedisUnavailableError } from '@case-journey/projections';
import { VictimDataErasedError } from '@case-journey/personal-data';
import { AccessRefusedError } from '../access/access-refused.error';
import { UnknownAreaError } from '../areas/unknown-area.error';
import { CaseNotFoundError, RecordKeyReusedError, RevisionConflictError } from '../cases/case-errors';
import { VictimErasedError, VictimNotFoundError } from '../victims/victim-errors';
import { RequestValidationError, validationProblem } from './request-validation.error';
import { RETRY_AFTER_SECONDS } from './service-unavailable';
import { revisionTag } from './revision-tag';

export interface Problem {
  status: number;
  title: string;
  detail: string;
  [extension: string]: unknown;
}

/**
 * Every failure leaves as an RFC 9457 problem document: 400 a bad field, 401 no acceptable token,
 * 403 not allowed (naming the mismatch), 404 an unknown case, 409 a concurrency conflict (with the
 * current revision), 422 a journey rule broken (with its id) or a source reference re-used for a
 * different record (with what differs), 429 too many requests, 503 with Retry-After when the event
 * store or Redis cannot be reached (nothing was stored; the same request may be sent again). Each names its `requestId`, the id
 * in the X-Request-Id header and in every log line of the request.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemDetailsFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const request = host.switchToHttp().getRequest<Request & { id?: unknown; log?: PinoLogger }>();
    const problem = { ...problemOf(exception), requestId: request.id === undefined ? null : String(request.id) };
    // An unreachable store is said once by whoever watches it, not with a stack per request.
    if (problem.status >= 500 && !(problem as Problem).unavailable) this.logFailure(exception, request.log);
    if (exception instanceof RevisionConflictError && exception.currentRevision !== undefined) {
      response.setHeader('ETag', revisionTag(exception.currentRevision));
    }
    if (problem.status === 503) response.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
    response.status(problem.status).type('application/problem+json').json(problem);
  }

  /** Through the request's logger, so that the line carries the request's id (see request-logging.ts). */
  private logFailure(exception: unknown, requestLog: PinoLogger | undefined): void {
    if (!requestLog) return this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    if (exception instanceof Error) requestLog.error({ context: ProblemDetailsFilter.name, err: exception }, exception.message);
    else requestLog.error({ context: ProblemDetailsFilter.name }, String(exception));
  }
}

/**
 * The problem document for a failure: the API's one vocabulary of errors, for every answer and for
 * each line an import rejects. Anything not named here is a 500 that says nothing of its cause.
 */
export function problemOf(exception: unknown): Problem {
  if (exception instanceof RequestValidationError) return validationProblem(exception);
  if (exception instanceof CaseNotFoundError) {
    return { status: 404, title: 'Case not found', detail: exception.message, caseId: exception.caseId };
  }
  if (exception instanceof RevisionConflictError) {
    return {
      status: 409,
      title: 'The case has changed',
      detail: `${exception.message}: read it again and retry`,
      caseId: exception.caseId,
      currentRevision: exception.currentRevision?.toString() ?? null,
    };
  }
  if (exception instanceof JourneyRuleViolation) {
    return { status: 422, title: 'Journey rule broken', detail: exception.message, rule: exception.rule, field: exception.field ?? null };
  }
  if (exception instanceof RecordKeyReusedError) {
    return {
      status: 422,
      title: 'Record key re-used',
      detail: exception.message,
      rule: 'record-key-reused',
      eventId: exception.eventId,
      storedType: exception.storedType,
      differentFields: exception.differences,
    };
  }
  if (exception instanceof AccessRefusedError) {
    return { status: 403, title: 'Forbidden', detail: exception.reason, field: exception.field ?? null };
  }
  if (exception instanceof UnknownAreaError) {
    return { status: 404, title: 'Area not found', detail: exception.message, field: 'area', area: exception.area, knownAreas: exception.knownAreas };
  }
  if (exception instanceof VictimNotFoundError) {
    return { status: 404, title: 'Victim not found', detail: exception.message, victimId: exception.victimId, caseId: exception.caseId ?? null };
  }
  if (exception instanceof VictimErasedError) {
    return { status: 410, title: "Victim's personal data erased", detail: exception.message, victimId: exception.victimId, erasedAt: exception.erasedAt };
  }
  if (exception instanceof VictimDataErasedError) {
    return { status: 410, title: "Victim's personal data erased", detail: exception.message };
  }
  if (isRedisUnreachable(exception)) {
    const why = exception instanceof RedisUnavailableError ? exception : new RedisUnavailableError((exception as Error).message);
    return { status: 503, title: 'Service unavailable', detail: `${why.message}. Recording handoffs goes on; try again after Retry-After seconds`, unavailable: 'redis' };
  }
  if (exception instanceof EventStoreUnavailableError) {
    return { status: 503, title: 'Service unavailable', detail: `${exception.message}; nothing was stored, send it again after Retry-After seconds`, unavailable: 'event-store' };
  }
  if (exception instanceof HttpException) {
    return fromHttpException(exception);
  }
  const carried = carriedStatus(exception);
  if (carried) {
    return { status: carried, title: HttpStatus[carried]?.toString().replace(/_/g, ' ').toLowerCase() ?? 'Error', detail: (exception as Error).message };
  }
  return { status: 500, title: 'Internal error', detail: 'The request failed; nothing of it was stored.' };
}

function fromHttpException(exception: HttpException): Problem {
  const status = exception.getStatus();
  const body = exception.getResponse();
  const detail = typeof body === 'string' ? body : String((body as { message?: unknown }).message ?? exception.message);
  if (status === HttpStatus.BAD_REQUEST) {
    return { status, title: 'Invalid request', detail, errors: [{ field: 'body', messages: [detail] }] };
  }
  return { status, title: HttpStatus[status]?.toString().replace(/_/g, ' ').toLowerCase() ?? 'Error', detail };
}

/** A client error from the HTTP stack (body-parser's 413 for a body too large, say) keeps its status. */
function carriedStatus(exception: unknown): number | undefined {
  const status = (exception as { status?: unknown; statusCode?: unknown } | null)?.status ?? (exception as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}
