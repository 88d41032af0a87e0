/** One field at fault, by its full dotted path (`data.charges[0].offence.category`), and why. */
export interface FieldError {
  field: string;
  messages: string[];
}

/** The most field errors one answer lists; the rest are counted. A hostile body can hold a hundred thousand. */
export const MAX_LISTED_ERRORS = 50;
