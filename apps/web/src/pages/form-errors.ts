import { ApiProblem } from '../api/api-client';

export interface FormErrors {
  /** For GOV.UK's error summary: each message linking to its field. */
  errorList: Array<{ text: string; href: string }>;
  /** Each field's message, shown beside it. */
  byField: Record<string, string>;
}

/**
 * The API's refusal of a form's record, as the GOV.UK error summary pattern shows it: each bad field
 * the API names (a dotted path such as `data.fileId`) put beside the form field that sent it, and
 * anything else (a journey rule, a conflict) at the top. `fieldOf` maps the API's path to the form's field id.
 */
export function formErrorsOf(problem: ApiProblem, fieldOf: (apiField: string) => string | undefined, fallbackField: string): FormErrors {
  const errors: FormErrors = { errorList: [], byField: {} };
  const add = (apiField: string | undefined, text: string) => {
    const field = (apiField && fieldOf(apiField)) || fallbackField;
    errors.errorList.push({ text, href: `#${field}` });
    errors.byField[field] ??= text;
  };
  const listed = problem.body.errors ?? [];
  for (const error of listed) add(error.field, (error.messages ?? [error.message ?? 'is not right']).join('; '));
  if (listed.length === 0) add(problem.body.field, problem.body.detail ?? problem.message);
  return errors;
}

/** A form's own check, before anything is sent. */
export function formError(field: string, text: string): FormErrors {
  return { errorList: [{ text, href: `#${field}` }], byField: { [field]: text } };
}
