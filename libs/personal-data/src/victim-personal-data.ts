/** What the Code's agencies hold about a victim that identifies them. Never stored in plain text. */
export interface VictimPersonalData {
  name: string;
  /** For a business or a bereaved family: the named point of contact. */
  contactName?: string;
  /** YYYY-MM-DD */
  dateOfBirth?: string;
  email?: string;
  phone?: string;
  address?: string;
}

/** What opening a sealed envelope gives once the victim's key has been destroyed. */
export interface ErasedPersonalData {
  erased: true;
}
