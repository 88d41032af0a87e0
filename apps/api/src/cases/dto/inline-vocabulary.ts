import type { HandoffData } from './handoff-type';

/**
 * Closed lists the domain spells as inline unions rather than as vocabulary arrays. Each is
 * written as a record over the union, so a value added to or dropped from the event type fails
 * to compile here instead of drifting.
 */
const membersOf = <T extends string>(members: Record<T, true>): readonly T[] => Object.keys(members) as T[];

export const FILE_REVIEW_OUTCOMES = membersOf<HandoffData<'FileReviewed'>['outcome']>({ accepted: true, returned: true });

export const APPELLANTS = membersOf<HandoffData<'AppealLodged'>['by']>({ defence: true, prosecution: true });

export const APPEALED_DECISIONS = membersOf<HandoffData<'AppealLodged'>['against']>({ conviction: true, sentence: true });

export const APPEAL_OUTCOMES = membersOf<HandoffData<'AppealDecided'>['outcome']>({ allowed: true, dismissed: true, varied: true });
