import { randomUUID } from 'node:crypto';
import { ApiProblem, type ApiClient } from '../api/api-client';
import { formErrorsOf, type FormErrors } from './form-errors';

/** A fresh key for each form shown: sent back with the form, so a double click or a resend stores one event. */
export const newIdempotencyKey = (): string => randomUUID();
const KEY = /^[0-9a-f-]{36}$/;
export const idempotencyKeyOf = (value: unknown): string => (typeof value === 'string' && KEY.test(value) ? value : newIdempotencyKey());

/**
 * Records one handoff through the API as the signed-in user (POST /cases/:id/events with an
 * Idempotency-Key). A refusal the user can act on (400, 409, 422) comes back as the form's errors;
 * anything else (403, 404, 5xx) is thrown for the error page.
 */
export async function recordHandoff(
  api: ApiClient,
  caseId: string,
  record: object,
  idempotencyKey: string,
  fieldOf: (apiField: string) => string | undefined,
  fallbackField: string,
): Promise<{ recorded: true; replayed: boolean } | FormErrors> {
  try {
    const answer = await api.post<{ eventId: string }>(`cases/${encodeURIComponent(caseId)}/events`, record, { 'idempotency-key': idempotencyKey });
    return { recorded: true, replayed: !answer.eventId };
  } catch (error) {
    if (error instanceof ApiProblem && [400, 409, 422].includes(error.status)) return formErrorsOf(error, fieldOf, fallbackField);
    throw error;
  }
}
