import type { OptOutScope } from '../vocabulary';
import { findVictim } from '../state/case-lookups';
import type { CaseState, VictimState } from '../state/case-state';
import { defineRule } from './journey-rule';

export const victimMustBeKnown = defineRule({
  id: 'victim-must-be-known',
  holds: (state: CaseState, victimId: string) => findVictim(state, victimId) !== undefined,
  explain: (_state, victimId) => `Victim ${victimId} is not known to this case`,
  field: 'data.victimId',
});

const firstDuplicate = (ids: readonly string[]): string | undefined => ids.find((id, index) => ids.indexOf(id) !== index);

/** Serves both a crime report's own list and a victim added later (the case's ids plus the new one). */
export const victimIdMustBeUnique = defineRule({
  id: 'victim-id-must-be-unique',
  holds: (_field: string, victimIds: readonly string[]) => firstDuplicate(victimIds) === undefined,
  explain: (_field, victimIds) => `Victim id ${firstDuplicate(victimIds)} is used twice in this case`,
  field: (field) => field,
});

const optedOut = (victim: VictimState | undefined, scope: OptOutScope): boolean =>
  victim !== undefined && (victim.optOuts.includes(scope) || victim.optOuts.includes('all'));

export const optInNeedsOptOut = defineRule({
  id: 'opt-in-needs-opt-out',
  holds: (state: CaseState, victimId: string, scope: OptOutScope) => findVictim(state, victimId)?.optOuts.includes(scope) ?? false,
  explain: (_state, victimId, scope) => `Victim ${victimId} has not opted out of ${scope}`,
  field: 'data.scope',
});

// Own judgment: the Code lets a victim opt out of a referral; making one anyway goes against their wish.
export const referralRespectsOptOut = defineRule({
  id: 'referral-respects-opt-out',
  holds: (state: CaseState, victimId: string, scope: OptOutScope) => !optedOut(findVictim(state, victimId), scope),
  explain: (_state, victimId, scope) => `Victim ${victimId} has opted out of ${scope}`,
  field: 'data.victimId',
});

const needsConsentToReferral = (state: CaseState, victim: VictimState): boolean =>
  state.offence?.category === 'sexual' ||
  state.offence?.category === 'domestic-abuse' ||
  victim.kind === 'bereaved-family' ||
  victim.enhancedGrounds.some((record) => record.ground === 'bereaved-close-relative');

// From the Victims' Code (right 4): for sexual offences, domestic abuse and bereaved relatives, only with explicit consent.
export const referralNeedsConsent = defineRule({
  id: 'referral-needs-consent',
  holds: (state: CaseState, victimId: string) => {
    const victim = findVictim(state, victimId);
    return victim === undefined || victim.consentToReferral || !needsConsentToReferral(state, victim);
  },
  explain: (_state, victimId) => `Victim ${victimId} must consent before being referred for this offence`,
  field: 'data.victimId',
});

// Own judgment: the Victim Contact Scheme follows a sentence; which sentences qualify is the Code engine's business.
export const vcsReferralNeedsSentence = defineRule({
  id: 'vcs-referral-needs-sentence',
  holds: (state: CaseState) => state.sentence !== null,
  explain: () => 'No sentence has been passed, so there is nothing to refer to the Victim Contact Scheme',
});

export const vcsReferralMustBeMade = defineRule({
  id: 'vcs-referral-must-be-made',
  holds: (state: CaseState, victimId: string) => (findVictim(state, victimId)?.victimContactScheme.referralMadeAt ?? null) !== null,
  explain: (_state, victimId) => `Victim ${victimId} has not been referred to the Victim Contact Scheme`,
  field: 'data.victimId',
});

// Own judgment: erasure closes the victim's record, so that what was counted about them stays as it was
// and nothing new describes a person the read models have forgotten; a contact made before the erasure
// had to be recorded before it.
export const erasedVictimTakesNoRecords = defineRule({
  id: 'erased-victim-takes-no-records',
  holds: (state: CaseState, victimId: string) => (findVictim(state, victimId)?.erasure ?? null) === null,
  explain: (state, victimId) => `Victim ${victimId}'s personal data was erased on ${findVictim(state, victimId)?.erasure?.at}: nothing more is recorded about them`,
  field: 'data.victimId',
});

// Own judgment: the key is destroyed by the first erasure; a second one would record a decision that changed nothing.
export const victimDataErasedOnce = defineRule({
  id: 'victim-data-erased-once',
  holds: (state: CaseState, victimId: string) => (findVictim(state, victimId)?.erasure ?? null) === null,
  explain: (state, victimId) => `Victim ${victimId}'s personal data was already erased on ${findVictim(state, victimId)?.erasure?.at}`,
  field: 'data.victimId',
});
