import type { HearingHeld } from '../events';
import { findHearing } from '../state/case-lookups';
import type { CaseState } from '../state/case-state';
import { defineRule } from './journey-rule';

type HeldData = HearingHeld['data'];

export const hearingMustBeListed = defineRule({
  id: 'hearing-must-be-listed',
  holds: (state: CaseState, hearingId: string) => findHearing(state, hearingId) !== undefined,
  explain: (_state, hearingId) => `Hearing ${hearingId} has not been listed`,
  field: 'data.hearingId',
});

export const hearingIdMustBeNew = defineRule({
  id: 'hearing-id-must-be-new',
  holds: (state: CaseState, hearingId: string) => findHearing(state, hearingId) === undefined,
  explain: (_state, hearingId) => `Hearing ${hearingId} is already listed`,
  field: 'data.hearingId',
});

export const hearingHeldOnce = defineRule({
  id: 'hearing-held-once',
  holds: (state: CaseState, hearingId: string) => findHearing(state, hearingId)?.held === null,
  explain: (state, hearingId) => `Hearing ${hearingId} already has a result (${findHearing(state, hearingId)?.held?.result})`,
  field: 'data.hearingId',
});

export const ineffectiveHearingNeedsReasonCode = defineRule({
  id: 'ineffective-hearing-needs-reason-code',
  holds: (data: HeldData) => data.result !== 'ineffective' || (data.ineffectiveReason?.code.trim() ?? '') !== '',
  explain: () => "An ineffective hearing must carry the court's reason code",
  field: 'data.ineffectiveReason',
});

export const crackedHearingNeedsReason = defineRule({
  id: 'cracked-hearing-needs-reason',
  holds: (data: HeldData) => data.result !== 'cracked' || data.crackedReason !== undefined,
  explain: () => 'A cracked hearing must say why it cracked',
  field: 'data.crackedReason',
});

// Own judgment: a reason that contradicts the result would be counted in the wrong trial-effectiveness group.
export const hearingReasonMustMatchResult = defineRule({
  id: 'hearing-reason-must-match-result',
  holds: (data: HeldData) =>
    (data.ineffectiveReason === undefined || data.result === 'ineffective') && (data.crackedReason === undefined || data.result === 'cracked'),
  explain: (data) => `A ${data.result} hearing cannot carry ${data.ineffectiveReason ? 'an ineffective reason code' : 'a cracked reason'}`,
  field: (data) => (data.ineffectiveReason && data.result !== 'ineffective' ? 'data.ineffectiveReason' : 'data.crackedReason'),
});
