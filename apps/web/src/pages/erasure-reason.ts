import { ApiProblem } from '../api/api-client';
import { formError, formErrorsOf, type FormErrors } from './form-errors';

/** The API's limit on an erasure's reason (ErasureRequestDto). */
export const REASON_MAX_LENGTH = 500;

/** The reason for an erasure, as the form sent it: trimmed, and refused when blank or too long before anything is sent. */
export function checkedReason(value: unknown): { reason: string; errors?: FormErrors } {
  const reason = typeof value === 'string' ? value.trim() : '';
  if (reason === '') return { reason, errors: formError('reason', 'Enter why the personal data is erased, for example the reference of the decision') };
  if (reason.length > REASON_MAX_LENGTH) return { reason, errors: formError('reason', `The reason must be ${REASON_MAX_LENGTH} characters or fewer`) };
  return { reason };
}

/** The API's refusal of an erasure (a 400 naming `reason`, a 409, …) beside the reason field, where the form can be put right. */
export const reasonErrorsOf = (problem: ApiProblem): FormErrors => formErrorsOf(problem, (field) => (field === 'reason' ? 'reason' : undefined), 'reason');
