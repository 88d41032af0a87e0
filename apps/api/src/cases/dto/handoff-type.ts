import type { CaseEventData, CaseEventType } from '@case-journey/domain';

/** Every event type a handoff can record. A crime report opens a case through `POST /cases` instead. */
export type HandoffType = Exclude<CaseEventType, 'CrimeReported'>;

/** An event's data as a handoff sends it: the case id comes from the URL. */
export type HandoffData<T extends HandoffType> = Omit<CaseEventData<T>, 'caseId'>;
