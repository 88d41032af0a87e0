import {
  crackedHearingNeedsReason,
  hearingHeldOnce,
  hearingIdMustBeNew,
  hearingReasonMustMatchResult,
  ineffectiveHearingNeedsReasonCode,
} from '../rules/hearing.rules';
import { enforce } from '../rules/journey-rule';
import { instantMustBeValid } from '../rules/timing.rules';
import { chargedCase, listedHearing, recordWhen } from './case-checks';
import type { DeciderMap } from './decider';

/** Listing hearings, the court's notices to the Witness Care Unit, and what happened on the day. */
export const hearingDeciders: DeciderMap<'HearingListed' | 'CourtNoticeReceived' | 'HearingHeld'> = {
  HearingListed: recordWhen(
    chargedCase,
    ({ data }, state) => enforce(hearingIdMustBeNew, state, data.hearingId),
    ({ data }) => enforce(instantMustBeValid, 'data.scheduledFor', data.scheduledFor),
  ),
  CourtNoticeReceived: recordWhen(listedHearing),
  HearingHeld: recordWhen(
    listedHearing,
    ({ data }, state) => enforce(hearingHeldOnce, state, data.hearingId),
    ({ data }) => enforce(ineffectiveHearingNeedsReasonCode, data),
    ({ data }) => enforce(crackedHearingNeedsReason, data),
    ({ data }) => enforce(hearingReasonMustMatchResult, data),
  ),
};
