/**
 * Why someone may open a victim's personal details: each unsealing names one, and the audit log
 * keeps it. Data, in one place: a deployment that needs another purpose adds it here.
 */
export const ACCESS_PURPOSES = {
  'contact-about-hearing': 'Tell the victim about a hearing: its date, time and place, or what happened at it',
  'contact-about-case-progress': 'Tell the victim about the investigation, a suspect, or a charging decision',
  'contact-about-outcome': 'Tell the victim the outcome, the sentence or an appeal',
  'needs-assessment': "Assess the victim's needs or arrange special measures",
  'support-referral': 'Refer the victim to a support service',
  'witness-arrangements': 'Arrange for the victim to give evidence: warning, attendance, expenses',
  'victim-contact-scheme': 'Refer the victim to, or contact them under, the Victim Contact Scheme',
  safeguarding: "Act on a risk to the victim's safety",
  'subject-access-request': "Answer the victim's own request for the data held about them",
} as const;

export type AccessPurpose = keyof typeof ACCESS_PURPOSES;

export const ACCESS_PURPOSE_NAMES = Object.keys(ACCESS_PURPOSES) as AccessPurpose[];

export const isAccessPurpose = (value: unknown): value is AccessPurpose =>
  typeof value === 'string' && Object.prototype.hasOwnProperty.call(ACCESS_PURPOSES, value);
