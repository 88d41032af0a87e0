import type { CaseEventData, CaseEventType } from '@case-journey/domain';

/** Event types recorded through a route of their own rather than as a handoff. */
export const NOT_HANDOFFS = ['CrimeReported', 'VictimDataErased'] as const satisfies readonly CaseEventType[];

/**
 * Every event type a handoff can record. A crime report opens a case through `POST /cases`, and an
 * erasure is recorded by `POST /victims/:victimId/erasure`, which destroys the key in the same act.
 */
export type HandoffType = Exclude<CaseEventType, (typeof NOT_HANDOFFS)[number]>;

/** An event's data as a handoff sends it: the case id comes from the URL. */
export type HandoffData<T extends HandoffType> = Omit<CaseEventData<T>, 'caseId'>;
